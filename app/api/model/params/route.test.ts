import { describe, expect, it } from "vitest";
import { ISLP_ARCHITECTURES } from "@/lib/model-core";
import { reportCache } from "./report-cache";
import { POST } from "./route";

function post(body: string, contentType = "application/json"): Promise<Response> {
  return POST(new Request("http://localhost/api/model/params", { method: "POST", headers: { "content-type": contentType }, body }), undefined);
}

describe("POST /api/model/params", () => {
  it.each(ISLP_ARCHITECTURES.map((preset) => [preset.id, preset] as const))("%s → 200 with the book's total, verified by tfjs", async (_id, preset) => {
    const response = await post(JSON.stringify(preset.spec));
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report).toMatchObject({ convention: preset.spec.convention ?? "keras", total: preset.total, tfjs: { agrees: true } });
    expect(report.layers[0]).toMatchObject({ type: preset.spec.layers[0]?.type, outputShape: expect.any(Array), params: expect.any(Number) });
  });

  // Every bad input is a 4xx with a message: never a 500, never a stack trace.
  it.each([
    ["units 0", { input: [4], layers: [{ type: "dense", units: 5 }, { type: "dense", units: 0 }] }, 422, /^layer 2 \(dense\): units/],
    ["10⁹ units", { input: [4], layers: [{ type: "dense", units: 1e9 }] }, 422, /^layer 1 \(dense\): units is 1,000,000,000, above the limit/],
    ["a kernel larger than its input", { input: [4, 4, 1], layers: [{ type: "conv2d", filters: 2, kernelSize: 5 }] }, 422, /^layer 1 \(conv2d\): kernel 5×5/],
    ["too many parameters", { input: [10_000_000], layers: [{ type: "dense", units: 10_000 }] }, 422, /limit/],
    ["wrong types", { input: "784", layers: { type: "dense" } }, 422, /input/],
    ["an unknown type", { input: [4], layers: [{ type: "transformer" }] }, 422, /^layer 1: unknown type "transformer"/],
    ["65 layers", { input: [4], layers: Array.from({ length: 65 }, () => ({ type: "dense", units: 2 })) }, 422, /65 layers; the limit is 64/],
    ["null", null, 422, /object/],
    ["a number", 42, 422, /object/],
  ])("%s → 4xx naming the problem", async (_name, body, status, message) => {
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(status);
    const json = await response.json();
    expect(json.error).toMatch(message);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  // 30,000 brackets fit in the body limit; a recursive walk over them would overflow the stack.
  it.each([
    ["input", (deep: string) => `{"input": ${deep}, "layers": [{"type": "flatten"}]}`],
    ["a layer field", (deep: string) => `{"input": [4], "layers": [{"type": "dense", "units": ${deep}}]}`],
    ["a layer", (deep: string) => `{"input": [4], "layers": [${deep}]}`],
    ["the whole body", (deep: string) => deep],
  ])("a deeply nested value as %s → 422", async (_where, wrap) => {
    const deep = `${"[".repeat(30_000)}1${"]".repeat(30_000)}`;
    const response = await post(wrap(deep));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toEqual(expect.any(String));
  });

  it("points a client at the layer and the field", async () => {
    const response = await post(JSON.stringify({ input: [4], layers: [{ type: "dense", units: 5 }, { type: "dense", units: -1 }] }));
    expect(await response.json()).toMatchObject({ layerIndex: 1, fields: { "layers.1.units": [expect.stringMatching(/^layer 2/)] } });
  });

  it.each([
    ["malformed JSON", '{"input": [784],', "application/json", 400],
    ["a NUL byte", '{"input": [784], "layers": [{"type": "dense\u0000", "units": 1}]}', "application/json", 400],
    ["an empty body", "", "application/json", 400],
    ["a form body", "input=784", "application/x-www-form-urlencoded", 415],
    ["a 100 kB body", JSON.stringify({ input: [4], layers: [{ type: "dense", units: 1, pad: "x".repeat(100_000) }] }), "application/json", 413],
  ])("%s → 4xx", async (_name, body, contentType, status) => {
    const response = await post(body, contentType);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toEqual(expect.any(String));
  });

  describe("the report cache", () => {
    it("does not grow for invalid bodies, however many and however large", async () => {
      const before = { size: reportCache.size, bytes: reportCache.bytes };
      for (let i = 0; i < 200; i += 1) {
        const response = await post(JSON.stringify({ input: [4], layers: [{ type: "dense", units: 0 }], pad: `${i}-${"x".repeat(50_000)}` }));
        expect(response.status).toBe(422);
      }
      expect({ size: reportCache.size, bytes: reportCache.bytes }).toEqual(before);
    });

    it("keys on the canonical spec: reordered, padded or defaulted spellings share one entry", async () => {
      const before = reportCache.size;
      const spellings = [
        { input: [7], layers: [{ type: "dense", units: 3, activation: "relu" }, { type: "dense", units: 2 }] },
        { layers: [{ units: 3, type: "dense", activation: "relu" }, { units: 2, type: "dense" }], input: [7] },
        { input: [7], convention: "keras", layers: [{ type: "dense", units: 3, activation: "relu", useBias: true }, { type: "dense", units: 2, useBias: true }] },
      ];
      const totals = [];
      for (const spec of spellings) {
        const response = await post(JSON.stringify(spec));
        expect(response.status).toBe(200);
        totals.push((await response.json()).total);
      }
      expect(totals).toEqual([(7 + 1) * 3 + (3 + 1) * 2, 32, 32]);
      expect(reportCache.size).toBe(before + 1);
    });
  });
});
