import { describe, expect, it } from "vitest";
import { createRandom } from "../random/seeded-random";
import { fitLeastSquares, predictLeastSquares } from "./least-squares";

describe("least squares", () => {
  it("recovers the coefficients of a noiseless linear model", () => {
    const random = createRandom(4);
    const rows = 50;
    const x = Float32Array.from({ length: rows * 3 }, () => random.normal());
    const y = Float32Array.from({ length: rows }, (_, r) => 2 + 1.5 * (x[r * 3] ?? 0) - 0.5 * (x[r * 3 + 1] ?? 0) + 0.25 * (x[r * 3 + 2] ?? 0));
    const fit = fitLeastSquares(x, y, 3);
    expect(fit.intercept).toBeCloseTo(2, 4);
    fit.coefficients.forEach((c, i) => expect(c).toBeCloseTo([1.5, -0.5, 0.25][i] ?? NaN, 4));
    predictLeastSquares(fit, x).forEach((p, i) => expect(p).toBeCloseTo(y[i] ?? NaN, 3));
  });

  it("refuses collinear predictors", () => {
    expect(() => fitLeastSquares([1, 2, 2, 4, 3, 6], [1, 2, 3], 2)).toThrow("collinear");
  });
});
