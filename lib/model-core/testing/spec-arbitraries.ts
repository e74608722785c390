/**
 * fast-check generators of architecture specs, for the property tests and the benchmark.
 * Valid specs are valid by construction: the generator tracks the shape itself, with its own
 * two-line window arithmetic (not the model core's), and only offers layers that fit it.
 */
import fc from "fast-check";
import { ACTIVATIONS, type ArchitectureSpecInput, type Convention } from "../spec-schema";

type LayerInput = ArchitectureSpecInput["layers"][number];

export interface GeneratedSpec {
  spec: ArchitectureSpecInput;
  /** The shape after the last layer, as the generator tracked it. */
  outputShape: number[];
}

/** One random decision per layer; what it means depends on the shape reached so far. */
interface Step {
  pick: number;
  a: number;
  b: number;
  c: number;
  flag: boolean;
  other: boolean;
  rate: number;
  activation: number;
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  pick: fc.nat(),
  a: fc.integer({ min: 1, max: 64 }),
  b: fc.integer({ min: 1, max: 7 }),
  c: fc.integer({ min: 1, max: 3 }),
  flag: fc.boolean(),
  other: fc.boolean(),
  rate: fc.double({ min: 0, max: 0.95, noNaN: true }),
  activation: fc.nat(),
});

type Start = "vector" | "sequence" | "image" | "tokens";

export function validSpecArbitrary(options: { maxLayers?: number } = {}): fc.Arbitrary<GeneratedSpec> {
  const maxLayers = options.maxLayers ?? 8;
  return fc
    .record({
      start: fc.constantFrom<Start>("vector", "sequence", "image", "tokens"),
      convention: fc.constantFrom<Convention>("keras", "pytorch"),
      d1: fc.integer({ min: 1, max: 40 }),
      d2: fc.integer({ min: 1, max: 40 }),
      d3: fc.integer({ min: 1, max: 8 }),
      vocabulary: fc.integer({ min: 1, max: 12_000 }),
      steps: fc.array(stepArbitrary, { minLength: 1, maxLength: maxLayers }),
    })
    .map(({ start, convention, d1, d2, d3, vocabulary, steps }) => {
      const layers: LayerInput[] = [];
      let shape: number[];
      let remaining = steps;
      if (start === "vector") shape = [d1 * 4];
      else if (start === "sequence") shape = [d1, d3];
      else if (start === "image") shape = [d1, d2, d3];
      else {
        shape = [d1];
        const outputDim = steps[0]?.a ?? 8;
        layers.push({ type: "embedding", inputDim: vocabulary, outputDim });
        remaining = steps.slice(1);
        shape = [d1, outputDim];
      }
      const input = start === "tokens" ? [d1] : [...shape];
      for (const step of remaining) shape = appendLayer(layers, shape, step);
      return { spec: { input, convention, layers }, outputShape: shape };
    });
}

function appendLayer(layers: LayerInput[], shape: number[], step: Step): number[] {
  const rank = shape.length;
  const options: ((s: Step) => number[])[] = [
    (s) => dense(layers, shape, s),
    (s) => {
      layers.push({ type: "dropout", rate: s.rate });
      return shape;
    },
    (s) => {
      layers.push({ type: "activation", activation: pickActivation(s) });
      return shape;
    },
    () => {
      layers.push({ type: "batchNorm" });
      return shape;
    },
  ];
  if (rank >= 2) {
    options.push(() => {
      layers.push({ type: "flatten" });
      return [shape.reduce((acc, dim) => acc * dim, 1)];
    });
  }
  if (rank === 2) options.push((s) => recurrent(layers, shape, s), (s) => recurrent(layers, shape, s));
  if (rank === 3) options.push((s) => conv2d(layers, shape, s), (s) => pooling(layers, shape, s), (s) => conv2d(layers, shape, s));
  const option = options[step.pick % options.length] ?? options[0];
  return option ? option(step) : shape;
}

function dense(layers: LayerInput[], shape: number[], s: Step): number[] {
  layers.push({ type: "dense", units: s.a, useBias: s.flag || s.other, ...(s.other ? { activation: pickActivation(s) } : {}) });
  return [...shape.slice(0, -1), s.a];
}

function recurrent(layers: LayerInput[], shape: number[], s: Step): number[] {
  const type = (["simpleRNN", "lstm", "gru"] as const)[s.pick % 3] ?? "lstm";
  const units = 1 + (s.a % 32);
  layers.push({ type, units, returnSequences: s.flag });
  return s.flag ? [shape[0] ?? 1, units] : [units];
}

/** Output length of a window: floor((n − k)/s) + 1 without padding, ceil(n/s) with "same". */
function slide(n: number, k: number, stride: number, same: boolean): number {
  return same ? Math.ceil(n / stride) : Math.floor((n - k) / stride) + 1;
}

function conv2d(layers: LayerInput[], shape: number[], s: Step): number[] {
  const [h = 1, w = 1] = shape;
  const same = s.other;
  const kh = same ? s.b : Math.min(s.b, h);
  const kw = same ? 1 + ((s.b + s.c) % 7) : Math.min(1 + ((s.b + s.c) % 7), w);
  const stride = s.c;
  const filters = 1 + (s.a % 16);
  layers.push({
    type: "conv2d",
    filters,
    kernelSize: kh === kw && s.flag ? kh : [kh, kw],
    strides: stride,
    padding: same ? "same" : "valid",
    useBias: s.flag || !s.other,
  });
  return [slide(h, kh, stride, same), slide(w, kw, stride, same), filters];
}

function pooling(layers: LayerInput[], shape: number[], s: Step): number[] {
  const [h = 1, w = 1, c = 1] = shape;
  const same = s.other;
  const pool = same ? s.c : Math.min(s.c, h, w);
  const stride = s.flag ? pool : s.b % 3 === 0 ? undefined : 1 + (s.b % 3);
  const type = s.pick % 2 === 0 ? "maxPool2d" : "avgPool2d";
  layers.push({ type, poolSize: pool, ...(stride === undefined ? {} : { strides: stride }), padding: same ? "same" : "valid" });
  const effectiveStride = stride ?? pool;
  return [slide(h, pool, effectiveStride, same), slide(w, pool, effectiveStride, same), c];
}

function pickActivation(s: Step): (typeof ACTIVATIONS)[number] {
  return ACTIVATIONS[s.activation % ACTIVATIONS.length] ?? "relu";
}

/**
 * Loosely random specs: any layer type after any other, sizes that may be zero, negative or
 * fractional, windows that may not fit. Most are invalid; the point is that whatever the validator
 * accepts, tfjs can build and counts the same.
 */
export function looseSpecArbitrary(): fc.Arbitrary<unknown> {
  const size = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 2.5) },
  );
  const windowSize = fc.oneof(size, fc.tuple(size, size));
  const layer = fc.oneof(
    fc.record({ type: fc.constant("dense"), units: size }),
    fc.record({ type: fc.constant("conv2d"), filters: size, kernelSize: windowSize, strides: windowSize, padding: fc.constantFrom("valid", "same") }),
    fc.record(
      { type: fc.constantFrom("maxPool2d", "avgPool2d"), poolSize: windowSize, strides: windowSize, padding: fc.constantFrom("valid", "same") },
      { requiredKeys: ["type"] },
    ),
    fc.record({ type: fc.constant("flatten") }),
    fc.record({ type: fc.constant("dropout"), rate: fc.double({ min: -0.5, max: 1.5, noNaN: true }) }),
    fc.record({ type: fc.constant("activation"), activation: fc.constantFrom("relu", "softmax", "nope") }),
    fc.record({ type: fc.constant("embedding"), inputDim: size, outputDim: size }),
    fc.record({ type: fc.constantFrom("simpleRNN", "lstm", "gru"), units: size, returnSequences: fc.boolean() }),
    fc.record({ type: fc.constant("batchNorm") }),
    fc.record({ type: fc.constantFrom("conv3d", "Dense", "") }),
  );
  return fc.record(
    {
      input: fc.array(size, { minLength: 0, maxLength: 4 }),
      convention: fc.constantFrom("keras", "pytorch", "tf"),
      layers: fc.array(layer, { minLength: 0, maxLength: 6 }),
    },
    { requiredKeys: ["input", "layers"] },
  );
}
