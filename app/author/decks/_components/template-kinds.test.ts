import { describe, expect, it } from "vitest";
import { parseDeck } from "@/lib/content";
import { testTemplate } from "@/lib/questions/harness/run-harness";
import { quietTfjs } from "@/lib/model-core/tfjs";
import { DEFAULT_VALUES, TEMPLATE_KINDS, templateFileText, type TemplateFormValues } from "./template-kinds";

const HEADER = "id: form-deck\ntitle: {ko: 폼, en: Form}\nconcepts:\n  - {id: counting, ko: 세기, en: Counting}\n";

function parsed(values: TemplateFormValues) {
  const result = parseDeck([
    { path: "deck.yaml", text: HEADER },
    { path: "templates/x.yaml", text: templateFileText(values) },
  ]);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  const template = result.deck.templates[0];
  if (!template) throw new Error("no template");
  return template;
}

const CASES: [string, Partial<TemplateFormValues>][] = [
  ...TEMPLATE_KINDS.map((kind) => [kind, { kind }] as [string, Partial<TemplateFormValues>]),
  ["dense, 3 hidden layers, weights", { kind: "dense-params", hidden: ["8..64 step 8", "4..32 step 4", "2..16"], ask: "weights", outputs: "2..10" }],
  ["dense, biases", { kind: "dense-params", ask: "biases", activation: "tanh" }],
  ["GRU in PyTorch", { kind: "rnn-params", rnnType: "gru", convention: "pytorch" }],
  ["SimpleRNN in Keras", { kind: "rnn-params", rnnType: "simpleRNN" }],
  ["tanh value", { kind: "activation-value", fn: "tanh" }],
  ["ReLU value", { kind: "activation-value", fn: "relu" }],
];

describe("the template form's kinds", () => {
  quietTfjs();
  it.each(CASES)("%s: a valid template that passes the harness", async (_name, patch) => {
    const template = parsed({ ...DEFAULT_VALUES, id: "form-template", concept: "counting", ...patch });
    expect(template.title.en.length).toBeGreaterThan(0);
    const report = await testTemplate(template, 12);
    expect(report.details.filter((detail) => detail.level === "failure")).toEqual([]);
  });
});
