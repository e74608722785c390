import { describe, expect, it } from "vitest";
import type { LayerType } from "@/lib/model-core";
import { layerTypesOf, planBackends, type BackendName } from "./backend-choice";

const ALL = ["cpu", "webgl", "wasm", "webgpu"];
type Case = [available: readonly string[], layerTypes: readonly LayerType[], preferred: BackendName | undefined, order: readonly BackendName[], why: string];

describe("planBackends", () => {
  it.each<Case>([
    [ALL, ["dense", "dropout"], undefined, ["webgpu", "webgl", "wasm", "cpu"], "everything, fastest first"],
    [ALL, ["conv2d", "maxPool2d", "dense"], undefined, ["webgpu", "webgl", "cpu"], "wasm cannot train conv2d"],
    [ALL, ["embedding", "lstm", "dense"], undefined, ["webgpu", "webgl", "cpu"], "wasm cannot train embeddings"],
    [["cpu", "webgl", "wasm"], ["dense"], undefined, ["webgl", "wasm", "cpu"], "no WebGPU (headless Chromium)"],
    [["cpu", "wasm"], ["simpleRNN", "dense"], undefined, ["wasm", "cpu"], "no GPU at all"],
    [["cpu", "wasm"], ["conv2d"], undefined, ["cpu"], "CNN without a GPU: only cpu can train it"],
    [ALL, ["dense"], "wasm", ["wasm", "webgpu", "webgl", "cpu"], "a preferred backend goes first"],
    [ALL, ["conv2d"], "wasm", ["webgpu", "webgl", "cpu"], "unless it cannot train the layers"],
    [["cpu"], ["dense"], "webgl", ["cpu"], "or is not available"],
  ])("%j, %j, preferring %s → %j (%s)", (available, layerTypes, preferred, order) => {
    expect(planBackends({ available, layerTypes, preferred }).order).toEqual(order);
  });

  it("says why it skipped a backend", () => {
    expect(planBackends({ available: ALL, layerTypes: ["conv2d"] }).skipped).toEqual([{ backend: "wasm", reason: "wasm cannot train conv2d layers in tfjs 4.22" }]);
  });

  it("collects layer types across specs", () => {
    expect(layerTypesOf([{ layers: [{ type: "dense", units: 2 }] }, { layers: [{ type: "conv2d", filters: 1, kernelSize: 3 }, { type: "dense", units: 1 }] }])).toEqual(["dense", "conv2d"]);
  });
});
