import { describe, expect, it } from "vitest";
import { createRandom, deriveSeed, MAX_SEED, permutation } from "./seeded-random";

describe("seeded randomness", () => {
  it("the same seed gives the same draws; another seed others", () => {
    const draws = (seed: number) => {
      const random = createRandom(seed);
      return [random.uniform(), random.normal(), random.integer(100), random.seed()];
    };
    expect(draws(5)).toEqual(draws(5));
    expect(draws(5)).not.toEqual(draws(6));
  });

  it("draws uniforms in [0, 1) and normals with mean ≈ 0, sd ≈ 1", () => {
    const random = createRandom(1);
    const uniforms = Array.from({ length: 20_000 }, () => random.uniform());
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    const normals = Array.from({ length: 20_000 }, () => random.normal());
    const mean = normals.reduce((a, b) => a + b, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((a, b) => a + (b - mean) ** 2, 0) / normals.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it("permutes 0..n−1", () => {
    const order = Array.from(permutation(1000, createRandom(3)));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
  });

  it("derives independent sub-seeds by label", () => {
    expect(deriveSeed(1, "init:relu")).toBe(deriveSeed(1, "init:relu"));
    expect(deriveSeed(1, "init:relu")).not.toBe(deriveSeed(1, "init:linear"));
    expect(deriveSeed(1, "data")).not.toBe(deriveSeed(2, "data"));
    expect(deriveSeed(MAX_SEED, "x")).toBeLessThan(MAX_SEED);
  });
});
