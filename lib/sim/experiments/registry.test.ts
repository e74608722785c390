import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EXPERIMENT_IDS } from "../engine/experiment-types";
import { EXPERIMENTS, experimentsForConcept, isExperimentId, parseExperimentSettings, previewModels, trainedLayerTypes } from "./registry";

describe("experiment registry", () => {
  it.each(EXPERIMENT_IDS)("%s: id, titles in both languages, an ISLP section, valid default models", (id) => {
    const experiment = EXPERIMENTS[id];
    expect(experiment.id).toBe(id);
    for (const text of [experiment.title, experiment.shows]) {
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.ko.length).toBeGreaterThan(5);
    }
    expect(experiment.islp).toMatch(/^ISLP \(2023\) §10\./);
    expect(experiment.conceptIds.length).toBeGreaterThan(0);
    const parsed = parseExperimentSettings(id, {});
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const models = previewModels(id, parsed.settings);
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) expect(model.params, `${id}/${model.id}`).toBeGreaterThan(0);
  });

  it("shows the chapter's parameter counts before anything trains", () => {
    const totals = (id: (typeof EXPERIMENT_IDS)[number]) => {
      const parsed = parseExperimentSettings(id, {});
      if (!parsed.ok) throw new Error("defaults do not parse");
      return Object.fromEntries(previewModels(id, parsed.settings).map((model) => [model.id, model.params]));
    };
    expect(totals("hitters")).toEqual({ linear: 20, network: 1_051 });
    expect(totals("mnist-mlp")).toEqual({ mlp: 235_146, logistic: 7_850 });
    expect(totals("cnn-vs-mlp")).toEqual({ cnn: 12_810, mlp: 235_146 });
    expect(totals("rnn-nyse")).toEqual({ rnn: 205, "linear-ar": 16 });
    expect(totals("convolution")).toEqual({ cnn: 6_810 });
    // Three conv blocks of 4, 8, 16 filters: (27 + 1)·4 + (36 + 1)·8 + (72 + 1)·16 + (256 + 1)·4.
    expect(totals("cnn-blocks")).toEqual({ cnn: 2_604 });
    expect(totals("lstm-embedding")).toEqual({ "bag-of-words": 306, lstm: 1_282 });
  });

  it("knows which experiments train conv layers (and so cannot use wasm)", () => {
    const conv = EXPERIMENT_IDS.filter((id) => {
      const parsed = parseExperimentSettings(id, {});
      return parsed.ok && trainedLayerTypes(id, parsed.settings).includes("conv2d");
    });
    expect(conv).toEqual(["convolution", "max-pooling", "cnn-vs-mlp", "cnn-blocks"]);
  });

  it("links the deck's concepts to experiments and recognises ids", () => {
    const deck: unknown = parse(readFileSync(path.resolve(__dirname, "../../../content/decks/islp-ch10/deck.yaml"), "utf8"));
    const concepts = new Set((deck as { concepts: { id: string }[] }).concepts.map((c) => c.id));
    for (const id of EXPERIMENT_IDS) for (const concept of EXPERIMENTS[id].conceptIds) expect(concepts, `${id} → ${concept}`).toContain(concept);
    expect(experimentsForConcept("dropout")).toEqual(["dropout"]);
    expect(experimentsForConcept("parameter-count")).toEqual(["hitters", "cnn-vs-mlp"]);
    expect(experimentsForConcept("cifar100")).toEqual(["cnn-blocks"]);
    expect(experimentsForConcept("lstm-embedding")).toEqual(["lstm-embedding"]);
    expect(isExperimentId("mnist-mlp")).toBe(true);
    expect(isExperimentId("mnist")).toBe(false);
  });
});
