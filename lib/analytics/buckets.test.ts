import { describe, expect, it } from "vitest";
import { accuracyByParam, numericBuckets, topMistakes, wordBuckets } from "./buckets";

const obs = (pairs: [number, boolean][]) => pairs.map(([value, correct]) => ({ value, correct }));

describe("numericBuckets", () => {
  it("gives one bucket per value when there are few values", () => {
    expect(numericBuckets(obs([[3, true], [3, false], [5, true]]))).toEqual([
      { label: "3", from: 3, to: 3, attempts: 2, correct: 1, rate: 0.5 },
      { label: "5", from: 5, to: 5, attempts: 1, correct: 1, rate: 1 },
    ]);
  });

  it("groups many values into at most five ranges of about equal counts, in order", () => {
    const values = Array.from({ length: 19 }, (_, i) => i + 2); // p = 2..20, one attempt each
    const buckets = numericBuckets(values.map((value) => ({ value, correct: value < 10 })));
    expect(buckets).toHaveLength(5);
    expect(buckets.map((b) => b.label)).toEqual(["2–5", "6–9", "10–13", "14–17", "18–20"]);
    expect(buckets.reduce((sum, b) => sum + b.attempts, 0)).toBe(19);
    expect(buckets[0]).toMatchObject({ correct: 4, rate: 1 });
    expect(buckets[4]).toMatchObject({ correct: 0, rate: 0 });
  });

  it("never splits a value across buckets, even a very frequent one", () => {
    const many: [number, boolean][] = [...Array.from({ length: 50 }, () => [8, true] as [number, boolean]), [1, false], [2, false], [3, false], [9, true], [10, true], [11, true]];
    const buckets = numericBuckets(obs(many));
    const withEight = buckets.filter((b) => b.from! <= 8 && b.to! >= 8);
    expect(withEight).toHaveLength(1);
    expect(buckets.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < buckets.length; i += 1) expect(buckets[i]!.from!).toBeGreaterThan(buckets[i - 1]!.to!);
  });

  it("formats fractional values briefly and ignores non-finite ones", () => {
    expect(numericBuckets(obs([[0.1 + 0.2, true], [Number.NaN, true]])).map((b) => b.label)).toEqual(["0.3"]);
  });

  it("is empty without observations", () => {
    expect(numericBuckets([])).toEqual([]);
  });
});

describe("wordBuckets", () => {
  it("keeps the most frequent words and folds the rest", () => {
    const words = ["same", "same", "valid", "a", "b", "c", "d"].map((value, i) => ({ value, correct: i % 2 === 0 }));
    const buckets = wordBuckets(words, 3);
    expect(buckets.map((b) => [b.label, b.attempts])).toEqual([["same", 2], ["a", 1], ["…", 4]]);
  });
});

describe("accuracyByParam", () => {
  it("reports numeric and word parameters, skipping matrices and constant parameters", () => {
    const attempts = [
      { params: { p: 4, K: 5, pad: "same", kernel: [[1, 0], [0, 1]], c: 1 }, correct: true },
      { params: { p: 8, K: 5, pad: "valid", kernel: [[1]], c: 1 }, correct: false },
      { params: { p: 8, K: 6, pad: "same", kernel: [[1]], c: 1 }, correct: true },
    ];
    const result = accuracyByParam(attempts);
    expect(result.map((r) => r.param)).toEqual(["K", "p", "pad"]);
    expect(result.find((r) => r.param === "p")?.buckets).toEqual([
      { label: "4", from: 4, to: 4, attempts: 1, correct: 1, rate: 1 },
      { label: "8", from: 8, to: 8, attempts: 2, correct: 1, rate: 0.5 },
    ]);
  });
});

describe("topMistakes", () => {
  it("counts by text, most frequent first, up to the limit", () => {
    const bias = { ko: "편향", en: "You left out the biases." };
    const out = { ko: "출력", en: "You left out the output layer." };
    expect(topMistakes([out, bias, bias, out, bias, { ko: "x", en: "x" }], 2)).toEqual([
      { feedback: bias, count: 3 },
      { feedback: out, count: 2 },
    ]);
  });
});
