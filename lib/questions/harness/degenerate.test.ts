import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDecksFromDir } from "../../content/load-decks";
import { findTemplate } from "../../content/deck-queries";
import type { Template } from "../template-schema";
import { anchorParams } from "../params";
import { insensitiveParams } from "./degenerate";

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
