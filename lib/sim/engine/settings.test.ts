import { describe, expect, it } from "vitest";
import { activationExperiment } from "../experiments/activation";

const { settings } = activationExperiment;

describe("experiment settings from URL parameters", () => {
  it("fills every missing parameter with its default", () => {
    expect(settings.parse(new URLSearchParams(""))).toEqual({ ok: true, settings: settings.defaults });
  });

  it("reads numbers and choices from strings, ignoring parameters it does not know", () => {
    const parsed = settings.parse(new URLSearchParams("epochs=40&learningRate=0.003&optimizer=sgd&seed=42&utm=x"));
    expect(parsed).toEqual({ ok: true, settings: { ...settings.defaults, epochs: 40, learningRate: 0.003, optimizer: "sgd", seed: 42 } });
  });

  it.each([
    ["epochs=0", "epochs", "epochs must be a whole number from 1 to 1000; got 0", "1부터 1000 사이의 정수"],
    ["epochs=2.5", "epochs", "epochs must be a whole number from 1 to 1000; got 2.5", "(입력: 2.5)"],
    ["epochs=abc", "epochs", 'epochs must be a whole number from 1 to 1000; got "abc"', '(입력: "abc")'],
    ["epochs=1e9", "epochs", "epochs must be a whole number from 1 to 1000; got 1000000000", "epochs 값은"],
    ["learningRate=-1", "learningRate", "learningRate must be a number from 0.0001 to 1; got -1", "0.0001부터 1 사이의 수"],
    ["learningRate=NaN", "learningRate", 'learningRate must be a number from 0.0001 to 1; got "NaN"', "learningRate 값은"],
    ["optimizer=lbfgs", "optimizer", 'optimizer must be one of adam, sgd, rmsprop; got "lbfgs"', "중 하나여야"],
    ["seed=-3", "seed", "seed must be a whole number from 0 to 2147483647; got -3", "seed 값은"],
  ])("%s is rejected with a message naming the field and the range", (query, field, english, korean) => {
    const parsed = settings.parse(new URLSearchParams(query));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.field).toBe(field);
    expect(parsed.errors[0]?.message.en).toBe(english);
    expect(parsed.errors[0]?.message.ko).toContain(korean);
  });

  it("reports every bad field at once", () => {
    const parsed = settings.parse({ epochs: -1, samples: 5, noise: "loud" });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(["epochs", "samples", "noise"]);
  });

  it("round-trips through the URL, so a link reproduces the run", () => {
    const chosen = { ...settings.defaults, epochs: 12, noise: 0.25, seed: 99, optimizer: "rmsprop" as const };
    const query = settings.toSearchParams(chosen).toString();
    expect(query).toContain("seed=99");
    expect(settings.parse(new URLSearchParams(query))).toEqual({ ok: true, settings: chosen });
  });

  it("describes its fields for sliders", () => {
    expect(settings.fields.epochs.meta).toMatchObject({ kind: "integer", min: 1, max: 1000, default: 100, label: { en: "Epochs", ko: "에폭" } });
    expect(settings.fields.learningRate.meta).toMatchObject({ kind: "number", scale: "log" });
    expect(settings.fields.optimizer.meta).toMatchObject({ kind: "choice", options: ["adam", "sgd", "rmsprop"] });
  });
});
