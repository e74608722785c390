import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDecksFromDir } from "../../content/load-decks";
import { findTemplate } from "../../content/deck-queries";
import { templateSchema, type Template } from "../template-schema";
import { anchorParams } from "../params";
import { makeVariant } from "../make-variant";
import { variantSeed } from "../variant-seed";
import { cornerAnchors } from "./corners";
import { assessDegeneracy, insensitiveParams, type ProbedVariant } from "./degenerate";
import { testTemplate } from "./run-harness";

/** The forward-pass question of the course deck, probed at hand-picked parameter values. */
let forward: Template;

beforeAll(async () => {
  const { decks } = await loadDecksFromDir(path.resolve(__dirname, "../../../content/decks"));
  const found = findTemplate(decks, "single-layer-forward")?.item;
  if (!found) throw new Error("single-layer-forward not found");
  forward = found;
});

describe("insensitiveParams", () => {
  it("finds nothing to flag in the worked example, where both hidden units pass the ReLU", () => {
    // z₁ = 0 + 1·1 − 1·2 = −1 → 0 … but z₂ = −1 + 2·1 + 1·2 = 3 passes: every parameter counts.
    const params = { x: [[1, 2]], W: [[1, -1], [2, 1]], w0: [[0, -1]], beta: [[2, -1]], beta0: 1 };
    expect(insensitiveParams(forward, params)).toEqual([]);
  });

  // The deck's constraints now rule these draws out; the probe is shown on the template without them.
  const unconstrained = () => ({ ...forward, constraints: undefined });

  it("flags every parameter but β₀ when both hidden units output 0 (f(X) = β₀)", () => {
    // z₁ = −1 − 1·1 − 1·1 = −3, z₂ = −1 − 2 − 2 = −5: one step of anything leaves both below 0.
    const params = { x: [[1, 1]], W: [[-1, -1], [-2, -2]], w0: [[-1, -1]], beta: [[2, -1]], beta0: 1 };
    expect(insensitiveParams(unconstrained(), params)).toEqual(["x", "W", "w0", "beta"]);
    // With the deck's constraints such a draw is not a variant at all.
    expect(insensitiveParams(forward, params)).toEqual([]);
    expect(() => anchorParams(forward, { id: "all-zero", label: { ko: "", en: "" }, params })).toThrow(/constraint/);
  });

  it("flags the hidden layer's inputs when β is zero: the output ignores the hidden layer", () => {
    const params = { x: [[1, 2]], W: [[1, -1], [2, 1]], w0: [[0, -1]], beta: [[0, 0]], beta0: 1 };
    expect(insensitiveParams(unconstrained(), params)).toEqual(["x", "W", "w0"]);
  });
});

/**
 * One ReLU unit A = max(0, w0 + w·x). Drawn as is, z is often well below 0, where no one-step move
 * of any parameter lifts it: those variants are degenerate. `extra` adds constraints or fields.
 */
function reluUnit(extra: Record<string, unknown> = {}): Template {
  const en = "What is max(0, {{w0}} + {{w}}·{{x}})?";
  return templateSchema.parse({
    id: "probe-relu",
    concept: "activation",
    title: { ko: en, en },
    params: { w0: "-8..4", w: "1..2", x: "1..2", unused: "1..5" },
    prompt: { ko: en, en },
    answer: { calculator: "activation", fn: "relu", z: "w0 + w*x" },
    solution: { ko: "{{@work}}", en: "{{@work}}" },
    ...extra,
  });
}

function drawnVariants(template: Template, count: number): ProbedVariant[] {
  return Array.from({ length: count }, (_, i) => {
    const seed = variantSeed(template.id, "degenerate-test", i);
    return { seed, params: makeVariant(template, seed, {}).params };
  });
}

function cornerVariants(template: Template): ProbedVariant[] {
  const anchors = cornerAnchors(template);
  return anchors.map((corner) => ({ params: makeVariant({ ...template, anchors }, 0, { anchor: corner.id }).params, corner: { id: corner.id, label: corner.label.en } }));
}

const flat = (params: ProbedVariant["params"]) => Number(params.w0) + Number(params.w) * Number(params.x) < 0;

describe("assessDegeneracy", () => {
  it("flags the deliberately degenerate unit's flat draws, and names no distractor as degenerate", () => {
    const template = reluUnit();
    const drawn = drawnVariants(template, 60);
    const report = assessDegeneracy(template, drawn, []);
    // Every flagged variant is one whose z is below 0 (the probe is not counting anything else).
    const flatDraws = drawn.filter(({ params }) => flat(params)).length;
    expect(flatDraws).toBeGreaterThan(10);
    expect(report.degenerate).toBeGreaterThan(0);
    expect(report.degenerate).toBeLessThanOrEqual(flatDraws);
    expect(report.probed).toBe(60);
    expect(report.warnings.map((warning) => warning.message).join("\n")).toMatch(/when w0 does/);
    // `unused` never moves the answer: a distractor, never reported.
    expect(report.warnings.some((warning) => warning.message.includes("when unused does"))).toBe(false);
  });

  it("finds nothing in the sound unit, whose constraint keeps z above 0, drawn or at its corners", () => {
    const template = reluUnit({ constraints: ["w0 + w*x > 0"] });
    const corners = cornerVariants(template);
    expect(corners.length).toBeGreaterThan(0);
    expect(assessDegeneracy(template, drawnVariants(template, 60), corners)).toEqual({ probed: 60 + corners.length, degenerate: 0, intended: 0, warnings: [] });
  });

  it("probes the corners too: a flat corner is degenerate even when no draw is", () => {
    const template = reluUnit();
    const corners = cornerVariants(template);
    const report = assessDegeneracy(template, [], corners);
    expect(corners.some(({ params }) => flat(params))).toBe(true);
    expect(report.degenerate).toBeGreaterThan(0);
    expect(report.warnings[0]?.anchor).toMatch(/^corner-/);
  });

  it("counts a declared flat case apart, and holds it to its share", () => {
    const intended = reluUnit({ intendedFlat: { when: "w0 + w*x < 0", maxShare: 0.9 } });
    const drawn = drawnVariants(intended, 60);
    const report = assessDegeneracy(intended, drawn, []);
    expect(report.degenerate).toBe(0);
    expect(report.intended).toBe(drawn.filter(({ params }) => flat(params)).length);
    expect(report.warnings).toEqual([]);

    const tooMany = reluUnit({ intendedFlat: { when: "w0 + w*x < 0", maxShare: 0.05 } });
    expect(assessDegeneracy(tooMany, drawn, []).warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/above its limit of 5\.0%/)]);

    const neverMet = reluUnit({ constraints: ["w0 + w*x > 0"], intendedFlat: { when: "w0 + w*x < 0", maxShare: 0.5 } });
    expect(assessDegeneracy(neverMet, drawnVariants(neverMet, 30), []).warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/holds in none of 30 variants/)]);
  });

  it("reaches the harness report: degenerate variants counted over draws and corners", async () => {
    const report = await testTemplate(reluUnit(), 20);
    expect(report.probed).toBe(20 + cornerAnchors(reluUnit()).length);
    expect(report.degenerate).toBeGreaterThan(0);
    expect(report.details.filter((detail) => detail.check === "degenerate").length).toBeGreaterThan(0);
    const sound = await testTemplate(reluUnit({ constraints: ["w0 + w*x > 0"] }), 20);
    expect(sound.degenerate).toBe(0);
    expect(sound.details.filter((detail) => detail.check === "degenerate")).toEqual([]);
  });
});
