import "server-only";
import { randomUUID } from "node:crypto";
import { parseDeck, type Deck } from "@/lib/content";
import { db } from "../platform/db";
import { syncContentDecks } from "../decks/deck-store";
import type { Viewer } from "../accounts/users";
import { singleLayerTemplateYaml } from "./review-fixtures";

/**
 * Users and decks for the class, exam and analytics tests (real SQLite). Ids are unique per call,
 * so test files running side by side never see each other's rows.
 */

export async function makeUser(role: "student" | "instructor" = "student", name = role === "student" ? "Student" : "Instructor"): Promise<Viewer & { name: string; email: string }> {
  const email = `${role}-${randomUUID().slice(0, 12)}@example.com`;
  const user = await db.user.create({ data: { email, name, passwordHash: "x", role }, select: { id: true } });
  return { id: user.id, role, name, email };
}

const tfCard = (id: string, concept: string, answer: boolean) => `
  - id: ${id}
    type: tf
    concept: ${concept}
    statement: {ko: "${id} 문장", en: "Statement ${id}"}
    answer: ${answer}
    explanation: {ko: "${id} 설명", en: "Explanation of ${id}"}`;

const template = singleLayerTemplateYaml("dense-params");

/**
 * A deck of true/false cards over three concepts ("alpha", "beta", "gamma", `perConcept` each),
 * optionally with a parametric template (concept "counting") and a self-graded card (never in exams).
 */
export function examDeck(options: { perConcept?: number; withTemplate?: boolean; id?: string } = {}): Deck {
  const id = options.id ?? `x-${randomUUID().slice(0, 8)}`;
  const n = options.perConcept ?? 4;
  const cards = ["alpha", "beta", "gamma"].flatMap((concept) => Array.from({ length: n }, (_, i) => tfCard(`${concept}-${i}`, concept, i % 2 === 0)));
  const files = [
    {
      path: `${id}/deck.yaml`,
      text: `
id: ${id}
title: {ko: 시험 덱, en: "Exam deck ${id}"}
concepts:
  - {id: alpha, ko: 알파, en: Alpha}
  - {id: beta, ko: 베타, en: Beta}
  - {id: gamma, ko: 감마, en: Gamma}
  - {id: counting, ko: 모수 세기, en: Counting parameters}
`,
    },
    {
      path: `${id}/cards.yaml`,
      text: `cards:${cards.join("")}
  - id: self-graded
    type: qa
    concept: alpha
    prompt: {ko: ReLU란?, en: What is ReLU?}
    answer: {ko: "max(0, z)", en: "max(0, z)"}
    explanation: {ko: 음수를 0으로., en: Negatives become zero.}
`,
    },
  ];
  if (options.withTemplate) files.push({ path: `${id}/templates.yaml`, text: template });
  const parsed = parseDeck(files);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  return parsed.deck;
}

/** Loads decks as content decks, then makes `privateTo` (if given) their owner with the deck private. */
export async function loadDecks(decks: readonly Deck[], privateTo?: string): Promise<void> {
  await syncContentDecks(decks, { retireMissingDecks: false });
  if (privateTo) {
    await db.deck.updateMany({ where: { id: { in: decks.map((d) => d.id) } }, data: { isPublic: false, ownerId: privateTo, source: "app" } });
  }
}
