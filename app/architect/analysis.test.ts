import { describe, expect, it } from "vitest";
import { analyzeCandidate, analyzeText } from "./analysis";

describe("analysis", () => {
  it("shows the layers before a failing one, the failing one with its message, the rest unchecked", () => {
    const analysis = analyzeCandidate({
      input: [784],
      layers: [{ type: "dense", units: 256 }, { type: "conv2d", filters: 3, kernelSize: 3 }, { type: "dense", units: 10 }],
    });
    expect(analysis.ok).toBe(false);
    expect(analysis.rows.map((row) => row.kind)).toEqual(["layer", "error", "unchecked"]);
    expect(analysis.rows[2]).toMatchObject({ name: "dense_2" });
    expect(analysis.rows[1]).toMatchObject({ index: 1, name: "conv2d_1", message: expect.stringMatching(/^layer 2 \(conv2d\)/) });
    expect(analysis.ok ? null : analysis.problem).toMatchObject({ layerIndex: 1 });
  });

  it("points a field error at the field", () => {
    const analysis = analyzeCandidate({ input: [4], layers: [{ type: "dense", units: 0 }] });
    expect(analysis.ok ? null : analysis.problem).toMatchObject({ layerIndex: 0, field: "units" });
  });

  it("points an input error at the input", () => {
    const analysis = analyzeCandidate({ input: [0], layers: [{ type: "dense", units: 1 }] });
    expect(analysis.ok ? null : analysis.problem).toMatchObject({ field: "input" });
  });

  it.each([
    ["unparsable text", "input: [784\nlayers:"],
    ["deep nesting", `${"[".repeat(20_000)}${"]".repeat(20_000)}`],
    ["a YAML alias bomb", 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]'],
    ["NUL characters", '{"input": [4], "layers": [{"type": "dense\u0000", "units": 1}]}'],
  ])("reports %s without throwing", (_name, text) => {
    const analysis = analyzeText(text);
    expect(analysis.ok).toBe(false);
    expect(analysis.ok ? "" : analysis.problem.message).toEqual(expect.any(String));
  });

  it("derives a valid network with both conventions", () => {
    const analysis = analyzeText("input: [500]\nconvention: pytorch\nlayers:\n  - {type: embedding, inputDim: 10003, outputDim: 32}\n  - {type: lstm, units: 32}\n  - {type: dense, units: 1}");
    expect(analysis.ok && analysis.derivation.total).toBe(328_577);
    expect(analysis.ok && analysis.conventions.difference).toBe(128);
  });
});
