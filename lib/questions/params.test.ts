import { describe, expect, it } from "vitest";
import { anchorParams, normalizeParam, rangeValues, sampleParams } from "./params";
import { createRandom } from "./random";
import { templateSchema, type Template } from "./template-schema";

function withParams(params: Record<string, unknown>, extra: Record<string, unknown> = {}): Template {
  return templateSchema.parse({
    id: "t",
    concept: "c",
    title: { ko: "제목", en: "Title" },
    params,
    prompt: { ko: "문제", en: "Question" },
    answer: { calculator: "steps-per-epoch", n: 100, batch: 10 },
    solution: { ko: "풀이", en: "Solution" },
    ...extra,
  });
}

describe("normalizeParam", () => {
  it.each<[unknown, unknown]>([
    [4, { kind: "fixed", value: 4 }],
    ["2..20", { kind: "range", min: "2", max: "20", step: "1" }],
    ["8..64 step 8", { kind: "range", min: "8", max: "64", step: "8" }],
    ["1..n", { kind: "range", min: "1", max: "n", step: "1" }],
    ["-2..2", { kind: "range", min: "-2", max: "2", step: "1" }],
    ["= p*K", { kind: "derived", expr: "p*K" }],
    [["relu", "sigmoid"], { kind: "choice", values: ["relu", "sigmoid"] }],
    [{ min: 1, max: "n", step: 2 }, { kind: "range", min: "1", max: "n", step: "2" }],
    [{ matrix: [3, "n"], values: "0..3" }, { kind: "matrix", rows: "3", cols: "n", min: "0", max: "3", step: "1" }],
  ])("%j", (spec, normalized) => {
    expect(normalizeParam(templateSchema.shape.params.unwrap().valueType.parse(spec))).toEqual(normalized);
  });
});

describe("rangeValues", () => {
  it("lists decimal steps without float noise", () => {
    const range = rangeValues(0.1, 0.5, 0.1);
    expect(range.count).toBe(5);
    expect(Array.from({ length: range.count }, (_, i) => range.at(i))).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });
  it("rejects empty ranges and non-positive steps", () => {
    expect(() => rangeValues(5, 1, 1)).toThrow(/empty/);
    expect(() => rangeValues(1, 5, 0)).toThrow(/positive/);
  });
});

describe("sampleParams", () => {
  it("draws in order, so later params may use earlier ones, and meets constraints", () => {
    const template = withParams({ n: "4..10", k: "1..n", m: "= n - k", X: { matrix: ["k", 2], values: "0..1" } }, { constraints: ["k < n"] });
    for (let seed = 0; seed < 200; seed += 1) {
      const { n, k, m, X } = sampleParams(template, createRandom(seed)) as { n: number; k: number; m: number; X: number[][] };
      expect(k).toBeLessThan(n);
      expect(m).toBe(n - k);
      expect(X).toHaveLength(k);
      expect(X.flat().every((v) => v === 0 || v === 1)).toBe(true);
    }
  });

  it("covers every value of a range", () => {
    const template = withParams({ d: "1..6" });
    const seen = new Set(Array.from({ length: 300 }, (_, seed) => sampleParams(template, createRandom(seed)).d));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("anchorParams", () => {
  const template = withParams({ n: "50..1000", d: [3, 4, 5], t: "= 1/d" }, { constraints: ["n % d != 0"] });
  const anchor = (params: Record<string, unknown>) => ({ id: "lab", label: { ko: "실습", en: "Lab" }, params: params as Record<string, number> });
  it("takes the anchor's values and computes the derived ones", () => {
    expect(anchorParams(template, anchor({ n: 263, d: 3 }))).toEqual({ n: 263, d: 3, t: 1 / 3 });
  });
  it.each<[Record<string, unknown>, RegExp]>([
    [{ n: 263 }, /does not set "d"/],
    [{ n: 263, d: 3, q: 1 }, /"q", which is not a parameter/],
    [{ n: 263, d: 3, t: 0.5 }, /"t", which is derived/],
    [{ n: 264, d: 3 }, /breaks a constraint/],
  ])("rejects %j", (params, message) => {
    expect(() => anchorParams(template, anchor(params))).toThrow(message);
  });
});
