import { describe, expect, it } from "vitest";
import { makeVariant, type Template } from "../questions";
import { TEMPLATE_LIMITS } from "../questions/template-limits";
import { formatDeckError } from "./deck-schema";
import { parseDeck } from "./parse-deck";

/**
 * Every size a template can state is capped (lib/questions/template-limits.ts): a literal value
 * above a limit fails at parse time with `file:line: templates[i] (id).field: … the limit is …`,
 * and a value computed from parameters fails when a variant is made, naming the limit. On the old
 * code a 100×100 literal image with a 50×50 filter parsed and stalled the server for seconds.
 */

const DECK = `id: limits
title: {ko: 한도, en: Limits}
concepts:
  - {id: cnn, ko: 합성곱, en: Convolution}
`;

const matrixYaml = (rows: number, cols: number) => `[${Array.from({ length: rows }, (_, i) => `[${Array.from({ length: cols }, (_, j) => (i + j) % 3).join(", ")}]`).join(", ")}]`;

/** A template with `answer` (YAML, indented six spaces) and optional params. */
const template = (id: string, answer: string, params = "{a: 1..2}") => `templates:
  - id: ${id}
    concept: cnn
    title: {ko: 한도, en: Limits}
    params: ${params}
    prompt: {ko: "질문 {{a}}", en: "Question {{a}}"}
    answer:
${answer}
    solution: {ko: "풀이 {{@work}}", en: "Solution {{@work}}"}
`;

function errors(text: string): string[] {
  const result = parseDeck([
    { path: "limits/deck.yaml", text: DECK },
    { path: "limits/templates.yaml", text },
  ]);
  return result.ok ? [] : result.errors.map(formatDeckError);
}

function parsed(text: string): Template {
  const result = parseDeck([
    { path: "limits/deck.yaml", text: DECK },
    { path: "limits/templates.yaml", text },
  ]);
  if (!result.ok) throw new Error(result.errors.map(formatDeckError).join("\n"));
  return result.deck.templates[0]!;
}

describe("template size caps at parse time", () => {
  it("refuses a 100×100 literal image and a 50×50 literal filter in a conv2d answer, naming the template, the field and the limit", () => {
    const found = errors(template("big-conv", `      calculator: conv2d\n      image: ${matrixYaml(100, 100)}\n      filter: ${matrixYaml(50, 50)}`));
    expect(found).toEqual([
      'limits/templates.yaml:9: templates[0] (big-conv).answer.image: the matrix is 10,000 cells; the limit is 400 (template limit "matrixCells")',
      'limits/templates.yaml:10: templates[0] (big-conv).answer.filter: the matrix is 2,500 cells; the limit is 400 (template limit "matrixCells")',
    ]);
  });

  it("refuses every other stated size above its limit", () => {
    const cases: [string, string, string][] = [
      ["output-size input", `      calculator: output-size\n      layer: conv\n      input: 100000\n      kernel: 3`, "input is 100,000 pixels; the limit is 256"],
      ["output-size kernel", `      calculator: output-size\n      layer: conv\n      input: 32\n      kernel: 31`, "kernel is 31 pixels; the limit is 16"],
      ["dropout units", `      calculator: dropout\n      units: 10000000\n      rate: 0.5\n      part: active`, "units is 10,000,000 units; the limit is 10,000"],
      ["steps rows", `      calculator: steps-per-epoch\n      n: 1000000000\n      batch: 32`, "n is 1,000,000,000 rows; the limit is 1,000,000"],
      ["pool size", `      calculator: max-pool\n      image: [[1, 2], [3, 4]]\n      size: 64`, "size is 64 pixels; the limit is 16"],
      ["ragged matrix", `      calculator: max-pool\n      image: [[1, 2], [3]]`, "every row of a matrix has the same number of columns"],
    ];
    for (const [name, answer, message] of cases) {
      const found = errors(template("capped", answer));
      expect(found, name).toHaveLength(1);
      expect(found[0], name).toContain("templates[0] (capped).answer.");
      expect(found[0], name).toContain(message);
    }
    const drawn = errors(template("drawn", `      calculator: max-pool\n      image: X`, "{X: {matrix: [100, 100], values: 0..3}}"));
    expect(drawn[0]).toContain('templates[0] (drawn).params.X');
    expect(drawn[0]).toContain('the limit is 400 (template limit "matrixCells")');
    const manyParams = `{${Array.from({ length: TEMPLATE_LIMITS.params + 1 }, (_, i) => `p${i}: 1..2`).join(", ")}, a: 1..2}`;
    expect(errors(template("many", `      calculator: dropout\n      units: 10\n      rate: 0.5\n      part: active`, manyParams))[0]).toContain(`the limit is ${TEMPLATE_LIMITS.params} (template limit "params")`);
  });

  it("accepts the largest sizes the limits allow", () => {
    expect(errors(template("largest", `      calculator: conv2d\n      image: ${matrixYaml(20, 20)}\n      filter: ${matrixYaml(20, 20)}`))).toEqual([]);
  });
});

describe("template size caps on values computed from parameters", () => {
  it("refuses them when the deck is read (its first variant is made then), naming the template and the limit", () => {
    const dropout = errors(template("formula-units", `      calculator: dropout\n      units: =u\n      rate: 0.5\n      part: active`, "{a: 1..2, u: 50000..60000}"));
    expect(dropout).toHaveLength(1);
    expect(dropout[0]).toMatch(/templates\[0\] \(formula-units\).*units is 5\d,\d{3} units; the limit is 10,000 \(template limit "dropoutUnits"\)/);
    const steps = errors(template("formula-steps", `      calculator: steps-per-epoch\n      n: =n\n      batch: 1`, "{a: 1..2, n: 100000..200000}"));
    expect(steps[0]).toMatch(/templates\[0\] \(formula-steps\).*the limit is 2,000 \(template limit "fitSteps"\)/);
    const network = errors(template("huge-network", `      architecture:\n        input: [=p]\n        layers:\n          - {type: dense, units: =p}\n      ask: total`, "{a: 1..2, p: 3000..4000}"));
    expect(network[0]).toMatch(/templates\[0\] \(huge-network\).*the network is [\d,]+ parameters; the limit is 5,000,000 \(template limit "networkParams"\)/);
  });

  it("and when a later variant draws past a limit that the first one stayed within", () => {
    // p = 1000 stays within the network limit (1,001,000 parameters); p = 3000 does not. The deck
    // is read with p = 1000 only; the stored template (plain data) is then given both values.
    const read = parsed(template("sometimes-huge", `      architecture:\n        input: [=p]\n        layers:\n          - {type: dense, units: =p}\n      ask: total`, "{a: 1..2, p: [1000]}"));
    const network: Template = { ...read, params: { ...read.params, p: [1000, 3000] } };
    const outcomes = Array.from({ length: 40 }, (_, seed) => {
      try {
        makeVariant(network, seed);
        return "ok";
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(outcomes).toContain("ok");
    expect(outcomes.find((outcome) => outcome !== "ok")).toMatch(/the network is 9,003,000 parameters; the limit is 5,000,000 \(template limit "networkParams"\)/);
  });
});
