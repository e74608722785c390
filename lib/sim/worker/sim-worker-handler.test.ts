import { beforeAll, describe, expect, it } from "vitest";
import { runExperimentById } from "../experiments/run-by-id";
import { datasetCache, selectBackend } from "../testing/run-in-node";
import type { SimResponse } from "./protocol";
import { createSimWorkerHandler } from "./sim-worker-handler";

/** The worker's message flow, in Node: tfjs registers webgl here too, which fails to start, so wasm runs. */
function harness(run: typeof runExperimentById = runExperimentById) {
  const messages: SimResponse[] = [];
  let tfModule: Awaited<ReturnType<typeof selectBackend>> | null = null;
  const handler = createSimWorkerHandler({
    post: (message) => messages.push(message),
    loadRuntime: async () => {
      tfModule = await selectBackend("wasm");
      return { tf: tfModule, datasets: datasetCache, runExperimentById: run };
    },
    now: () => performance.now(),
    yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
  return { messages, handler, types: () => messages.map((m) => m.type) };
}

describe("simulation worker protocol", () => {
  beforeAll(() => selectBackend("wasm"));

  it("start: phases, backend (timed against the others), progress…, result, memory back at its baseline", async () => {
    const { messages, handler, types } = harness();
    await handler.handle({ type: "start", runId: 1, experimentId: "hitters", settings: { epochs: "3" } });
    const phases = messages.flatMap((m) => (m.type === "phase" ? [m.phase] : []));
    expect(phases).toEqual(["loading", "choosing", "warming-up", "training"]);
    expect(types().slice(0, 3)).toEqual(["phase", "phase", "backend"]);
    expect(types().indexOf("progress")).toBeGreaterThan(types().lastIndexOf("phase"));
    expect(types().slice(-2)).toEqual(["result", "memory"]);
    expect(types().filter((t) => t === "progress").length).toBeGreaterThanOrEqual(3 * 6);
    const backend = messages[2];
    if (backend?.type !== "backend") throw new Error("no backend message");
    // In Node wasm and cpu start (webgl, where registered, cannot), say nothing conclusive, and are timed.
    expect(backend.attempts.filter((a) => a.ok).map((a) => a.backend)).toEqual(["wasm", "cpu"]);
    expect(backend.reason.kind).toBe("probe");
    expect(backend.probes.map((p) => p.backend)).toEqual(["wasm", "cpu"]);
    // Each candidate timed twice, in turn (wasm, cpu, wasm, cpu), at least 3 steps a time.
    for (const probe of backend.probes) expect(probe.steps).toBeGreaterThanOrEqual(2 * 3);
    const fastest = backend.probes.reduce((a, b) => (b.msPerStep < a.msPerStep ? b : a));
    expect(backend.backend).toBe(fastest.backend);
    expect(backend.reason.kind === "probe" && backend.reason.msPerStep).toBe(fastest.msPerStep);
    const result = messages.at(-2);
    if (result?.type !== "result" || result.outcome.experimentId !== "hitters" || result.outcome.status !== "completed") throw new Error("no completed result");
    expect(result.outcome.settings.epochs).toBe(3);
    expect(result.outcome.summary.ko).toContain("평균 절대 오차");
    const memory = messages.at(-1);
    expect(memory?.type === "memory" && memory.numTensors === memory.tensorsBefore).toBe(true);
  });

  it("stop: a stopped result with the epochs so far, and no tensor left behind", async () => {
    const { messages, handler } = harness();
    const running = handler.handle({ type: "start", runId: 2, experimentId: "activation", settings: { epochs: 500 } });
    while (!messages.some((m) => m.type === "progress" && m.metrics.kind === "epoch")) await new Promise((r) => setTimeout(r, 5));
    await handler.handle({ type: "stop", runId: 2 });
    await running;
    const result = messages.find((m) => m.type === "result");
    expect(result?.type === "result" && result.outcome.status).toBe("stopped");
    const memory = messages.at(-1);
    expect(memory?.type).toBe("memory");
    if (memory?.type === "memory") expect(memory.numTensors).toBe(memory.tensorsBefore);
  });

  it("a new start stops the run in progress first (reset)", async () => {
    const { messages, handler } = harness();
    void handler.handle({ type: "start", runId: 3, experimentId: "activation", settings: { epochs: 500 } });
    while (!messages.some((m) => m.type === "progress")) await new Promise((r) => setTimeout(r, 5));
    await handler.handle({ type: "start", runId: 4, experimentId: "hitters", settings: { epochs: 1 } });
    const results = messages.filter((m) => m.type === "result").map((m) => (m.type === "result" ? [m.runId, m.outcome.status] : []));
    expect(results).toEqual([
      [3, "stopped"],
      [4, "completed"],
    ]);
  });

  it("bad settings: an error naming each field, in both languages; no training", async () => {
    const { messages, handler, types } = harness();
    await handler.handle({ type: "start", runId: 5, experimentId: "mnist-mlp", settings: { epochs: "many", trainSize: 99_999 } });
    expect(types()).toEqual(["phase", "error", "memory"]);
    const error = messages[1];
    if (error?.type !== "error") throw new Error("no error");
    expect(error.settingsErrors?.map((e) => e.field)).toEqual(["epochs", "trainSize"]);
    expect(error.settingsErrors?.[1]?.message.en).toBe("trainSize must be a whole number from 100 to 8000; got 99999");
  });

  it("a run on the page's chosen backend says so, and times nothing", async () => {
    const { messages, handler } = harness();
    await handler.handle({ type: "start", runId: 7, experimentId: "hitters", settings: { epochs: 1 }, backend: "cpu" });
    const backend = messages.find((m) => m.type === "backend");
    expect(backend?.type === "backend" && [backend.backend, backend.reason.kind, backend.probes.length]).toEqual(["cpu", "preferred", 0]);
  });

  it("a backend that fails mid-run is dropped: the run starts again on the next one and says why", async () => {
    // The first run on the chosen backend dies after training began (as a lost WebGPU device would); later runs are real.
    let failed = false;
    const failingOnce: typeof runExperimentById = (id, settings, context) =>
      runExperimentById(id, settings, {
        ...context,
        onProgress: (...args) => {
          if (!failed) {
            failed = true;
            throw new Error("device lost");
          }
          context.onProgress?.(...args);
        },
      });
    const { messages, handler } = harness(failingOnce);
    await handler.handle({ type: "start", runId: 8, experimentId: "hitters", settings: { epochs: 2 }, backend: "wasm" });
    const backends = messages.flatMap((m) => (m.type === "backend" ? [m] : []));
    expect(backends.map((b) => b.backend)).toEqual(["wasm", "cpu"]);
    expect(backends[1]?.fallbackFrom).toEqual({ backend: "wasm", error: "device lost" });
    const result = messages.find((m) => m.type === "result");
    expect(result?.type === "result" && [result.outcome.status, result.outcome.backend]).toEqual(["completed", "cpu"]);
    const memory = messages.at(-1);
    // Everything the failed attempt made is freed, except what tfjs' fit keep()s for the interrupted
    // step (its loss scalar: kept tensors outlive scopes): one tensor at most.
    if (memory?.type !== "memory") throw new Error("no memory message");
    expect(memory.numTensors - memory.tensorsBefore).toBeGreaterThanOrEqual(0);
    expect(memory.numTensors - memory.tensorsBefore).toBeLessThanOrEqual(1);
  });

  it("an unknown experiment is an error, not a crash", async () => {
    const { messages, handler } = harness();
    await handler.handle({ type: "start", runId: 6, experimentId: "nope" as "activation", settings: {} });
    expect(messages).toEqual([{ type: "error", runId: 6, message: 'unknown experiment "nope"' }]);
  });
});
