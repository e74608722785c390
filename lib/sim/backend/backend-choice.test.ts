import { describe, expect, it } from "vitest";
import type { LayerType } from "@/lib/model-core";
import { fastestProbe, isSoftwareRenderer, PROBE_TIE_MARGIN, layerTypesOf, planBackends, screenBackends, type BackendName } from "./backend-choice";

const ALL = ["cpu", "webgl", "wasm", "webgpu"];
type Case = [available: readonly string[], layerTypes: readonly LayerType[], preferred: BackendName | undefined, order: readonly BackendName[], why: string];

describe("planBackends", () => {
  it.each<Case>([
    [ALL, ["dense", "dropout"], undefined, ["webgpu", "webgl", "wasm", "cpu"], "everything, fastest first"],
    [ALL, ["conv2d", "maxPool2d", "dense"], undefined, ["webgpu", "webgl", "cpu"], "wasm cannot train conv2d"],
    [ALL, ["embedding", "lstm", "dense"], undefined, ["webgpu", "webgl", "cpu"], "wasm cannot train embeddings"],
    [["cpu", "webgl", "wasm"], ["dense"], undefined, ["webgl", "wasm", "cpu"], "no WebGPU (headless Chromium)"],
    [["cpu", "wasm"], ["simpleRNN", "dense"], undefined, ["wasm", "cpu"], "no GPU at all"],
    [["cpu", "wasm"], ["conv2d"], undefined, ["cpu"], "CNN without a GPU: only cpu can train it"],
    [ALL, ["dense"], "wasm", ["wasm", "webgpu", "webgl", "cpu"], "a preferred backend goes first"],
    [ALL, ["conv2d"], "wasm", ["webgpu", "webgl", "cpu"], "unless it cannot train the layers"],
    [["cpu"], ["dense"], "webgl", ["cpu"], "or is not available"],
  ])("%j, %j, preferring %s → %j (%s)", (available, layerTypes, preferred, order) => {
    expect(planBackends({ available, layerTypes, preferred }).order).toEqual(order);
  });

  it("says why it skipped a backend", () => {
    expect(planBackends({ available: ALL, layerTypes: ["conv2d"] }).skipped).toEqual([{ backend: "wasm", reason: "wasm cannot train conv2d layers in tfjs 4.22" }]);
  });

  it("collects layer types across specs", () => {
    expect(layerTypesOf([{ layers: [{ type: "dense", units: 2 }] }, { layers: [{ type: "conv2d", filters: 1, kernelSize: 3 }, { type: "dense", units: 1 }] }])).toEqual(["dense", "conv2d"]);
  });
});

/** Device strings as browsers report them (Chromium 156 headless here; the others from their documentation). */
const SWIFTSHADER_WEBGL = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)";
const SWIFTSHADER_WEBGPU = "google swiftshader";
const LLVMPIPE = "llvmpipe (LLVM 15.0.6, 256 bits)";
const HARDWARE_WEBGL = "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)";
const HARDWARE_WEBGPU = "apple metal-3 Apple M2";

describe("isSoftwareRenderer", () => {
  it.each([
    [SWIFTSHADER_WEBGL, true],
    [SWIFTSHADER_WEBGPU, true],
    [LLVMPIPE, true],
    ["Microsoft Basic Render Driver", true],
    ["Google SwiftShader", true],
    ["nvidia ampere (fallback adapter)", true],
    [HARDWARE_WEBGL, false],
    [HARDWARE_WEBGPU, false],
    ["WebAssembly SIMD", false],
  ])("%s → %s", (device, software) => {
    expect(isSoftwareRenderer(device)).toBe(software);
  });
  it("an unknown device (renderer masked) is not called software", () => {
    expect(isSoftwareRenderer(null)).toBe(false);
  });
});

describe("screenBackends", () => {
  it("a hardware GPU wins without timing", () => {
    const screening = screenBackends([
      { backend: "webgpu", device: HARDWARE_WEBGPU },
      { backend: "webgl", device: HARDWARE_WEBGL },
    ]);
    expect(screening).toEqual({ chosen: "webgpu", probe: [], setAside: [], reason: { kind: "hardware-gpu", device: HARDWARE_WEBGPU } });
  });

  it("headless Chromium: SwiftShader WebGPU and WebGL set aside for WASM, which is timed against CPU", () => {
    const screening = screenBackends([
      { backend: "webgpu", device: SWIFTSHADER_WEBGPU },
      { backend: "webgl", device: SWIFTSHADER_WEBGL },
      { backend: "wasm", device: "WebAssembly SIMD" },
      { backend: "cpu", device: "JavaScript (main CPU)" },
    ]);
    expect(screening.chosen).toBeNull();
    expect(screening.probe).toEqual(["wasm", "cpu"]);
    expect(screening.setAside.map((s) => [s.backend, s.reason.kind])).toEqual([
      ["webgpu", "software-renderer"],
      ["webgl", "software-renderer"],
    ]);
  });

  it("a CNN (no WASM): the software renderer is timed against CPU, it may still be faster", () => {
    const screening = screenBackends([
      { backend: "webgl", device: SWIFTSHADER_WEBGL },
      { backend: "cpu", device: "JavaScript (main CPU)" },
    ]);
    expect(screening).toMatchObject({ chosen: null, probe: ["webgl", "cpu"], setAside: [] });
  });

  it("a masked renderer is not conclusive: timed", () => {
    expect(screenBackends([{ backend: "webgl", device: null }, { backend: "wasm", device: "WebAssembly" }]).probe).toEqual(["webgl", "wasm"]);
  });

  it("one candidate left: no timing", () => {
    expect(screenBackends([{ backend: "webgl", device: SWIFTSHADER_WEBGL }, { backend: "wasm", device: "WebAssembly" }])).toMatchObject({
      chosen: "wasm",
      reason: { kind: "only-candidate" },
    });
  });
});

describe("fastestProbe", () => {
  it("the lowest time per step; ties to the preferred (earlier) one; non-finite times never win", () => {
    expect(fastestProbe([{ backend: "wasm", msPerStep: 4 }, { backend: "cpu", msPerStep: 9 }])?.backend).toBe("wasm");
    expect(fastestProbe([{ backend: "webgl", msPerStep: 30 }, { backend: "cpu", msPerStep: 12 }])?.backend).toBe("cpu");
    expect(fastestProbe([{ backend: "wasm", msPerStep: 5 }, { backend: "cpu", msPerStep: 5 }])?.backend).toBe("wasm");
    expect(fastestProbe([{ backend: "wasm", msPerStep: Infinity }])).toBeNull();
    expect(fastestProbe([{ backend: "wasm", msPerStep: Infinity }, { backend: "cpu", msPerStep: 3 }])?.backend).toBe("cpu");
  });

  it("a later backend needs a lead of more than the tie margin; a smaller one is within the probe's noise", () => {
    // Rows: WASM's and CPU's probe times (ms a step), the choice, why.
    const rows: [number, number, BackendName, string][] = [
      [0.7, 0.6, "wasm", "14% faster is a tie (a pair of timings bench/sim.ts saw for minibatch-sgd)"],
      [0.5, 0.5, "wasm", "equal"],
      [1.0, 1.0 - PROBE_TIE_MARGIN, "wasm", "exactly the margin is still a tie"],
      [1.0, 0.8, "cpu", "20% faster wins"],
      [0.4, 0.6, "wasm", "the preferred one is faster"],
    ];
    for (const [wasm, cpu, expected, why] of rows) {
      expect(fastestProbe([{ backend: "wasm", msPerStep: wasm }, { backend: "cpu", msPerStep: cpu }])?.backend, why).toBe(expected);
    }
    // With three candidates the margin is judged against the best so far.
    expect(fastestProbe([{ backend: "webgl", msPerStep: 10 }, { backend: "wasm", msPerStep: 8 }, { backend: "cpu", msPerStep: 7.5 }])?.backend).toBe("wasm");
  });
});
