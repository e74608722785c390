import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { toCurrentUser, type CurrentUser, type Role } from "../users";

/**
 * Users and deck files for the authoring tests (real SQLite, tests/unit/database-global-setup.ts).
 * Ids are unique per call so that test files running side by side never meet.
 */

export async function makeUser(role: Role, name: string = role): Promise<CurrentUser> {
  const row = await db.user.create({
    data: { email: `${role}-${randomUUID().slice(0, 12)}@example.com`, name, passwordHash: "x", role },
    select: { id: true, email: true, name: true, role: true, locale: true, timezone: true },
  });
  return toCurrentUser(row);
}

export function uniqueDeckId(prefix = "authoring"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export const deckHeaderText = (id: string, title = "Authoring test") => `# header
id: ${id}
title: {ko: 저작 시험, en: "${title}"}
concepts:
  - {id: counting, ko: 모수 세기, en: Counting parameters}
  - {id: facts, ko: 사실, en: Facts}
`;

/** A template file; `formula` and `solution` can be broken on purpose. */
export function templateText(itemId: string, options: { formula?: string; solutionEn?: string; pRange?: string } = {}): string {
  return `templates:
  - id: ${itemId}
    concept: counting
    title: {ko: 단일층 모수, en: Single-layer parameters}
    params: {p: ${options.pRange ?? "2..20"}, K: 2..30}
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
      ko: "은닉층과 출력층의 가중치와 편향을 모두 셉니다. {{@work}}"
      en: "${options.solutionEn ?? "Count the weights and biases of both layers. {{@work}}"}"
    mistakes:
      - formula: p*K + K
        feedback: {ko: 편향을 빠뜨렸습니다., en: You left out the biases.}
`;
}

export const cardsText = (prefix: string) => `cards:
  - id: ${prefix}-relu
    type: tf
    concept: facts
    statement: {ko: ReLU는 선형 함수이다., en: ReLU is a linear function.}
    answer: false
    explanation: {ko: 구간별 선형이지만 선형은 아닙니다., en: "Piecewise linear but not linear."}
`;
