import { describe, expect, it } from "vitest";
import { createRandom, deriveSeed, MAX_SEED, permutation, spreadSeed } from "./seeded-random";

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

  it("spread seeds of numbers in a row give independent streams: first draws uniform and uncorrelated", () => {
    // A generator seeded straight from 1, 2, 3 … gives first draws ≈ 1 and nearly equal (see
    // createRandom); through spreadSeed they are independent. The simulated students rely on it.
    const seeds = Array.from({ length: 4000 }, (_, i) => spreadSeed(i));
    const firsts = seeds.map((seed) => createRandom(seed).uniform());
    const thirds = seeds.map((seed) => {
      const random = createRandom(seed);
      random.uniform();
      random.uniform();
      return random.uniform();
    });
    for (const draws of [firsts, thirds]) {
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      // Uniform mean 0.5 with standard error √(1/12/4000) ≈ 0.0046.
      expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
      // Kolmogorov–Smirnov distance to the uniform; the 1% critical value at n = 4000 is 1.63/√n ≈ 0.026.
      const sorted = [...draws].sort((a, b) => a - b);
      const distance = Math.max(...sorted.map((value, i) => Math.max(Math.abs((i + 1) / sorted.length - value), Math.abs(i / sorted.length - value))));
      expect(distance).toBeLessThan(0.026);
      // Lag-1 correlation between neighbouring seeds; its standard error is 1/√4000 ≈ 0.016.
      const centred = draws.map((value) => value - mean);
      let products = 0;
      let squares = 0;
      for (let i = 0; i < centred.length; i += 1) {
        squares += (centred[i] ?? 0) ** 2;
        if (i > 0) products += (centred[i] ?? 0) * (centred[i - 1] ?? 0);
      }
      expect(Math.abs(products / squares)).toBeLessThan(0.065);
    }
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
