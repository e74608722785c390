import { describe, expect, it } from "vitest";
import { createRandom } from "../random/seeded-random";
import { fitLasso, lassoByCrossValidation, lassoLambdaGrid, lassoLambdaMax } from "./lasso";
import { fitLeastSquares } from "./least-squares";

/** 80 rows, 6 predictors of which only the first three matter, plus noise. */
function sparseData(seed: number) {
  const random = createRandom(seed);
  const rows = 80;
  const features = 6;
  const x = Float64Array.from({ length: rows * features }, () => random.normal());
  const y = Float64Array.from({ length: rows }, (_, r) => 1 + 2 * (x[r * features] ?? 0) - 1.5 * (x[r * features + 1] ?? 0) + 0.8 * (x[r * features + 2] ?? 0) + 0.5 * random.normal());
  return { x, y, rows, features };
}

/** (1/n) xⱼᵀ(y − β₀ − Xβ): the gradient of the squared-error part, per predictor. */
function correlationsWithResidual(x: Float64Array, y: Float64Array, features: number, fit: { intercept: number; coefficients: number[] }): number[] {
  const rows = y.length;
  const residual = Array.from(y, (value, r) => value - fit.intercept - fit.coefficients.reduce((sum, b, f) => sum + b * (x[r * features + f] ?? 0), 0));
  return Array.from({ length: features }, (_, f) => residual.reduce((sum, e, r) => sum + e * (x[r * features + f] ?? 0), 0) / rows);
}

describe("the lasso by coordinate descent", () => {
  it("is least squares at λ = 0 (normal equations solved by elimination)", () => {
    const { x, y, features } = sparseData(1);
    const lasso = fitLasso(x, y, features, 0);
    const ols = fitLeastSquares(x, y, features);
    expect(lasso.intercept).toBeCloseTo(ols.intercept, 6);
    lasso.coefficients.forEach((b, f) => expect(b).toBeCloseTo(ols.coefficients[f] ?? NaN, 6));
  });

  it("meets the lasso's optimality conditions at a middle penalty", () => {
    const { x, y, features } = sparseData(2);
    const lambda = 0.3 * lassoLambdaMax(x, y, features);
    const fit = fitLasso(x, y, features, lambda);
    const gradient = correlationsWithResidual(x, y, features, fit);
    fit.coefficients.forEach((b, f) => {
      const g = gradient[f] ?? NaN;
      // Karush–Kuhn–Tucker: a non-zero βⱼ has xⱼᵀr/n = λ·sign(βⱼ); a zero one has |xⱼᵀr/n| ≤ λ.
      if (b !== 0) expect(g).toBeCloseTo(lambda * Math.sign(b), 6);
      else expect(Math.abs(g)).toBeLessThanOrEqual(lambda + 1e-9);
    });
    expect(fit.coefficients.filter((b) => b !== 0).length).toBeLessThan(features);
    // The residual has mean zero: the intercept is not penalised.
    const meanResidual = Array.from(y, (v, r) => v - fit.intercept - fit.coefficients.reduce((s, b, f) => s + b * (x[r * features + f] ?? 0), 0)).reduce((a, b) => a + b, 0) / y.length;
    expect(meanResidual).toBeCloseTo(0, 9);
  });

  it("sets every coefficient to zero from λ_max on, leaving the mean", () => {
    const { x, y, features } = sparseData(3);
    const lambdaMax = lassoLambdaMax(x, y, features);
    const fit = fitLasso(x, y, features, lambdaMax * 1.000001);
    expect(fit.coefficients.every((b) => b === 0)).toBe(true);
    expect(fit.intercept).toBeCloseTo(y.reduce((a, b) => a + b, 0) / y.length, 12);
    expect(fitLasso(x, y, features, lambdaMax * 0.95).coefficients.some((b) => b !== 0)).toBe(true);
  });

  it("the lab's grid runs from λ_max to λ_max / 100 in 100 log-even steps", () => {
    const grid = lassoLambdaGrid(2);
    expect(grid).toHaveLength(100);
    expect(grid[0]).toBeCloseTo(2, 12);
    expect(grid[99]).toBeCloseTo(0.02, 12);
    expect((grid[1] ?? 0) / (grid[0] ?? 1)).toBeCloseTo((grid[99] ?? 0) / (grid[98] ?? 1), 12);
  });

  it("cross-validation picks the grid's lowest held-out error, repeatably, and keeps the predictors that matter", () => {
    const { x, y, features } = sparseData(4);
    const first = lassoByCrossValidation(x, y, features, createRandom(9));
    const again = lassoByCrossValidation(x, y, features, createRandom(9));
    expect(again).toEqual(first);
    expect(first.lambdas).toContain(first.lambda);
    expect(first.cvMae[first.lambdas.indexOf(first.lambda)]).toBe(Math.min(...first.cvMae));
    expect(first.fit.coefficients.slice(0, 3).every((b) => b !== 0)).toBe(true);
    expect(first.nonZero).toBe(first.fit.coefficients.filter((b) => b !== 0).length);
    // The null model (all coefficients zero) errs far more than the chosen one.
    expect(first.cvMae[0]).toBeGreaterThan(2 * Math.min(...first.cvMae));
  });
});
