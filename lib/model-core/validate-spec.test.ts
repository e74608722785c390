import { describe, expect, it } from "vitest";
import { MAX_LAYERS } from "./limits";
import { parseSpecText } from "./parse-spec-text";
import { validateSpec } from "./validate-spec";

const dense = (units: unknown) => ({ type: "dense", units });

describe("validateSpec rejects with a message naming the layer and the problem", () => {
  it.each<[string, unknown, string, number | undefined]>([
    ["non-positive size", { input: [4], layers: [dense(0)] }, "layer 1 (dense): units must be a positive integer, got 0", 0],
    ["negative size", { input: [4], layers: [dense(3), dense(-2)] }, "layer 2 (dense): units must be a positive integer, got -2", 1],
    ["non-integer size", { input: [4], layers: [dense(2.5)] }, "layer 1 (dense): units must be a positive integer, got 2.5", 0],
    ["missing size", { input: [4], layers: [{ type: "dense" }] }, "layer 1 (dense): units is required", 0],
    [
      "kernel larger than a valid-padded input",
      { input: [3, 3, 1], layers: [{ type: "conv2d", filters: 2, kernelSize: 5 }] },
      'layer 1 (conv2d): kernel 5×5 is larger than its 3×3 input with "valid" padding',
      0,
    ],
    [
      "pool larger than its input after shrinking",
      { input: [4, 4, 1], layers: [{ type: "maxPool2d" }, { type: "maxPool2d" }, { type: "avgPool2d", poolSize: 2 }] },
      'layer 3 (avgPool2d): pool 2×2 is larger than its 1×1 input with "valid" padding',
      2,
    ],
    [
      "recurrent layer on a rank-1 input",
      { input: [784], layers: [{ type: "lstm", units: 8 }] },
      "layer 1 (lstm): a recurrent layer needs a sequence input [timesteps, features]; its input [784] has rank 1",
      0,
    ],
    [
      "embedding that is not first",
      { input: [500], layers: [dense(4), { type: "embedding", inputDim: 10, outputDim: 2 }] },
      "layer 2 (embedding): an embedding must be the first layer",
      1,
    ],
    [
      "embedding on a non-token input",
      { input: [28, 28], layers: [{ type: "embedding", inputDim: 10, outputDim: 2 }] },
      "layer 1 (embedding): an embedding reads [timesteps] of token ids; the input is [28, 28]",
      0,
    ],
    [
      "conv on a non-image input",
      { input: [784], layers: [{ type: "conv2d", filters: 2, kernelSize: 3 }] },
      "layer 1 (conv2d): needs an image input [height, width, channels]; its input is [784]",
      0,
    ],
    ["flatten of a flat input (keras)", { input: [784], layers: [{ type: "flatten" }] }, "layer 1 (flatten): its input [784] is already flat", 0],
    ["dropout rate of 1", { input: [4], layers: [{ type: "dropout", rate: 1 }] }, "layer 1 (dropout): rate must be in [0, 1), got 1", 0],
    ["negative dropout rate", { input: [4], layers: [{ type: "dropout", rate: -0.1 }] }, "rate must be in [0, 1), got -0.1", 0],
    ["unknown type", { input: [4], layers: [{ type: "conv3d" }] }, 'layer 1: unknown type "conv3d" (expected one of dense, conv2d', 0],
    ["layer without a type", { input: [4], layers: [{ units: 3 }] }, "layer 1: a layer needs a type", 0],
    ["misspelt field", { input: [4], layers: [{ type: "dense", units: 3, activaton: "relu" }] }, 'layer 1 (dense): unknown field "activaton"', 0],
    ["unknown activation", { input: [4], layers: [{ type: "dense", units: 3, activation: "rectifier" }] }, "activation must be one of linear, relu", 0],
    ["unknown convention", { input: [4], convention: "tensorflow", layers: [dense(1)] }, 'convention must be "keras" or "pytorch", got "tensorflow"', undefined],
    ["more than 64 layers", { input: [4], layers: Array.from({ length: MAX_LAYERS + 1 }, () => dense(2)) }, "the spec has 65 layers; the limit is 64", undefined],
    ["a dimension above 10⁷", { input: [4], layers: [dense(10_000_001)] }, "units is 10,000,001, above the limit of 10,000,000", 0],
    ["an input dimension above 10⁷", { input: [20_000_000], layers: [dense(1)] }, "input dimension is 20,000,000, above the limit", undefined],
    [
      "an output dimension above 10⁷",
      { input: [5_000, 5_000, 3], layers: [{ type: "flatten" }] },
      "layer 1 (flatten): output dimension 75,000,000 is above the limit of 10,000,000",
      0,
    ],
    [
      "more than 10¹⁰ parameters",
      { input: [1_000_000], layers: [dense(6_000), dense(1_000_000), dense(1)] },
      "layer 2 (dense): the network reaches 12,001,006,000 parameters here; the limit is 10,000,000,000",
      1,
    ],
    ["no layers", { input: [4], layers: [] }, "layers is empty", undefined],
    ["no input", { layers: [dense(1)] }, "input is required", undefined],
    ["input of rank 4", { input: [2, 2, 2, 2], layers: [dense(1)] }, "input must have 1 to 3 dimensions", undefined],
    ["not an object", "dense 784", "the spec must be an object", undefined],
    ["unknown top-level field", { input: [4], layers: [dense(1)], optimizer: "sgd" }, 'unknown field "optimizer" in the spec', undefined],
  ])("%s", (_reason, input, message, layerIndex) => {
    const result = validateSpec(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(message);
    expect(result.error).not.toContain("\n");
    if (layerIndex !== undefined) expect(result.layerIndex).toBe(layerIndex);
  });

  it("stops at 10¹⁰ parameters at the layer that crosses the limit", () => {
    const result = validateSpec({ input: [1_000_000], layers: [dense(6_000), dense(1_000_000), dense(1)] });
    expect(result).toMatchObject({ ok: false, layerIndex: 1, path: ["layers", 1] });
    expect(validateSpec({ input: [1_000_000], layers: [dense(6_000), dense(1)] }).ok).toBe(true);
  });

  it("names every problem, not just how many there are, with the first one's place for the cursor", () => {
    const result = validateSpec({ input: [4], layers: [dense(0), { type: "dropout", rate: 2 }, dense(-1)] });
    expect(result).toMatchObject({ ok: false, layerIndex: 0, path: ["layers", 0, "units"] });
    expect(result.ok ? "" : result.error).toBe(
      "layer 1 (dense): units must be a positive integer, got 0; also layer 2 (dropout): rate must be in [0, 1), got 2; layer 3 (dense): units must be a positive integer, got -1",
    );
  });

  it("names at most five problems and counts the rest", () => {
    const result = validateSpec({ input: [4], layers: Array.from({ length: 8 }, (_, i) => dense(-(i + 1))) });
    const error = result.ok ? "" : result.error;
    expect(error.match(/must be a positive integer/g)).toHaveLength(5);
    expect(error).toMatch(/got -5 \(and 3 more\)$/);
  });

  it("gives the path of the field for the form to point at", () => {
    expect(validateSpec({ input: [4], layers: [dense(3), { type: "dropout", rate: 2 }] })).toMatchObject({
      ok: false,
      layerIndex: 1,
      path: ["layers", 1, "rate"],
    });
  });
});

describe("validateSpec accepts and fills in defaults", () => {
  it("convention keras, useBias, strides 1, valid padding, returnSequences false", () => {
    const result = validateSpec({
      input: [10, 10, 1],
      layers: [{ type: "conv2d", filters: 2, kernelSize: 3 }, { type: "maxPool2d" }, { type: "flatten" }, dense(1)],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.convention).toBe("keras");
    expect(result.spec.layers[0]).toEqual({ type: "conv2d", filters: 2, kernelSize: 3, strides: 1, padding: "valid", useBias: true });
    expect(result.spec.layers[1]).toEqual({ type: "maxPool2d", poolSize: 2, padding: "valid" });
  });

  it("a kernel larger than the input is fine with same padding", () => {
    expect(validateSpec({ input: [3, 3, 1], layers: [{ type: "conv2d", filters: 2, kernelSize: 5, padding: "same" }] }).ok).toBe(true);
  });

  it("never throws, whatever it is given", () => {
    for (const input of [undefined, null, 0, "", [], {}, { input: "784" }, { input: [4], layers: [null] }, { input: [4], layers: {} }]) {
      expect(() => validateSpec(input)).not.toThrow();
      expect(validateSpec(input).ok).toBe(false);
    }
  });
});

describe("parseSpecText", () => {
  it("reads JSON, YAML and YAML flow style", () => {
    expect(parseSpecText('{"input": [4], "layers": []}')).toEqual({ ok: true, value: { input: [4], layers: [] } });
    expect(parseSpecText("input: [4]\nlayers:\n  - type: dense\n    units: 1\n")).toEqual({
      ok: true,
      value: { input: [4], layers: [{ type: "dense", units: 1 }] },
    });
    expect(parseSpecText("{input: [4], layers: [{type: dense, units: 1}]}")).toMatchObject({ ok: true });
  });

  it("reports broken JSON and empty input in one line", () => {
    const broken = parseSpecText('{"input": [4],');
    expect(broken).toMatchObject({ ok: false });
    if (!broken.ok) {
      expect(broken.error).toMatch(/^not valid JSON: /);
      expect(broken.error).not.toContain("\n");
    }
    expect(parseSpecText("  \n")).toEqual({ ok: false, error: "no spec given (the input is empty)" });
  });
});

describe("validateSpec on hostile input", () => {
  it("reports, never throws, for input nested deeper than JSON.stringify can recurse", () => {
    let nested: unknown = 1;
    for (let depth = 0; depth < 20_000; depth++) nested = [nested];
    const result = validateSpec({ input: [4], layers: [{ type: "dense", units: nested }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/layer 1 \(dense\): units/);
  });
});
