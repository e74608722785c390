/**
 * Answers that come from a calculator: the template's fields (numbers, formulas over the
 * parameters, `{{placeholder}}` words, matrix parameter names) are resolved into a
 * `CalculatorInput`, which the closed form computes now and TensorFlow.js rechecks in `verify.ts`.
 */
import { computeCalculator } from "./calculators/compute";
import type { ActivationName, CalculatorInput, CalculatorResult, Padding } from "./calculators/types";
import { evaluate, evaluateNumber } from "./expression";
import { VariantError } from "./params";
import { renderText } from "./render-text";
import { matrixCells, overLimitMessage, TEMPLATE_LIMITS, type LimitUnit, type TemplateLimit } from "./template-limits";
import type { CalculatorAnswer } from "./template-schema";
import type { ParamValues } from "./types";

const ACTIVATIONS: readonly ActivationName[] = ["sigmoid", "relu", "tanh"];

function num(value: number | string | undefined, scope: ParamValues, field: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new VariantError(`${field} is required`);
    return fallback;
  }
  if (typeof value === "number") return value;
  try {
    return evaluateNumber(value.trim().replace(/^=/, ""), scope);
  } catch (error) {
    throw new VariantError(`${field}: ${(error as Error).message}`);
  }
}

function positiveInt(value: number | string | undefined, scope: ParamValues, field: string, fallback?: number): number {
  const n = num(value, scope, field, fallback);
  if (!Number.isInteger(n) || n < 1) throw new VariantError(`${field} must be a positive integer, got ${n}`);
  return n;
}

function word(value: string, scope: ParamValues): string {
  return renderText(value, scope).trim();
}

function matrix(value: string | number[][], scope: ParamValues, field: string): number[][] {
  const found = Array.isArray(value) ? value : scope[value.trim()];
  if (!Array.isArray(found)) throw new VariantError(`${field} must name a matrix parameter ("${String(value)}" is not one)`);
  const cells = matrixCells(found);
  if (cells === null) throw new VariantError(`${field}: every row of a matrix has the same number of columns`);
  if (cells > TEMPLATE_LIMITS.matrixCells) throw new VariantError(overLimitMessage(field, cells, "matrixCells", "cells"));
  return found;
}

/** A positive integer up to a template limit (template-limits.ts), for values computed from parameters. */
function cappedInt(value: number | string | undefined, scope: ParamValues, field: string, limit: TemplateLimit, unit: LimitUnit, fallback?: number): number {
  const n = positiveInt(value, scope, field, fallback);
  if (n > TEMPLATE_LIMITS[limit]) throw new VariantError(overLimitMessage(field, n, limit, unit));
  return n;
}

/** A 1×n or n×1 matrix parameter read as a vector (x, biases, beta of a single-layer network). */
function vector(value: string | number[][], scope: ParamValues, field: string): number[] {
  const m = matrix(value, scope, field);
  if (m.length === 1) return m[0] ?? [];
  if (m.every((row) => row.length === 1)) return m.map((row) => row[0] ?? Number.NaN);
  throw new VariantError(`${field} must be a single row or column`);
}

function activationName(value: string, scope: ParamValues, field: string): ActivationName {
  const name = word(value, scope);
  if (!(ACTIVATIONS as readonly string[]).includes(name)) throw new VariantError(`${field} must be one of ${ACTIVATIONS.join(", ")}, got "${name}"`);
  return name as ActivationName;
}

function padding(value: string | undefined, scope: ParamValues): Padding {
  const name = value === undefined ? "valid" : word(value, scope);
  if (name !== "valid" && name !== "same") throw new VariantError(`padding must be valid or same, got "${name}"`);
  return name;
}

export function resolveCalculator(answer: CalculatorAnswer, scope: ParamValues): CalculatorInput {
  switch (answer.calculator) {
    case "activation":
      return { calculator: "activation", fn: activationName(answer.fn, scope, "fn"), z: num(answer.z, scope, "z"), decimals: answer.decimals ?? 3 };
    case "single-layer-network":
      return {
        calculator: "single-layer-network",
        x: vector(answer.x, scope, "x"),
        weights: matrix(answer.weights, scope, "weights"),
        biases: vector(answer.biases, scope, "biases"),
        beta: vector(answer.beta, scope, "beta"),
        beta0: num(answer.beta0, scope, "beta0"),
        activation: activationName(answer.activation, scope, "activation"),
        decimals: answer.decimals ?? 3,
      };
    case "conv2d":
      return {
        calculator: "conv2d",
        image: matrix(answer.image, scope, "image"),
        filter: matrix(answer.filter, scope, "filter"),
        stride: cappedInt(answer.stride, scope, "stride", "kernelSide", "pixels", 1),
        padding: padding(answer.padding, scope),
        cell: answer.cell ? { row: positiveInt(answer.cell.row, scope, "cell.row"), col: positiveInt(answer.cell.col, scope, "cell.col") } : null,
      };
    case "max-pool": {
      const size = cappedInt(answer.size, scope, "size", "kernelSide", "pixels", 2);
      return {
        calculator: "max-pool",
        image: matrix(answer.image, scope, "image"),
        size,
        stride: cappedInt(answer.stride, scope, "stride", "kernelSide", "pixels", size),
        cell: answer.cell ? { row: positiveInt(answer.cell.row, scope, "cell.row"), col: positiveInt(answer.cell.col, scope, "cell.col") } : null,
      };
    }
    case "output-size": {
      const kernel = cappedInt(answer.kernel, scope, "kernel", "kernelSide", "pixels");
      let pad: Padding | number = "valid";
      if (typeof answer.padding === "number") pad = answer.padding;
      else if (answer.padding !== undefined) {
        const text = word(answer.padding, scope);
        if (text === "valid" || text === "same") pad = text;
        else {
          const value = evaluate(text.replace(/^=/, ""), scope);
          if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new VariantError(`padding must be valid, same or a non-negative integer, got "${text}"`);
          if (value > TEMPLATE_LIMITS.padding) throw new VariantError(overLimitMessage("padding", value, "padding", "pixels"));
          pad = value;
        }
      }
      return {
        calculator: "output-size",
        layer: answer.layer,
        input: cappedInt(answer.input, scope, "input", "outputSizeInput", "pixels"),
        kernel,
        stride: cappedInt(answer.stride, scope, "stride", "kernelSide", "pixels", answer.layer === "pool" ? kernel : 1),
        padding: pad,
      };
    }
    case "steps-per-epoch": {
      const n = cappedInt(answer.n, scope, "n", "fitRows", "rows");
      const batch = positiveInt(answer.batch, scope, "batch");
      // tfjs verifies with a real model.fit of one epoch: its number of steps is the cost.
      const steps = Math.ceil(n / batch);
      if (steps > TEMPLATE_LIMITS.fitSteps) throw new VariantError(overLimitMessage(`n / batch (${n} / ${batch})`, steps, "fitSteps", "steps"));
      return { calculator: "steps-per-epoch", n, batch, epochs: cappedInt(answer.epochs, scope, "epochs", "epochs", "epochs", 1) };
    }
    case "train-test-split":
      return { calculator: "train-test-split", n: positiveInt(answer.n, scope, "n"), testSize: num(answer.testSize, scope, "testSize"), part: answer.part };
    case "dropout":
      return {
        calculator: "dropout",
        units: cappedInt(answer.units, scope, "units", "dropoutUnits", "units"),
        rate: num(answer.rate, scope, "rate"),
        part: answer.part,
        decimals: answer.decimals ?? 3,
      };
  }
}

export function answerFromCalculator(answer: CalculatorAnswer, scope: ParamValues): { input: CalculatorInput; result: CalculatorResult } {
  const input = resolveCalculator(answer, scope);
  try {
    return { input, result: computeCalculator(input) };
  } catch (error) {
    if (error instanceof VariantError) throw error;
    throw new VariantError((error as Error).message);
  }
}
