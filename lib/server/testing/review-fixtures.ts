import "server-only";
import { randomUUID } from "node:crypto";
import { parseDeck, type Deck } from "@/lib/content";
import { db } from "../platform/db";

/**
 * A small deck and users for the data-layer tests (real SQLite, see tests/unit/database-global-setup.ts).
 * Deck ids are unique per call, so test files running side by side never see each other's cards.
 */

const deckYaml = (id: string, title = "Test deck") => `
id: ${id}
title: {ko: 시험 덱, en: "${title}"}
concepts:
  - {id: counting, ko: 모수 세기, en: Counting parameters}
  - {id: facts, ko: 사실, en: Facts}
`;

/**
 * One parametric template (single-layer parameter count, concept "counting"), shared by the fixtures.
 * `params` replaces the ranges; `extraFields` adds fields to the template (YAML indented four spaces);
 * `formula` and `solutionEn` can be broken on purpose.
 */
export const singleLayerTemplateYaml = (id: string, options: { params?: string; extraFields?: string; formula?: string; solutionEn?: string } = {}) => `
templates:
  - id: ${id}
    concept: counting
    title: {ko: 단일층 모수, en: Single-layer parameters}
    params: ${options.params ?? "{p: 2..20, K: 2..30}"}
    prompt:
      ko: "입력 {{p}}개, 은닉 유닛 {{K}}개, 출력 1개인 신경망의 모수는 몇 개입니까?"
      en: "A network has {{p}} inputs, {{K}} hidden units and one output. How many parameters?"
    answer:
      architecture:
        input: [=p]
        layers:
          - {type: dense, units: =K, activation: relu}
          - {type: dense, units: 1}
      ask: total
      formula: ${options.formula ?? "(p+1)*K + (K+1)*1"}
    solution:
      ko: "은닉층과 출력층의 가중치와 편향을 셉니다. {{@work}}"
      en: "${options.solutionEn ?? "Count the weights and biases of both layers. {{@work}}"}"
    mistakes:
      - formula: p*K + K
        feedback: {ko: 편향을 빠뜨렸습니다., en: You left out the biases.}
${options.extraFields ?? ""}`;

const templatesYaml = singleLayerTemplateYaml("single-params");

const cardsYaml = (extra: string) => `
cards:
  - id: what-is-relu
    type: qa
    concept: facts
    prompt: {ko: ReLU란 무엇입니까?, en: What is ReLU?}
    answer: {ko: "max(0, z)", en: "max(0, z)"}
    explanation: {ko: 음수를 0으로 자릅니다., en: It cuts negatives to zero.}
  - id: relu-linear
    type: tf
    concept: facts
    statement: {ko: ReLU는 선형 함수이다., en: ReLU is a linear function.}
    answer: false
    explanation: {ko: 구간별 선형이지만 선형은 아닙니다., en: "Piecewise linear but not linear."}
${extra}`;

export const EXTRA_CARD = `
  - id: mnist-inputs
    type: qa
    concept: facts
    prompt: {ko: MNIST 입력의 수는?, en: How many inputs does MNIST have?}
    answer: {ko: "784", en: "784"}
    accept: [784]
    explanation: {ko: 28×28 = 784, en: 28×28 = 784}
`;

export function testDeck(options: { id?: string; extraCards?: string; title?: string; withTemplate?: boolean } = {}): Deck {
  const id = options.id ?? `t-${randomUUID().slice(0, 8)}`;
  const files = [
    { path: `${id}/deck.yaml`, text: deckYaml(id, options.title) },
    { path: `${id}/cards.yaml`, text: cardsYaml(options.extraCards ?? "") },
  ];
  if (options.withTemplate ?? true) files.push({ path: `${id}/templates.yaml`, text: templatesYaml });
  const parsed = parseDeck(files);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  return parsed.deck;
}

export async function testUser(timezone = "UTC"): Promise<string> {
  const user = await db.user.create({
    data: { email: `review-${randomUUID().slice(0, 12)}@example.com`, name: "Tester", passwordHash: "x", timezone },
    select: { id: true },
  });
  return user.id;
}
