import { propagateShapes, type PropagatedLayer } from "./propagate-shapes";
import type { ArchitectureSpec, Convention, LayerType } from "./spec-schema";
import { InvalidSpecError } from "./invalid-spec-error";

/** One row of a `summary()`-like table. Shapes exclude the batch axis. */
export interface LayerDerivation {
  /** 0-based position in `spec.layers`. */
  index: number;
  type: LayerType;
  /** "dense_1": numbered per type from 1. */
  name: string;
  inputShape: number[];
  outputShape: number[];
  params: number;
  trainable: number;
  nonTrainable: number;
  /** `params − biases`. */
  weights: number;
  biases: number;
  /** With the numbers in: "(784 + 1) × 256 = 200,960". */
  formula: string;
  /** The same for KaTeX: "(784 + 1) \\times 256 = 200{,}960". */
  formulaTex: string;
  /** How the output size follows ("⌈32/1⌉ = 32", "2·2·256 = 1,024"), for conv, pooling and flatten. */
  shapeFormula?: string;
  shapeFormulaTex?: string;
  /** ISLP's matrix with the bias as an extra row: dense is [in + 1, units] (W₁ of MNIST is 785 × 256). */
  islpWeightShape?: [number, number];
}

export interface ArchitectureDerivation {
  convention: Convention;
  inputShape: number[];
  total: number;
  trainable: number;
  nonTrainable: number;
  layers: LayerDerivation[];
}

/**
 * The closed form of a whole network: each layer's output shape and parameter count with its
 * worked formula (formulas in ./layer-rules, each citing ISLP (2023) §10 and the framework docs),
 * counted in `convention` (the spec's own unless asked otherwise). Pure arithmetic: no tfjs.
 * Throws `InvalidSpecError` for a spec whose layers do not fit; `validateSpec` first to get a message instead.
 */
export function deriveArchitecture(spec: ArchitectureSpec, convention: Convention = spec.convention): ArchitectureDerivation {
  const layers = closedFormLayers(spec).map((layer) => toLayerDerivation(layer, convention));
  return {
    convention,
    inputShape: [...spec.input],
    total: sum(layers, (layer) => layer.params),
    trainable: sum(layers, (layer) => layer.trainable),
    nonTrainable: sum(layers, (layer) => layer.nonTrainable),
    layers,
  };
}

/** The propagated closed form, or an `InvalidSpecError`. Shared by everything that takes a typed spec. */
export function closedFormLayers(spec: ArchitectureSpec): PropagatedLayer[] {
  const propagation = propagateShapes(spec);
  if (!propagation.ok) throw new InvalidSpecError(propagation.error, propagation.layerIndex);
  return propagation.layers;
}

function toLayerDerivation({ index, type, name, inputShape, closedForm }: PropagatedLayer, convention: Convention): LayerDerivation {
  const count = closedForm[convention];
  const derivation: LayerDerivation = {
    index,
    type,
    name,
    inputShape,
    outputShape: closedForm.outputShape,
    params: count.params,
    trainable: count.trainable,
    nonTrainable: count.nonTrainable,
    weights: count.weights,
    biases: count.biases,
    formula: count.formula.text,
    formulaTex: count.formula.tex,
  };
  if (closedForm.shapeFormula) {
    derivation.shapeFormula = closedForm.shapeFormula.text;
    derivation.shapeFormulaTex = closedForm.shapeFormula.tex;
  }
  if (closedForm.islpWeightShape) derivation.islpWeightShape = closedForm.islpWeightShape;
  return derivation;
}

export function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((acc, item) => acc + value(item), 0);
}
