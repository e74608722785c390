import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { describe, expect, it } from "vitest";
import { quietTfjs } from "@/lib/model-core/tfjs";
import { initBestBackend } from "./init-best-backend";

describe("initBestBackend (in Node, where WebGL and WebGPU cannot start)", () => {
  it("falls back past backends that fail, and names the one that runs and its device", async () => {
    quietTfjs();
    const ready = await initBestBackend(tf, ["webgpu", "webgl", "wasm", "cpu"]);
    expect(ready.backend).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    expect(ready.device).toMatch(/^WebAssembly/);
    // webgpu is not even registered here (its package is not imported); webgl is, and fails to start.
    expect(ready.attempts.map((a) => [a.backend, a.ok])).toEqual([
      ["webgpu", false],
      ["webgl", false],
      ["wasm", true],
    ]);
    expect(ready.attempts[0]?.error).toMatch(/webgpu/i);
    expect(ready.attempts[1]?.error).toBeTruthy();
  });

  it("says so when nothing starts", async () => {
    await expect(initBestBackend(tf, ["webgpu", "webgl"])).rejects.toThrow(/^no backend could start: webgpu: .+; webgl: .+/);
  });
});
