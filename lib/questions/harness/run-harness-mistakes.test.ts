/**
 * The harness types every listed mistake, and says so when a listed mistake is never typed: then
 * its "share with specific feedback" would count nothing for it.
 */
import { describe, expect, it } from "vitest";
import { quietTfjs } from "../../model-core/tfjs";
import { templateSchema } from "../template-schema";
import { testTemplate, UNTRIED_MISTAKE_FAILS_AT } from "./run-harness";

quietTfjs();

const pooling = (mistakes: unknown[]) =>
  templateSchema.parse({
    id: "max-pool-map",
    concept: "pooling",
    title: { ko: "최대 풀링", en: "Max pooling" },
    params: { X: { matrix: [4, 4], values: "0..9" } },
    prompt: { ko: "특징 맵 {{X}}에 최대 풀링", en: "Max pooling of {{X}}" },
    answer: { calculator: "max-pool", image: "X", size: 2 },
    solution: { ko: "블록마다 최댓값. {{@work}}", en: "The largest of each block. {{@work}}" },
    mistakes,
  });

const averaged = { misconception: "average-pool", feedback: { ko: "평균 풀링", en: "average pooling" } };
const overlapping = { misconception: "overlapping-pool", feedback: { ko: "보폭 1", en: "stride 1" } };

describe("testTemplate: a matrix template's listed mistakes", () => {
  it("types each misconception's map and recognises it", async () => {
    const report = await testTemplate(pooling([averaged, overlapping]), 4);
    expect(report.details.filter((d) => d.level === "failure")).toEqual([]);
    // Four drawn variants and the corners; both misconceptions apply to every variant of 4×4 digits
    // unless all four blocks are constant (the average is the max), which these draws are not.
    expect(report.mistakes.tried).toBe(2 * report.variants);
    expect(report.mistakes.recognised).toBe(report.mistakes.tried);
  });

  it("fails a listed mistake that no variant carries (it always equals an earlier one); warns only after a few draws", async () => {
    const twice = { ...overlapping, feedback: { ko: "겹치는 블록", en: "overlapping blocks" } };
    const untried = (details: { check: string; level: string; message: string }[]) => details.filter((d) => d.check === "mistake").map((d) => `${d.level}: ${d.message}`);
    expect(untried((await testTemplate(pooling([overlapping, twice]), UNTRIED_MISTAKE_FAILS_AT)).details)).toEqual([expect.stringMatching(/^failure: listed mistake 2 was never typed/)]);
    expect(untried((await testTemplate(pooling([overlapping, twice]), 3)).details)).toEqual([expect.stringMatching(/^warning: listed mistake 2 was never typed/)]);
  });
});
