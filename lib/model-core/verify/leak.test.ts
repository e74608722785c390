import * as tf from "@tensorflow/tfjs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ISLP_ARCHITECTURES } from "../islp-architectures";
import { validSpecArbitrary } from "../testing/spec-arbitraries";
import { validateSpec } from "../validate-spec";
import { paramsReportFor } from "./params-report";
import { quietTfjs } from "./quiet-tfjs";

quietTfjs();

describe("verification leaks no tensors", () => {
  it("tf.memory() is the same before and after 1,000 verifications", () => {
    const random = fc.sample(validSpecArbitrary(), { numRuns: 40, seed: 20_240_310 }).map((generated) => generated.spec);
    const specs: unknown[] = [...ISLP_ARCHITECTURES.map((architecture) => architecture.spec), ...random];
    for (const spec of specs) expect(validateSpec(spec).ok).toBe(true);
    paramsReportFor(specs[0]); // tfjs initialises its backend on first use; measure from there.

    const before = tf.memory();
    for (let i = 0; i < 1_000; i++) paramsReportFor(specs[i % specs.length]);
    const after = tf.memory();

    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numDataBuffers).toBe(before.numDataBuffers);
    expect(after.numBytes).toBe(before.numBytes);
  });
});
