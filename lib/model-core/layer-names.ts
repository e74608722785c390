import type { LayerSpec, LayerType } from "./spec-schema";

/** Snake-case stems, as Keras names layers in `summary()` ("dense", "conv2d", "max_pooling2d"...). */
const STEMS: Readonly<Record<LayerType, string>> = {
  dense: "dense",
  conv2d: "conv2d",
  maxPool2d: "max_pool2d",
  avgPool2d: "avg_pool2d",
  flatten: "flatten",
  dropout: "dropout",
  activation: "activation",
  embedding: "embedding",
  simpleRNN: "simple_rnn",
  lstm: "lstm",
  gru: "gru",
  batchNorm: "batch_norm",
};

/**
 * "dense_1", "dense_2", "conv2d_1": numbered per type from 1 within one spec, so a name depends only
 * on the spec (tfjs' own names carry a process-wide counter and differ from build to build).
 */
export function layerNames(layers: readonly Pick<LayerSpec, "type">[]): string[] {
  const seen = new Map<LayerType, number>();
  return layers.map(({ type }) => {
    const n = (seen.get(type) ?? 0) + 1;
    seen.set(type, n);
    return `${STEMS[type]}_${n}`;
  });
}

/** "layer 2 (conv2d)": how messages point at a layer. Layers are numbered from 1, as people count. */
export function layerLabel(index: number, type?: string): string {
  return type === undefined ? `layer ${index + 1}` : `layer ${index + 1} (${type})`;
}
