import { closedFormLayers, sum } from "./derive-architecture";
import type { ConventionReason } from "./layer-rules/rule-types";
import type { ArchitectureSpec, LayerType } from "./spec-schema";

export interface ConventionTotals {
  total: number;
  trainable: number;
  nonTrainable: number;
}

/** A layer that PyTorch counts differently from Keras/tfjs. */
export interface LayerConventionDifference {
  index: number;
  type: LayerType;
  name: string;
  keras: number;
  pytorch: number;
  /** `pytorch − keras`: +g·u for a recurrent layer's second bias, −2·C for BatchNorm's statistics. */
  difference: number;
  kerasFormula: string;
  pytorchFormula: string;
  /** "PyTorch's nn.LSTM carries two bias vectors (b_ih and b_hh): + 4·32 = 128", and in Korean. */
  reason: ConventionReason;
}

export interface ConventionDifference {
  keras: ConventionTotals;
  pytorch: ConventionTotals;
  /** `pytorch.total − keras.total`, the sum of the layers' differences. */
  difference: number;
  /** Only the layers that differ, in order; empty when the two conventions agree. */
  layers: LayerConventionDifference[];
}

/**
 * Both conventions' totals and where they part (docs/architecture.md "Model core: the PyTorch convention"): PyTorch's recurrent
 * layers carry a second bias vector, and its BatchNorm statistics are buffers, not parameters.
 * Every other layer counts the same. Throws `InvalidSpecError` like `deriveArchitecture`.
 */
export function conventionDifference(spec: ArchitectureSpec): ConventionDifference {
  const layers = closedFormLayers(spec);
  const totals = (convention: "keras" | "pytorch"): ConventionTotals => ({
    total: sum(layers, (layer) => layer.closedForm[convention].params),
    trainable: sum(layers, (layer) => layer.closedForm[convention].trainable),
    nonTrainable: sum(layers, (layer) => layer.closedForm[convention].nonTrainable),
  });
  const keras = totals("keras");
  const pytorch = totals("pytorch");
  const differing: LayerConventionDifference[] = [];
  for (const { index, type, name, closedForm } of layers) {
    const { keras: k, pytorch: p, pytorchReason } = closedForm;
    if (k.params === p.params) continue;
    differing.push({
      index,
      type,
      name,
      keras: k.params,
      pytorch: p.params,
      difference: p.params - k.params,
      kerasFormula: k.formula.text,
      pytorchFormula: p.formula.text,
      reason: pytorchReason ?? { en: "PyTorch counts this layer differently", ko: "PyTorch는 이 층을 다르게 셉니다" },
    });
  }
  return { keras, pytorch, difference: pytorch.total - keras.total, layers: differing };
}
