import { closedFormLayers, sum } from "../derive-architecture";
import { formatNumber } from "../format-number";
import { layerLabel } from "../layer-names";
import type { ArchitectureSpec, Convention, LayerType } from "../spec-schema";
import { countWithTfjs } from "./count-with-tfjs";
import { pytorchAdjustment } from "./pytorch-adjustment";

export interface ParamsReportLayer {
  type: LayerType;
  name: string;
  outputShape: number[];
  params: number;
  trainable: number;
  formula: string;
  /** What tfjs counted for this layer (Keras layout). */
  tfjsParams: number;
}

/**
 * What `deepdrill params` prints and `POST /api/model/params` returns (docs/architecture.md "Contracts"):
 * `{convention, total, trainable, layers: [{type, outputShape, params}], tfjs: {total, agrees}}`,
 * plus names, formulas and notes.
 */
export interface ParamsReport {
  convention: Convention;
  total: number;
  trainable: number;
  nonTrainable: number;
  layers: ParamsReportLayer[];
  tfjs: {
    total: number;
    trainable: number;
    /** Closed form and tfjs agree layer by layer (shape, parameters, trainable); for PyTorch, after the documented difference. */
    agrees: boolean;
    /** `total − tfjs.total`: 0 for Keras; PyTorch's documented difference otherwise. */
    difference: number;
  };
  /** How to read the numbers: the PyTorch adjustment, BatchNorm's moving statistics, any disagreement. */
  notes: string[];
}

/**
 * Counts the spec twice, by the closed form and by building it with TensorFlow.js, and says whether
 * they agree. For `keras` they must match layer by layer. tfjs always builds the Keras layout, so
 * for `pytorch` each layer's count is tfjs' plus exactly the documented difference
 * (`pytorchAdjustment`), which must equal PyTorch's closed form; the notes spell the difference out.
 * Throws `InvalidSpecError` for a spec whose layers do not fit (tfjs is never reached).
 */
export function verifyArchitecture(spec: ArchitectureSpec): ParamsReport {
  const closed = closedFormLayers(spec);
  const counted = countWithTfjs(spec);
  const convention = spec.convention;
  const disagreements: string[] = [];
  if (counted.layers.length !== closed.length) {
    disagreements.push(`tfjs built ${counted.layers.length} layers for ${closed.length} in the spec`);
  }
  const adjustments: { label: string; params: number; reason: string }[] = [];
  let tfjsAdjusted = counted.total;

  const layers = closed.map(({ index, type, name, closedForm }): ParamsReportLayer => {
    const count = closedForm[convention];
    const label = layerLabel(index, name);
    const built = counted.layers[index] ?? { outputShape: [], params: Number.NaN, trainable: Number.NaN };
    const layer = spec.layers[index];
    const adjustment = convention === "pytorch" && layer ? pytorchAdjustment(layer, built.outputShape) : { params: 0, trainable: 0 };
    tfjsAdjusted += adjustment.params;
    if (adjustment.params !== 0) {
      adjustments.push({ label, params: adjustment.params, reason: closedForm.pytorchReason?.en ?? "" });
    }
    if (!sameShape(built.outputShape, closedForm.outputShape)) {
      disagreements.push(`${label}: tfjs output shape [${built.outputShape.join(", ")}], closed form [${closedForm.outputShape.join(", ")}]`);
    }
    if (built.params + adjustment.params !== count.params || built.trainable + adjustment.trainable !== count.trainable) {
      const shown = adjustment.params === 0 ? formatNumber(built.params) : `${formatNumber(built.params)} ${signed(adjustment.params)}`;
      disagreements.push(`${label}: tfjs counts ${shown}, the closed form ${formatNumber(count.params)}`);
    }
    return {
      type,
      name,
      outputShape: closedForm.outputShape,
      params: count.params,
      trainable: count.trainable,
      formula: count.formula.text,
      tfjsParams: built.params,
    };
  });

  const total = sum(layers, (layer) => layer.params);
  if (tfjsAdjusted !== total) {
    disagreements.push(`totals: tfjs ${formatNumber(counted.total)} adjusted to ${formatNumber(tfjsAdjusted)}, the closed form ${formatNumber(total)}`);
  }
  const trainable = sum(layers, (layer) => layer.trainable);
  return {
    convention,
    total,
    trainable,
    nonTrainable: total - trainable,
    layers,
    tfjs: { total: counted.total, trainable: counted.trainable, agrees: disagreements.length === 0, difference: total - counted.total },
    notes: [...conventionNotes(spec, counted.total, total, adjustments), ...statisticsNotes(spec, closed), ...disagreements],
  };
}

function conventionNotes(
  spec: ArchitectureSpec,
  tfjsTotal: number,
  total: number,
  adjustments: readonly { label: string; params: number; reason: string }[],
): string[] {
  if (spec.convention !== "pytorch") return [];
  if (adjustments.length === 0) return ["PyTorch counts these layers exactly as tfjs does."];
  return [
    `PyTorch total ${formatNumber(total)} = tfjs ${formatNumber(tfjsTotal)} ${signed(total - tfjsTotal)}: tfjs builds the Keras layout.`,
    ...adjustments.map(({ label, reason }) => `${label}: ${reason}`),
  ];
}

function statisticsNotes(spec: ArchitectureSpec, closed: ReturnType<typeof closedFormLayers>): string[] {
  if (spec.convention !== "keras") return [];
  return closed
    .filter(({ closedForm }) => closedForm.keras.nonTrainable > 0)
    .map(
      ({ index, name, closedForm }) =>
        `${layerLabel(index, name)}: ${formatNumber(closedForm.keras.nonTrainable)} of its ${formatNumber(closedForm.keras.params)} parameters are the moving mean and variance (non-trainable); PyTorch does not count them.`,
    );
}

function signed(n: number): string {
  return n < 0 ? `− ${formatNumber(-n)}` : `+ ${formatNumber(n)}`;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((dim, i) => dim === b[i]);
}
