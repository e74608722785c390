/**
 * Answers that come from a network: the template's architecture is filled with the variant's
 * parameters (`units: =K`), validated by the model core, and the asked quantity is read from the
 * model core's closed-form derivation. The author never types the answer.
 */
import { msg } from "../i18n/message";
import { conventionDifference, deriveArchitecture, validateSpec, type ArchitectureDerivation, type ArchitectureSpec } from "../model-core";
import { integerAnswer } from "./answer-values";
import { evaluate } from "./expression";
import { formatNumber } from "../model-core/format-number";
import { VariantError } from "./params";
import { overLimitMessage, TEMPLATE_LIMITS } from "./template-limits";
import type { ArchitectureAnswer } from "./template-schema";
import type { ArchitectureAsk, Bilingual, ExpectedAnswer, ParamValues, Variant } from "./types";

/** A string starting with `=` is a formula over the parameters; anything else is kept as written. */
function fillValue(value: unknown, scope: ParamValues): unknown {
  if (typeof value === "string" && value.trim().startsWith("=")) return evaluate(value.trim().slice(1), scope);
  if (Array.isArray(value)) return value.map((item) => fillValue(item, scope));
  return value;
}

export interface FilledArchitecture {
  spec: ArchitectureSpec;
  /** 0-based index into `spec.layers` of the asked layer, or null. */
  layerIndex: number | null;
}

export function fillArchitecture(answer: ArchitectureAnswer, scope: ParamValues): FilledArchitecture {
  const ids: (string | undefined)[] = [];
  const layers: Record<string, unknown>[] = [];
  for (const layer of answer.architecture.layers) {
    if (layer.when !== undefined) {
      const include = evaluate(layer.when, scope);
      if (include === 0 || include === "") continue;
    }
    const filled: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(layer)) {
      if (key === "id" || key === "when") continue;
      filled[key] = fillValue(value, scope);
    }
    layers.push(filled);
    ids.push(layer.id);
  }
  const input = answer.architecture.input.map((dimension) => (typeof dimension === "number" ? dimension : evaluate(dimension.trim().replace(/^=/, ""), scope)));
  const raw: Record<string, unknown> = { input, layers };
  if (answer.architecture.convention !== undefined) raw.convention = answer.architecture.convention;
  const validation = validateSpec(raw);
  if (!validation.ok) throw new VariantError(`the network is invalid: ${validation.error}`, ["answer", "architecture"]);

  let layerIndex: number | null = null;
  if (answer.layer !== undefined) {
    layerIndex = typeof answer.layer === "number" ? answer.layer - 1 : ids.indexOf(answer.layer);
    if (layerIndex < 0 || layerIndex >= layers.length) throw new VariantError(`layer ${answer.layer} is not in the network (it has ${layers.length} layers)`, ["answer", "layer"]);
  }
  const needsLayer: ArchitectureAsk[] = ["layer-params", "islp-weight-shape", "output-shape"];
  if (needsLayer.includes(answer.ask) && layerIndex === null) throw new VariantError(`ask ${answer.ask} needs a layer`);
  return { spec: validation.spec, layerIndex };
}

const tex = (n: number): string => formatNumber(n, { tex: true });

function layerLabel(name: string): string {
  return `\\text{${name.replace(/_/g, "\\_")}}`;
}

/** The model core's per-layer formulas as an aligned block, ending with the total. */
export function layersTex(derivation: ArchitectureDerivation): string {
  const rows = derivation.layers.filter((layer) => layer.params > 0).map((layer) => `${layerLabel(layer.name)} &: ${layer.formulaTex}`);
  rows.push(`\\text{total} &: ${tex(derivation.total)}`);
  return `$$\\begin{aligned} ${rows.join(" \\\\ ")} \\end{aligned}$$`;
}

function shapeChainTex(derivation: ArchitectureDerivation, upTo: number): string {
  const shape = (s: readonly number[]): string => `(${s.map(tex).join(", ")})`;
  const rows = [`\\text{input} &: ${shape(derivation.inputShape)}`];
  for (const layer of derivation.layers.slice(0, upTo + 1)) {
    const how = layer.shapeFormulaTex ? ` \\quad ${layer.shapeFormulaTex}` : "";
    rows.push(`${layerLabel(layer.name)} &: ${shape(layer.outputShape)}${how}`);
  }
  return `$$\\begin{aligned} ${rows.join(" \\\\ ")} \\end{aligned}$$`;
}

export interface ArchitectureResult {
  answer: ExpectedAnswer;
  /** The worked computation (used for `{{@work}}` when the template gives no formula). */
  work: Bilingual;
  /** `{{@layers}}`: every layer's formula and the total. */
  layers: string;
}

/** What an architecture question asks of its network (for the diagram's text), or null for other questions. */
export interface AskedOfNetwork {
  ask: ArchitectureAsk;
  /** 0-based layer of a layer question. */
  layerIndex: number | null;
}

export function askedOfNetwork(variant: Pick<Variant, "verification">): AskedOfNetwork | null {
  const verification = variant.verification;
  return verification?.kind === "architecture" ? { ask: verification.ask, layerIndex: verification.layerIndex } : null;
}

export function answerFromArchitecture(ask: ArchitectureAsk, { spec, layerIndex }: FilledArchitecture): ArchitectureResult {
  const derivation = deriveArchitecture(spec);
  // tfjs builds this network to verify the count: its size is the variant's cost.
  const largest = Math.max(derivation.total, derivation.trainable);
  if (largest > TEMPLATE_LIMITS.networkParams) throw new VariantError(overLimitMessage(msg("deckFile.what.network"), largest, "networkParams", "parameters"));
  const layers = layersTex(derivation);
  const same = (text: string): Bilingual => ({ ko: text, en: text });
  const layer = layerIndex === null ? undefined : derivation.layers[layerIndex];
  switch (ask) {
    case "total":
      return { answer: integerAnswer(derivation.total), work: same(layers), layers };
    case "trainable":
      return { answer: integerAnswer(derivation.trainable), work: same(layers), layers };
    case "weights":
    case "biases": {
      const parts = derivation.layers.filter((l) => l.params > 0).map((l) => (ask === "weights" ? l.weights : l.biases));
      const value = parts.reduce((a, b) => a + b, 0);
      const line = `$$${parts.map(tex).join(" + ")} = ${tex(value)}$$`;
      return {
        answer: integerAnswer(value),
        work: ask === "weights" ? { ko: `층별 가중치(편향 제외):\n\n${line}`, en: `Weights per layer (biases excluded):\n\n${line}` } : { ko: `층별 편향:\n\n${line}`, en: `Biases per layer:\n\n${line}` },
        layers,
      };
    }
    case "layer-params": {
      if (!layer) throw new VariantError("no layer to ask about");
      return { answer: integerAnswer(layer.params), work: same(`$$${layerLabel(layer.name)}: ${layer.formulaTex}$$`), layers };
    }
    case "output-shape": {
      if (!layer) throw new VariantError("no layer to ask about");
      return { answer: { format: "shape", value: [...layer.outputShape] }, work: same(shapeChainTex(derivation, layer.index)), layers };
    }
    case "islp-weight-shape": {
      if (!layer) throw new VariantError("no layer to ask about");
      const shape = layer.islpWeightShape;
      if (!shape) throw new VariantError(`layer ${layer.index + 1} (${layer.type}) has no ISLP weight matrix; ask it of a dense layer`);
      const [rows, cols] = shape;
      const inputs = rows - 1;
      const line = `$$(${tex(inputs)} + 1) \\times ${tex(cols)} = ${tex(rows)} \\times ${tex(cols)}$$`;
      return {
        answer: { format: "shape", value: [rows, cols] },
        work: {
          ko: `입력 ${formatNumber(inputs)}개에 편향 행 1개를 더한 행, 유닛 ${formatNumber(cols)}개의 열: ${line}`,
          en: `One row per input (${formatNumber(inputs)}) plus the bias row, one column per unit (${formatNumber(cols)}): ${line}`,
        },
        layers,
      };
    }
    case "convention-difference": {
      const difference = conventionDifference(spec);
      const rows = difference.layers.map((l) => `${layerLabel(l.name)} &: ${tex(l.pytorch)} - ${tex(l.keras)} = ${tex(l.difference)}`);
      const line = `$$\\begin{aligned} ${[...rows, `\\text{PyTorch} - \\text{Keras} &: ${tex(difference.pytorch.total)} - ${tex(difference.keras.total)} = ${tex(difference.difference)}`].join(" \\\\ ")} \\end{aligned}$$`;
      const reasonsKo = difference.layers.map((l) => `- ${l.reason.ko}`).join("\n");
      const reasonsEn = difference.layers.map((l) => `- ${l.reason.en}`).join("\n");
      return {
        answer: integerAnswer(difference.difference),
        work: { ko: `${reasonsKo}\n\n${line}`, en: `${reasonsEn}\n\n${line}` },
        layers,
      };
    }
  }
}
