import { describe, expect, it } from "vitest";
import { formatDeckError } from "./deck-schema";
import { parseDeck, type DeckFileText } from "./parse-deck";

const DECK = `id: demo
title:
  ko: 데모
  en: Demo
concepts:
  - id: parameter-count
    ko: 모수의 수
    en: Counting parameters
`;

const GOOD_TEMPLATE = `templates:
  - id: single-layer
    concept: parameter-count
    title:
      ko: 단일층
      en: Single layer
    params:
      p: 2..20
      K: 2..30
    prompt:
      ko: 입력 {{p}}개, 은닉 {{K}}개
      en: "{{p}} inputs, {{K}} hidden units"
    answer:
      architecture:
        input: [=p]
        layers:
          - {type: dense, units: =K}
          - {type: dense, units: 1}
      ask: total
      formula: (p+1)*K + (K+1)
    solution:
      ko: 풀이
      en: Solution
`;

function files(items: string, name = "items.yaml"): DeckFileText[] {
  return [
    { path: "decks/demo/deck.yaml", text: DECK },
    { path: `decks/demo/${name}`, text: items },
  ];
}

/** The reported errors as "file:line: message" lines. */
function errorsOf(items: string): string[] {
  const result = parseDeck(files(items));
  return result.ok ? [] : result.errors.map(formatDeckError);
}

/** Replaces the first occurrence of `from` in the good template, returning the text and that line. */
function broken(from: string, to: string): { text: string; line: number } {
  const index = GOOD_TEMPLATE.indexOf(from);
  if (index < 0) throw new Error(`"${from}" is not in the template`);
  return { text: GOOD_TEMPLATE.replace(from, to), line: GOOD_TEMPLATE.slice(0, index).split("\n").length };
}

describe("parseDeck", () => {
  it("accepts a good deck", () => {
    const result = parseDeck(files(GOOD_TEMPLATE));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.deck.templates.map((t) => t.id)).toEqual(["single-layer"]);
      expect(result.deck.locations["single-layer"]).toEqual({ file: "decks/demo/items.yaml", line: 2 });
    }
  });

  it.each<[string, string, string, RegExp]>([
    ["YAML syntax (a colon inside a plain text)", "ko: 풀이", "ko: 풀이: 답은 31", /YAML: .*must be quoted/],
    ["an unknown field", "    concept: parameter-count", "    concept: parameter-count\n    difficulty: 3", /unknown field "difficulty"/],
    ["a misspelled parameter form", "p: 2..20", "p: {min: 2, maxx: 20}", /params\.p: unknown field "maxx"/],
    ["a bad range", "K: 2..30", "K: two to thirty", /params\.K: a parameter written as text/],
    ["an unknown concept", "concept: parameter-count", "concept: dropout", /unknown concept "dropout"/],
    ["an unknown ask", "ask: total", "ask: everything", /ask is one of/],
    ["a formula with a syntax error", "formula: (p+1)*K + (K+1)", "formula: (p+1)*K +", /unexpected end of expression/],
    ["a formula naming an unknown parameter", "formula: (p+1)*K + (K+1)", "formula: (q+1)*K + (K+1)", /uses "q", which is not a parameter/],
    ["a wrong closed form", "formula: (p+1)*K + (K+1)", "formula: p*K + K + 1", /the formula p\*K \+ K \+ 1 gives/],
    ["a placeholder naming an unknown parameter", "en: \"{{p}} inputs, {{K}} hidden units\"", "en: \"{{n}} inputs\"", /uses "n", which is not a parameter/],
    ["an unquoted placeholder", "en: \"{{p}} inputs, {{K}} hidden units\"", "en: {{p}} inputs", /YAML|must be quoted/],
    ["a text that is not bilingual", "      en: Solution\n", "", /"en" is missing/],
    ["an intended flat case naming an unknown parameter", "    prompt:", "    intendedFlat: {when: q < 0, maxShare: 0.3}\n    prompt:", /intendedFlat\.when.*uses "q", which is not a parameter/],
    ["an intended flat share above 1", "    prompt:", "    intendedFlat: {when: p < 3, maxShare: 2}\n    prompt:", /intendedFlat\.maxShare/],
  ])("points at the line of %s", (_, from, to, message) => {
    const { text, line } = broken(from, to);
    const errors = errorsOf(text);
    const found = errors.find((error) => message.test(error));
    expect(found, errors.join("\n")).toBeDefined();
    const reported = Number(/^decks\/demo\/items\.yaml:(\d+):/.exec(found ?? "")?.[1]);
    // The reported line is the field's own line or (for a missing field) its parent's, a line or two above.
    expect(reported).toBeGreaterThanOrEqual(line - 2);
    expect(reported).toBeLessThanOrEqual(line + 1);
  });

  it.each<[string, string, RegExp]>([
    ["of another answer's calculator", "flipped-filter", /mistakes\[0\]\.misconception: flipped-filter is a slip in conv2d answers; this template's answer is architecture/],
    ["with an unknown name", "flipped", /mistakes\[0\]\.misconception: misconception is one of: flipped-filter, average-pool, overlapping-pool/],
  ])("points at the line of a misconception %s", (_, name, message) => {
    const text = `${GOOD_TEMPLATE}    mistakes:\n      - misconception: ${name}\n        feedback: {ko: 뒤집기, en: flipped}\n`;
    // The template ends with a newline: "mistakes:" is its last line + 1, the misconception the next.
    const line = GOOD_TEMPLATE.split("\n").length + 1;
    const errors = errorsOf(text);
    expect(errors.some((error) => error.startsWith(`decks/demo/items.yaml:${line}: `) && message.test(error)), errors.join("\n")).toBe(true);
  });

  it("reports every problem at once, with the item's id", () => {
    const text = GOOD_TEMPLATE.replace("ask: total", "ask: everything").replace("K: 2..30", "K: two to thirty");
    const errors = errorsOf(text);
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e.includes("templates[0] (single-layer)"))).toBe(true);
  });

  it("finds duplicate ids across files", () => {
    const result = parseDeck([...files(GOOD_TEMPLATE), { path: "decks/demo/more.yaml", text: GOOD_TEMPLATE }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map(formatDeckError)).toEqual([`decks/demo/more.yaml:2: templates[0] (single-layer).id: id "single-layer" is already used at decks/demo/items.yaml:2`]);
  });

  it("checks cards: one blank per cloze, one correct option", () => {
    const cards = `cards:
  - id: blank
    concept: parameter-count
    type: cloze
    text:
      ko: 모수는 31개
      en: It has [[31]] parameters
    explanation: {ko: 설명, en: Explanation}
  - id: choice
    concept: parameter-count
    type: mc
    prompt: {ko: 질문, en: Question}
    options:
      - {ko: 가, en: a, correct: true}
      - {ko: 나, en: b, correct: true}
    explanation: {ko: 설명, en: Explanation}
`;
    expect(errorsOf(cards)).toEqual([
      "decks/demo/items.yaml:6: cards[0] (blank).text.ko: a cloze text marks exactly one [[blank]]; found 0",
      "decks/demo/items.yaml:13: cards[1] (choice).options: exactly one option must be marked correct: true; found 2",
    ]);
  });

  it("reports a missing deck.yaml and a bad header", () => {
    const missing = parseDeck([{ path: "decks/demo/items.yaml", text: GOOD_TEMPLATE }]);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(formatDeckError(missing.errors[0]!)).toMatch(/^decks\/demo\/deck\.yaml:1: missing deck\.yaml/);
    const header = parseDeck([{ path: "decks/demo/deck.yaml", text: DECK.replace("  en: Demo\n", "") }]);
    expect(header.ok).toBe(false);
    if (!header.ok) expect(formatDeckError(header.errors[0]!)).toBe('decks/demo/deck.yaml:2: title: "en" is missing (expected text)');
  });
});

/** A "billion laughs" file: nine anchors, each listing the previous one nine times (9⁹ strings). */
function aliasBomb(prefix: string): string {
  const lines = [`${prefix}a0: &a0 ["lol"]`];
  for (let i = 1; i < 9; i += 1) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
  return `${lines.join("\n")}\n`;
}

describe("parseDeck on hostile YAML", () => {
  it("an alias bomb in a cards file is a file:line error at the first alias, not a throw", () => {
    const errors = errorsOf(`cards: []\n${aliasBomb("")}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^decks\/demo\/items\.yaml:3: YAML: aliases \(\*name\) expand more than 100 times/);
  });

  it("an alias bomb in deck.yaml is reported the same way", () => {
    const result = parseDeck([{ path: "decks/demo/deck.yaml", text: `${DECK}${aliasBomb("")}` }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map(formatDeckError)).toContainEqual(expect.stringMatching(/^decks\/demo\/deck\.yaml:\d+: YAML: aliases/));
  });

  it("a few aliases are still fine", () => {
    const withAlias = GOOD_TEMPLATE.replace("    solution:\n      ko: 풀이\n      en: Solution\n", "    solution: &same\n      ko: 풀이\n      en: Solution\n");
    expect(errorsOf(`${withAlias}  - id: second\n    concept: parameter-count\n    title: {ko: 둘, en: Two}\n    params: {p: 2..20, K: 2..30}\n    prompt: {ko: "{{p}} {{K}}", en: "{{p}} {{K}}"}\n    answer: {architecture: {input: [=p], layers: [{type: dense, units: =K}]}, ask: total, formula: (p+1)*K}\n    solution: *same\n`)).toEqual([]);
  });
});
