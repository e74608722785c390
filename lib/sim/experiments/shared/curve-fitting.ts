/**
 * The 1-D regression behind experiments 1–4: y = sin(1.5x) + 0.3x + ε on x ∈ [−3, 3], a curve a
 * straight line cannot follow, fitted by one hidden layer (ISLP §10.1, eq. 10.1–10.2). Data are
 * drawn from the run's seeded generator; the fitted curves are read on a grid for plotting.
 */
import type { ActivationName, ArchitectureSpecInput } from "@/lib/model-core";
import type { ArrayDataset, TrainedModel } from "../../engine/experiment-types";
import { linspace } from "../../metrics/series-statistics";
import type { SeededRandom } from "../../random/seeded-random";

export const CURVE_DOMAIN = [-3, 3] as const;
export const trueCurve = (x: number) => Math.sin(1.5 * x) + 0.3 * x;

export function sampleCurve(count: number, noise: number, random: SeededRandom): ArrayDataset {
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = random.between(CURVE_DOMAIN[0], CURVE_DOMAIN[1]);
    y[i] = trueCurve(x[i] as number) + noise * random.normal();
  }
  return { x, y, count, yWidth: 1 };
}

/** 1 → hidden layers (each `units`, `activation`, optional dropout after it) → 1. */
export function curveNetwork(units: readonly number[], activation: ActivationName | undefined, dropoutRate = 0): ArchitectureSpecInput {
  return {
    input: [1],
    layers: [
      ...units.flatMap((u) => [
        activation ? { type: "dense" as const, units: u, activation } : { type: "dense" as const, units: u },
        ...(dropoutRate > 0 ? [{ type: "dropout" as const, rate: dropoutRate }] : []),
      ]),
      { type: "dense", units: 1 },
    ],
  };
}

export interface FittedCurves {
  grid: number[];
  truth: number[];
  /** Model id → its predictions on the grid. */
  curves: Record<string, number[]>;
  /** The training points, for the scatter behind the curves. */
  points: { x: number[]; y: number[] };
}

export async function fittedCurves(models: readonly TrainedModel[], train: ArrayDataset, gridCount = 121): Promise<FittedCurves> {
  const grid = linspace(CURVE_DOMAIN[0], CURVE_DOMAIN[1], gridCount);
  const gridInput = Float32Array.from(grid);
  const curves: Record<string, number[]> = {};
  for (const model of models) curves[model.record.id] = Array.from(await model.predict(gridInput, grid.length));
  return { grid, truth: grid.map(trueCurve), curves, points: { x: Array.from(train.x), y: Array.from(train.y) } };
}
