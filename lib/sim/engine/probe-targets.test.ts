import { describe, expect, it } from "vitest";
import { deriveArchitecture, validateSpec, type ArchitectureSpec } from "@/lib/model-core";
import { fastestProbe } from "../backend/backend-choice";
import { activationExperiment } from "../experiments/activation";
import { cnnVsMlpExperiment } from "../experiments/cnn-vs-mlp";
import { dlVsMethodsExperiment } from "../experiments/dl-vs-methods";
import { probeTargets, runMsPerStep } from "./probe-targets";
import type { ModelPlan } from "./experiment-types";

function specsOf(plans: readonly ModelPlan[]): ArchitectureSpec[] {
  return plans.map((plan) => {
    const validation = validateSpec(plan.spec);
    if (!validation.ok) throw new Error(validation.error);
    return validation.spec;
  });
}

describe("what the backend probe times", () => {
  it("cnn-vs-mlp: the CNN as well as the MLP, though the MLP has 18 times its parameters", () => {
    const plans = cnnVsMlpExperiment.models(cnnVsMlpExperiment.settings.defaults);
    const specs = specsOf(plans);
    const targets = probeTargets(plans, specs, 8000);
    const largest = specs.reduce((a, b) => (deriveArchitecture(b).total > deriveArchitecture(a).total ? b : a));
    // The rule this replaces timed the largest model only, which is the MLP.
    expect(largest.layers.some((layer) => layer.type === "conv2d")).toBe(false);
    expect(targets.map((t) => t.spec.layers.some((layer) => layer.type === "conv2d"))).toEqual([true, false]);
    const { epochs, batchSize } = cnnVsMlpExperiment.settings.defaults;
    expect(targets.map((t) => t.runSteps)).toEqual([epochs * Math.ceil(8000 / batchSize), epochs * Math.ceil(8000 / batchSize)]);
  });

  it("times nothing that is fitted in closed form, and a shared model once with the steps of all its plans", () => {
    const methods = dlVsMethodsExperiment.models(dlVsMethodsExperiment.settings.defaults);
    const { epochs } = dlVsMethodsExperiment.settings.defaults;
    expect(probeTargets(methods, specsOf(methods), 175).map((t) => [t.spec.layers.length, t.runSteps])).toEqual([[3, epochs * 6]]);
    const twice = [...methods.slice(2), ...methods.slice(2)];
    expect(probeTargets(twice, specsOf(twice), 175).map((t) => t.runSteps)).toEqual([2 * epochs * 6]);
    const activation = activationExperiment.models(activationExperiment.settings.defaults);
    expect(probeTargets(activation, specsOf(activation), 100).length).toBe(new Set(activation.map((p) => JSON.stringify(p.spec))).size);
  });
});

describe("how the probe's timings rank backends", () => {
  // Made-up figures: the CPU backend quick on the MLP's matrix products and slow on the CNN's convolutions, WebGL the reverse.
  const cpu = [
    { runSteps: 250, msPerStep: 10 }, // CNN
    { runSteps: 250, msPerStep: 2 }, // MLP
  ];
  const webgl = [
    { runSteps: 250, msPerStep: 4 },
    { runSteps: 250, msPerStep: 3 },
  ];

  it("weights each model's time per step by the steps it takes (two derivations: the mean and the total over steps)", () => {
    expect(runMsPerStep(cpu)).toBe(6);
    expect(runMsPerStep([{ runSteps: 100, msPerStep: 10 }, { runSteps: 300, msPerStep: 2 }])).toBe((100 * 10 + 300 * 2) / 400);
    expect(runMsPerStep([])).toBe(Infinity);
  });

  it("picks the backend that finishes the whole run first, where the largest model alone would pick the other", () => {
    const byLargest = fastestProbe([
      { backend: "cpu", msPerStep: cpu[1]?.msPerStep ?? NaN },
      { backend: "webgl", msPerStep: webgl[1]?.msPerStep ?? NaN },
    ]);
    expect(byLargest?.backend).toBe("cpu");
    const byRun = fastestProbe([
      { backend: "cpu", msPerStep: runMsPerStep(cpu) },
      { backend: "webgl", msPerStep: runMsPerStep(webgl) },
    ]);
    expect(byRun).toEqual({ backend: "webgl", msPerStep: 3.5 });
  });
});
