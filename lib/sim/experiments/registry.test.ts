import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EXPERIMENT_IDS } from "../engine/experiment-types";
import { EXPERIMENTS, experimentsForConcept, isExperimentId, parseExperimentSettings, previewModels, trainedLayerTypes } from "./registry";

/** Every item of the course deck that names a simulation, as [item id, simulation id]. */
function deckSimulationLinks(): [string, string][] {
  const dir = path.resolve(__dirname, "../../../content/decks/islp-ch10");
  const files = ["templates", "cards"].flatMap((sub) => readdirSync(path.join(dir, sub)).map((file) => path.join(dir, sub, file)));
  return files.flatMap((file) => {
    const parsed = parse(readFileSync(file, "utf8")) as { templates?: { id: string; simulation?: string }[]; cards?: { id: string; simulation?: string }[] };
    return [...(parsed.templates ?? []), ...(parsed.cards ?? [])].flatMap((item): [string, string][] => (item.simulation ? [[item.id, item.simulation]] : []));
  });
}

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
    expect(totals("dl-vs-methods")).toEqual({ linear: 20, lasso: 20, network: 1_051 });
    // 785 × 32 + 33 × 16 + 17 × 10: the defaults' W₁, W₂ and B.
    expect(totals("weight-shapes")).toEqual({ mlp: 25_120 + 528 + 170 });
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
    expect(experimentsForConcept("dl-vs-ml")).toEqual(["dl-vs-methods"]);
    expect(experimentsForConcept("when-deep-learning")).toEqual(["dl-vs-methods"]);
    expect(experimentsForConcept("weight-matrix")).toEqual(["weight-shapes"]);
    expect(experimentsForConcept("cifar100")).toEqual(["cnn-blocks"]);
    expect(experimentsForConcept("lstm-embedding")).toEqual(["lstm-embedding"]);
    expect(experimentsForConcept("time-series")).toEqual(["rnn-nyse"]);
    expect(experimentsForConcept("fitting-network")).toEqual(["overfitting"]);
    // Every concept of the course has a simulation but these two: augmentation and a pretrained
    // ResNet50 need data and weights the app cannot fetch offline, and double descent (ISLP §10.8)
    // is not built yet. A new concept without one fails here.
    expect([...concepts].filter((concept) => experimentsForConcept(concept).length === 0)).toEqual(["cnn-practice", "double-descent"]);
    expect(isExperimentId("mnist-mlp")).toBe(true);
    expect(isExperimentId("mnist")).toBe(false);
  });

  it("every experiment is named by at least one question of the deck, and each link names a real experiment", () => {
    const links = deckSimulationLinks();
    for (const [item, simulation] of links) expect(isExperimentId(simulation), `${item} → ${simulation}`).toBe(true);
    const named = new Set(links.map(([, simulation]) => simulation));
    expect(EXPERIMENT_IDS.filter((id) => !named.has(id))).toEqual([]);
    // The weight-matrix questions point at the simulation that shows the matrices.
    expect(links.filter(([item]) => ["w1-785", "islp-first-weight-matrix", "islp-second-weight-matrix", "islp-output-weight-matrix"].includes(item)).map(([, s]) => s)).toEqual(
      Array(4).fill("weight-shapes"),
    );
  });
});
