import { describe, expect, it } from "vitest";
import { ISLP_ARCHITECTURES, validateSpec } from "@/lib/model-core";
import { draftToSpec, newLayer, specToDraft, type Draft } from "./draft";
import { linkQuery, readLink } from "./link-state";

const mlp: Draft = {
  input: "784",
  convention: "keras",
  layers: [newLayer("dense", "a"), newLayer("dense", "b")],
};

describe("draft ⇄ spec", () => {
  it.each(ISLP_ARCHITECTURES.map((preset) => [preset.id, preset] as const))("%s survives spec → form → spec", (_id, preset) => {
    const draft = specToDraft(preset.spec);
    expect(draft).not.toBeNull();
    const back = validateSpec(draftToSpec(draft as Draft));
    const original = validateSpec(preset.spec);
    expect(back).toEqual(original);
  });

  it.each([
    ["an empty required field is left out, so the validator says it is required", { units: "" }, /layer 1 \(dense\): units is required/],
    ["a half-typed number is quoted back", { units: "2x" }, /layer 1 \(dense\): units must be a positive integer, got "2x"/],
    ["zero is a number the validator rejects", { units: "0" }, /units must be a positive integer, got 0/],
  ])("%s", (_reason, values, message) => {
    const draft: Draft = { ...mlp, layers: [{ ...newLayer("dense", "a"), values: { ...newLayer("dense", "a").values, ...values } }] };
    const validation = validateSpec(draftToSpec(draft));
    expect(validation.ok).toBe(false);
    expect(validation.ok ? "" : validation.error).toMatch(message);
  });

  it.each([
    ["3", 3],
    ["3, 5", [3, 5]],
    ["3x5", [3, 5]],
    ["3×5", [3, 5]],
  ])("kernel size %j → %j", (text, value) => {
    const layer = { ...newLayer("conv2d", "c"), values: { ...newLayer("conv2d", "c").values, kernelSize: text } };
    expect((draftToSpec({ input: "28, 28, 1", convention: "keras", layers: [layer] }).layers as { kernelSize: unknown }[])[0]?.kernelSize).toEqual(value);
  });

  it("keeps what was typed through a link: spec → draft → spec is the identity for half-typed values", () => {
    const spec = { input: [784, "a"], layers: [{ type: "dense", units: "2x" }, { type: "conv2d", filters: 3, kernelSize: [3, 5] }] };
    const draft = specToDraft(spec);
    expect(draft).not.toBeNull();
    expect(draftToSpec(draft as Draft)).toEqual(spec);
  });

  it.each([
    ["an unknown layer type", { input: [4], layers: [{ type: "dens", units: 3 }] }],
    ["an unknown field", { input: [4], layers: [{ type: "dense", units: 3, kernel: 2 }] }],
    ["a number written as a string", { input: [4], layers: [{ type: "dense", units: "3" }] }],
    ["an unknown activation", { input: [4], layers: [{ type: "dense", units: 3, activation: "mish" }] }],
    ["a top-level typo", { input: [4], layer: [] }],
    ["not an object", [1, 2, 3]],
  ])("leaves %s to the text editor", (_reason, spec) => {
    expect(specToDraft(spec)).toBeNull();
  });
});

describe("links", () => {
  it("reproduce the form's state", () => {
    const query = linkQuery("form", mlp, "");
    const params = Object.fromEntries(new URLSearchParams(query.slice(1)));
    const start = readLink(params);
    expect(start.mode).toBe("form");
    expect(draftToSpec(start.draft)).toEqual(draftToSpec(mlp));
  });

  it("reproduce the text editor's state, even unparsable text", () => {
    const params = Object.fromEntries(new URLSearchParams(linkQuery("text", mlp, "input: [784\nlayers: ").slice(1)));
    expect(readLink(params)).toMatchObject({ mode: "text", text: "input: [784\nlayers: " });
  });

  it.each([
    ["not JSON", { spec: "{input" }, "notJson"],
    ["too long", { spec: "x".repeat(9_000) }, "tooLong"],
    ["an unknown preset", { preset: "lenet" }, "unknownPreset"],
  ])("that are %s say so and show the default network", (_reason, params, kind) => {
    const start = readLink(params);
    expect(start.linkProblem?.kind).toBe(kind);
    expect(start.mode).toBe("form");
    expect(validateSpec(draftToSpec(start.draft)).ok).toBe(true);
  });

  it("open a spec the form cannot show in the text editor", () => {
    expect(readLink({ spec: '{"input":[4],"layers":[{"type":"transformer"}]}' })).toMatchObject({ mode: "text", presetId: undefined });
  });

  it("load presets by id", () => {
    expect(readLink({ preset: "mnist-mlp" })).toMatchObject({ mode: "form", presetId: "mnist-mlp" });
  });
});

describe("pathological input", () => {
  const deep = JSON.parse(`{"input": [4], "layers": [{"type": "dense", "units": ${"[".repeat(20_000)}1${"]".repeat(20_000)}}]}`);
  it("a deeply nested spec is left to the text editor, which reports it", () => {
    expect(specToDraft(deep)).toBeNull();
  });
  it("a deeply nested link falls back to the default network", () => {
    expect(readLink({ spec: `${"[".repeat(3_000)}${"]".repeat(3_000)}` }).linkProblem?.kind).toBe("tooDeep");
  });
});
