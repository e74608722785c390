import { describe, expect, it } from "vitest";
import { epochAxis, lossAxis } from "./chart-axes";

describe("lossAxis", () => {
  it.each<[string, number[]]>([
    ["one epoch, two models close together (read 1.5, 1.5, 1.5, 1.4 on a log axis before)", [1.47, 1.43]],
    ["a single value", [2.302]],
    ["a narrow band of small losses", [0.0121, 0.0118, 0.0124]],
    ["a loss that fell a hundredfold", [2.3, 0.9, 0.2, 0.05, 0.021]],
    ["six decades", [1000, 1e-3]],
    ["negative values (a log axis cannot hold them)", [-0.3, 0.4]],
    ["zero", [0, 0]],
  ])("%s: distinct tick labels, every point strictly inside", (_why, values) => {
    const axis = lossAxis(values);
    if (!axis) throw new Error("no axis");
    const labels = axis.ticks.map(axis.format);
    expect(new Set(labels).size).toBe(labels.length);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
    for (const value of values) {
      expect(value).toBeGreaterThan(axis.domain[0]);
      expect(value).toBeLessThan(axis.domain[1]);
    }
    for (const tick of axis.ticks) {
      expect(tick).toBeGreaterThanOrEqual(axis.domain[0]);
      expect(tick).toBeLessThanOrEqual(axis.domain[1]);
    }
  });

  it("uses a log axis only when the loss spans a wide range", () => {
    expect(lossAxis([1.47, 1.43])?.scale).toBe("linear");
    expect(lossAxis([2.3, 0.05])?.scale).toBe("log");
    expect(lossAxis([2.3, 0.06])?.ticks).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2, 5]);
  });

  it("has nothing to draw without a finite value", () => {
    expect(lossAxis([NaN])).toBeNull();
  });
});

describe("epochAxis", () => {
  it("one epoch: that epoch alone, in the middle", () => {
    expect(epochAxis(1)).toEqual({ domain: [0.5, 1.5], ticks: [1] });
  });
  it("several: first to last", () => {
    expect(epochAxis(30)).toEqual({ domain: [1, 30] });
  });
});
