import { formatNumber } from "./format-number";
import { deriveLayer } from "./layer-rules/derive-layer";
import type { LayerClosedForm } from "./layer-rules/rule-types";
import { layerLabel, layerNames } from "./layer-names";
import { MAX_DIMENSION, MAX_TOTAL_PARAMS } from "./limits";
import type { ArchitectureSpec, LayerType } from "./spec-schema";

export interface PropagatedLayer {
  index: number;
  type: LayerType;
  name: string;
  inputShape: number[];
  closedForm: LayerClosedForm;
}

export type PropagationOutcome =
  | { ok: true; layers: PropagatedLayer[] }
  | { ok: false; error: string; layerIndex?: number };

/**
 * Runs the shape through the network layer by layer, deriving each layer's closed form from the
 * shape its predecessor produced. The first layer that cannot take its input stops the walk with
 * a message naming it; so do sizes beyond the limits, before anything is built.
 */
export function propagateShapes(spec: ArchitectureSpec): PropagationOutcome {
  const names = layerNames(spec.layers);
  const layers: PropagatedLayer[] = [];
  let inputShape: number[] = [...spec.input];
  let largestTotal = 0;
  let kerasTotal = 0;
  let pytorchTotal = 0;
  for (const [index, layer] of spec.layers.entries()) {
    const label = layerLabel(index, layer.type);
    const outcome = deriveLayer(layer, { index, inputShape, convention: spec.convention });
    if (!outcome.ok) return { ok: false, error: `${label}: ${outcome.error}`, layerIndex: index };
    const closedForm = outcome.value;
    const oversized = closedForm.outputShape.find((dim) => dim > MAX_DIMENSION);
    if (oversized !== undefined) {
      return {
        ok: false,
        error: `${label}: output dimension ${formatNumber(oversized)} is above the limit of ${formatNumber(MAX_DIMENSION)}`,
        layerIndex: index,
      };
    }
    kerasTotal += closedForm.keras.params;
    pytorchTotal += closedForm.pytorch.params;
    largestTotal = Math.max(kerasTotal, pytorchTotal);
    if (largestTotal > MAX_TOTAL_PARAMS) {
      return {
        ok: false,
        error: `${label}: the network reaches ${formatNumber(largestTotal)} parameters here; the limit is ${formatNumber(MAX_TOTAL_PARAMS)}`,
        layerIndex: index,
      };
    }
    layers.push({ index, type: layer.type, name: names[index] ?? layer.type, inputShape, closedForm });
    inputShape = closedForm.outputShape;
  }
  return { ok: true, layers };
}
