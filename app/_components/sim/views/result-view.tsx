"use client";
import type { AnyOutcome, ExperimentId, Locale, ModelPreview } from "@/lib/sim";
import { CnnBlocksView } from "./cnn-blocks-view";
import { ConvolutionView } from "./convolution-view";
import { ActivationView, DropoutView, OverfittingView } from "./curves-view";
import { DigitsView } from "./digits-view";
import { DlVsMethodsView } from "./dl-vs-methods-view";
import { HittersView } from "./hitters-view";
import { LstmEmbeddingView } from "./lstm-embedding-view";
import { MinibatchView } from "./minibatch-view";
import { NyseView } from "./nyse-view";
import { completedOf } from "./outcome-types";
import { PoolingView } from "./pooling-view";
import { WeightShapesView } from "./weight-shapes-view";

/** What each experiment shows once it has run. */
export function ResultView({ experimentId, outcome, previews, locale }: { experimentId: ExperimentId; outcome: AnyOutcome; previews: readonly ModelPreview[]; locale: Locale }) {
  const common = { previews, locale };
  switch (experimentId) {
    case "activation":
    case "hidden-units": {
      const run = completedOf(outcome, experimentId);
      return run ? <ActivationView outcome={run} {...common} /> : null;
    }
    case "overfitting": {
      const run = completedOf(outcome, experimentId);
      return run ? <OverfittingView outcome={run} {...common} /> : null;
    }
    case "dropout": {
      const run = completedOf(outcome, experimentId);
      return run ? <DropoutView outcome={run} {...common} /> : null;
    }
    case "hitters": {
      const run = completedOf(outcome, experimentId);
      return run ? <HittersView outcome={run} {...common} /> : null;
    }
    case "minibatch-sgd": {
      const run = completedOf(outcome, experimentId);
      return run ? <MinibatchView outcome={run} {...common} /> : null;
    }
    case "mnist-mlp":
    case "cnn-vs-mlp": {
      const run = completedOf(outcome, experimentId);
      return run ? <DigitsView outcome={run} {...common} /> : null;
    }
    case "convolution": {
      const run = completedOf(outcome, experimentId);
      return run ? <ConvolutionView outcome={run} {...common} /> : null;
    }
    case "max-pooling": {
      const run = completedOf(outcome, experimentId);
      return run ? <PoolingView outcome={run} {...common} /> : null;
    }
    case "rnn-nyse": {
      const run = completedOf(outcome, experimentId);
      return run ? <NyseView outcome={run} {...common} /> : null;
    }
    case "dl-vs-methods": {
      const run = completedOf(outcome, experimentId);
      return run ? <DlVsMethodsView outcome={run} {...common} /> : null;
    }
    case "weight-shapes": {
      const run = completedOf(outcome, experimentId);
      return run ? <WeightShapesView outcome={run} {...common} /> : null;
    }
    case "cnn-blocks": {
      const run = completedOf(outcome, experimentId);
      return run ? <CnnBlocksView outcome={run} {...common} /> : null;
    }
    case "lstm-embedding": {
      const run = completedOf(outcome, experimentId);
      return run ? <LstmEmbeddingView outcome={run} {...common} /> : null;
    }
  }
}
