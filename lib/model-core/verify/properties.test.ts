/**
 * Property tests over random specs (fast-check): the closed form and TensorFlow.js agree layer by
 * layer, PyTorch differs from Keras by exactly the documented amounts, and whatever is invalid is
 * rejected with a message before tfjs is touched.
 */
import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { conventionDifference } from "../convention-difference";
import { deriveArchitecture } from "../derive-architecture";
import { MAX_DIMENSION, MAX_LAYERS } from "../limits";
import type { ArchitectureSpec, ArchitectureSpecInput } from "../spec-schema";
import { looseSpecArbitrary, validSpecArbitrary, type GeneratedSpec } from "../testing/spec-arbitraries";
import { validateSpec } from "../validate-spec";
import { countWithTfjs } from "./count-with-tfjs";
import { paramsReportFor } from "./params-report";
import { quietTfjs } from "./quiet-tfjs";
import { verifyArchitecture } from "./verify-architecture";

vi.mock("./count-with-tfjs", async (importOriginal) => {
  const original = await importOriginal<typeof import("./count-with-tfjs")>();
  return { ...original, countWithTfjs: vi.fn(original.countWithTfjs) };
});
const tfjsCalls = vi.mocked(countWithTfjs);
quietTfjs();

const RUNS = { numRuns: 150 };

function parse(input: ArchitectureSpecInput): ArchitectureSpec {
  const validation = validateSpec(input);
  if (!validation.ok) throw new Error(`generated spec rejected: ${validation.error}\n${JSON.stringify(input)}`);
  return validation.spec;
}

describe("valid random specs", () => {
  it("pass validation, and the closed form equals tfjs layer by layer (keras)", () => {
    fc.assert(
      fc.property(validSpecArbitrary(), ({ spec: input, outputShape }) => {
        const spec = parse({ ...input, convention: "keras" });
        const closed = deriveArchitecture(spec);
        const built = countWithTfjs(spec);
        expect(built.layers).toHaveLength(closed.layers.length);
        closed.layers.forEach((layer, i) => {
          expect(built.layers[i]).toEqual({ outputShape: layer.outputShape, params: layer.params, trainable: layer.trainable });
        });
        expect(built.total).toBe(closed.total);
        expect(built.trainable).toBe(closed.trainable);
        expect(closed.layers.at(-1)?.outputShape).toEqual(outputShape);
      }),
      RUNS,
    );
  });

  it("PyTorch minus Keras is exactly the documented difference, and verification says so", () => {
    const gateBlocks: Record<string, number> = { simpleRNN: 1, gru: 3, lstm: 4 };
    fc.assert(
      fc.property(validSpecArbitrary(), ({ spec: input }) => {
        const spec = parse({ ...input, convention: "pytorch" });
        const built = countWithTfjs(spec);
        // docs/architecture.md "Model core: the PyTorch convention": + g·u per recurrent layer (second bias), − 2·C per BatchNorm (statistics are buffers).
        const documented = spec.layers.reduce((acc, layer, i) => {
          if (layer.type === "simpleRNN" || layer.type === "gru" || layer.type === "lstm") return acc + (gateBlocks[layer.type] ?? 0) * layer.units;
          if (layer.type === "batchNorm") return acc - 2 * (built.layers[i]?.outputShape.at(-1) ?? 0);
          return acc;
        }, 0);
        const difference = conventionDifference(spec);
        expect(difference.pytorch.total - difference.keras.total).toBe(documented);
        expect(difference.keras.total).toBe(built.total);
        const report = verifyArchitecture(spec);
        expect(report.tfjs.agrees).toBe(true);
        expect(report.total - report.tfjs.total).toBe(documented);
        if (documented !== 0) expect(report.notes[0]).toMatch(/^PyTorch total .* = tfjs .*: tfjs builds the Keras layout\.$/);
      }),
      RUNS,
    );
  });
});

/** One edit that must make a valid spec invalid, the words the message must contain, and the layer it must name. */
type Mutation = (generated: GeneratedSpec, n: number) => { input: unknown; message: string; layerIndex?: number };

const mutations: Record<string, Mutation> = {
  nonPositiveSize: ({ spec }, n) => ({
    input: { ...spec, layers: [...spec.layers, { type: "dense", units: -(n % 3) }] },
    message: `layer ${spec.layers.length + 1} (dense): units must be a positive integer`,
    layerIndex: spec.layers.length,
  }),
  fractionalSize: ({ spec }, n) => ({
    input: { ...spec, layers: [...spec.layers, { type: "gru", units: 1.5 + n }] },
    message: "units must be a positive integer",
    layerIndex: spec.layers.length,
  }),
  dropoutOutOfRange: ({ spec }, n) => ({
    input: { ...spec, layers: [{ ...spec.layers[0] }, { type: "dropout", rate: n % 2 === 0 ? 1 + n / 10 : -0.5 }, ...spec.layers.slice(1)] },
    message: "layer 2 (dropout): rate must be in [0, 1)",
    layerIndex: 1,
  }),
  unknownType: ({ spec }) => ({
    input: { ...spec, layers: [...spec.layers, { type: "conv3d", filters: 2 }] },
    message: 'unknown type "conv3d"',
    layerIndex: spec.layers.length,
  }),
  embeddingNotFirst: ({ spec }) => ({
    input: { ...spec, layers: [...spec.layers, { type: "embedding", inputDim: 10, outputDim: 4 }] },
    message: "an embedding must be the first layer",
    layerIndex: spec.layers.length,
  }),
  recurrentOnRank1: ({ spec, outputShape }) => {
    const flat = outputShape.length === 1 ? [] : [{ type: "flatten" }];
    return {
      input: { ...spec, layers: [...spec.layers, ...flat, { type: "lstm", units: 4 }] },
      message: "a recurrent layer needs a sequence input [timesteps, features]",
      layerIndex: spec.layers.length + flat.length,
    };
  },
  convOnNonImage: ({ spec, outputShape }) => {
    const flat = outputShape.length === 1 ? [] : [{ type: "flatten" }];
    return {
      input: { ...spec, layers: [...spec.layers, ...flat, { type: "conv2d", filters: 2, kernelSize: 1 }] },
      message: "needs an image input [height, width, channels]",
      layerIndex: spec.layers.length + flat.length,
    };
  },
  windowTooLarge: ({ spec, outputShape }) => {
    if (outputShape.length !== 3) {
      return {
        input: { input: [4, 4, 1], layers: [{ type: "maxPool2d", poolSize: 5 }] },
        message: 'layer 1 (maxPool2d): pool 5×5 is larger than its 4×4 input with "valid" padding',
        layerIndex: 0,
      };
    }
    const kernel = Math.max(...outputShape.slice(0, 2)) + 1;
    return {
      input: { ...spec, layers: [...spec.layers, { type: "conv2d", filters: 1, kernelSize: kernel }] },
      message: `kernel ${kernel}×${kernel} is larger than its ${outputShape[0]}×${outputShape[1]} input with "valid" padding`,
      layerIndex: spec.layers.length,
    };
  },
  tooManyLayers: ({ spec }) => ({
    input: { ...spec, layers: [...spec.layers, ...Array.from({ length: MAX_LAYERS }, () => ({ type: "dropout", rate: 0.1 }))] },
    message: `the limit is ${MAX_LAYERS}`,
  }),
  dimensionTooLarge: ({ spec }, n) => ({
    input: { ...spec, layers: [...spec.layers, { type: "dense", units: MAX_DIMENSION + 1 + n }] },
    message: "above the limit of 10,000,000",
    layerIndex: spec.layers.length,
  }),
  unknownConvention: ({ spec }) => ({ input: { ...spec, convention: "tensorflow" }, message: 'convention must be "keras" or "pytorch"' }),
};

describe("invalid random specs", () => {
  beforeEach(() => {
    tfjsCalls.mockClear();
  });

  it("are rejected with a one-line message naming the layer, and never reach tfjs", () => {
    fc.assert(
      fc.property(validSpecArbitrary(), fc.constantFrom(...Object.keys(mutations)), fc.nat(20), (generated, name, n) => {
        const mutation = mutations[name];
        if (!mutation) throw new Error(name);
        const { input, message, layerIndex } = mutation(generated, n);
        const validation = validateSpec(input);
        expect(validation.ok).toBe(false);
        if (validation.ok) return;
        expect(validation.error).toContain(message);
        expect(validation.error).not.toContain("\n");
        if (layerIndex !== undefined) expect(validation.layerIndex).toBe(layerIndex);
        expect(paramsReportFor(input)).toEqual(expect.objectContaining({ error: validation.error }));
        expect(tfjsCalls).not.toHaveBeenCalled();
      }),
      { numRuns: 300 },
    );
  });

  it("loosely random specs: validation never throws; what it accepts, tfjs builds and counts the same", () => {
    let accepted = 0;
    fc.assert(
      fc.property(looseSpecArbitrary(), (input) => {
        tfjsCalls.mockClear();
        const validation = validateSpec(input);
        if (!validation.ok) {
          expect(validation.error.length).toBeGreaterThan(0);
          expect(validation.error).not.toContain("\n");
          expect(() => paramsReportFor(input)).not.toThrow();
          expect(tfjsCalls).not.toHaveBeenCalled();
          return;
        }
        accepted += 1;
        const report = paramsReportFor(input);
        expect(report).toMatchObject({ tfjs: { agrees: true } });
        expect(tfjsCalls).toHaveBeenCalledTimes(1);
      }),
      { numRuns: 400 },
    );
    // The generator is loose on purpose, but not so loose that nothing valid comes out of it.
    expect(accepted).toBeGreaterThan(10);
  });
});
