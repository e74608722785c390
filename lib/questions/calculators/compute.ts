/** Dispatches a resolved calculator input to its closed-form computation (pure, no tfjs). */
import { computeActivation } from "./activation";
import { computeConv2d } from "./conv2d";
import { computeDropout } from "./dropout";
import { computeMaxPool } from "./max-pool";
import { computeOutputSize } from "./output-size";
import { computeSingleLayerNetwork } from "./single-layer-network";
import { computeStepsPerEpoch } from "./steps-per-epoch";
import { computeTrainTestSplit } from "./train-test-split";
import type { CalculatorInput, CalculatorResult } from "./types";

export function computeCalculator(input: CalculatorInput): CalculatorResult {
  switch (input.calculator) {
    case "activation":
      return computeActivation(input);
    case "single-layer-network":
      return computeSingleLayerNetwork(input);
    case "conv2d":
      return computeConv2d(input);
    case "max-pool":
      return computeMaxPool(input);
    case "output-size":
      return computeOutputSize(input);
    case "steps-per-epoch":
      return computeStepsPerEpoch(input);
    case "train-test-split":
      return computeTrainTestSplit(input);
    case "dropout":
      return computeDropout(input);
  }
}
