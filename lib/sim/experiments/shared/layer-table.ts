/**
 * A trained model layer by layer, read two ways: the closed form (`deriveArchitecture`: each
 * layer's output shape and parameter count with its formula) and TensorFlow.js (the shape of the
 * tensor the layer really outputs for one sample, and the sizes of the weights it really holds).
 * The page shows both side by side; `agrees` says whether they match everywhere.
 */
import { deriveArchitecture } from "@/lib/model-core";
import type { TrainedModel } from "../../engine/experiment-types";

export interface LayerRow {
  index: number;
  name: string;
  type: string;
  /** Output shape without the batch axis, by the closed form and as tfjs produced it. */
  closedShape: number[];
  tfjsShape: number[];
  closedParams: number;
  tfjsParams: number;
  /** "(3 · 3 · 3 + 1) × 8 = 224"-style worked counts, and for conv/pool/flatten how the size follows. */
  formula: string;
  shapeFormula: string | null;
}

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Both readings of every layer of `model`, the tfjs one from a forward pass of `sample` (one sample's values). */
export async function layerTable(model: TrainedModel, sample: Float32Array): Promise<LayerRow[]> {
  const derived = deriveArchitecture(model.record.spec);
  const rows: LayerRow[] = [];
  for (const layer of derived.layers) {
    const output = await model.layerOutput(layer.index, sample, 1);
    const weights = await model.layerWeights(layer.index);
    rows.push({
      index: layer.index,
      name: layer.name,
      type: layer.type,
      closedShape: layer.outputShape,
      tfjsShape: output.shape.slice(1),
      closedParams: layer.params,
      tfjsParams: weights.reduce((total, weight) => total + product(weight.shape), 0),
      formula: layer.formula,
      shapeFormula: layer.shapeFormula ?? null,
    });
  }
  return rows;
}

export function tableAgrees(rows: readonly LayerRow[]): boolean {
  return rows.every((row) => row.closedParams === row.tfjsParams && row.closedShape.join("x") === row.tfjsShape.join("x"));
}

/** "32 × 32 × 3". */
export function shapeText(shape: readonly number[]): string {
  return shape.join(" × ");
}
