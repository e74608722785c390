import { beforeAll, describe, expect, it } from "vitest";
import { deriveArchitecture, validateSpec } from "@/lib/model-core";
import { countWithTfjs } from "@/lib/model-core/tfjs";
import { completed, first, last, runInNode, selectBackend } from "../testing/run-in-node";
import { blockShapes, cnnBlocksExperiment, cnnBlocksSpec } from "./cnn-blocks";

function parsed(filters: number) {
  const validation = validateSpec(cnnBlocksSpec(filters));
  if (!validation.ok) throw new Error(validation.error);
  return validation.spec;
}

describe("the CIFAR-style CNN's shapes", () => {
  beforeAll(() => selectBackend("cpu"));

  it.each([2, 4, 8, 32])("with %i filters first: hand arithmetic, the closed form and the tfjs model agree on every layer", (filters) => {
    const spec = parsed(filters);
    const closed = deriveArchitecture(spec);
    const tfjs = countWithTfjs(spec);
    const hand = blockShapes(filters);
    expect(closed.layers.map((layer) => layer.outputShape)).toEqual(hand);
    expect(tfjs.layers.map((layer) => layer.outputShape)).toEqual(hand);
    // A 3 × 3 filter over C channels: 9C weights and a bias; pools and flatten hold none; the softmax reads 4 · 4 · 4F values.
    const channelsIn = [3, filters, 2 * filters];
    const handParams = [
      ...channelsIn.flatMap((c, block) => [(9 * c + 1) * filters * 2 ** block, 0]),
      0,
      (16 * 4 * filters + 1) * 4,
    ];
    expect(closed.layers.map((layer) => layer.params)).toEqual(handParams);
    expect(tfjs.layers.map((layer) => layer.params)).toEqual(handParams);
  });

  it("trains: the table read from the trained model (a real forward pass) matches, and the filters are 3 × 3 × 3", async () => {
    const run = completed(await runInNode(cnnBlocksExperiment, { filters: 2, epochs: 2, trainSize: 200, testSize: 100, seed: 3 }));
    const [cnn] = run.models;
    expect(cnn?.params).toBe((27 + 1) * 2 + (18 + 1) * 4 + (36 + 1) * 8 + (128 + 1) * 4);
    expect(cnn?.paramsVerified).toBe(true);
    expect(run.extras.agrees).toBe(true);
    expect(run.extras.layers.map((row) => row.tfjsShape)).toEqual(blockShapes(2));
    expect(run.extras.layers.map((row) => row.tfjsParams)).toEqual(run.extras.layers.map((row) => row.closedParams));
    expect(run.extras.filters).toHaveLength(2);
    for (const filter of run.extras.filters) expect(filter.weights).toHaveLength(27);
    expect(run.extras.examples).toHaveLength(8);
    expect(last(cnn?.epochs ?? []).loss).toBeLessThan(first(cnn?.epochs ?? []).loss);
    expect(run.summary.en).toContain("32 × 32 × 3 → 16 × 16 × 2 → 8 × 8 × 4 → 4 × 4 × 8");
    console.log(run.summary.en);
  }, 240_000);
});
