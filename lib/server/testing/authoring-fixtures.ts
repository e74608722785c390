import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../platform/db";
import { toCurrentUser, type CurrentUser, type Role } from "../accounts/users";
import { singleLayerTemplateYaml } from "./review-fixtures";

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

/** A template file starting at its first line; `formula` and `solution` can be broken on purpose. */
export function templateText(itemId: string, options: { formula?: string; solutionEn?: string; pRange?: string } = {}): string {
  return singleLayerTemplateYaml(itemId, { params: `{p: ${options.pRange ?? "2..20"}, K: 2..30}`, formula: options.formula, solutionEn: options.solutionEn }).trimStart();
}

export const cardsText = (prefix: string) => `cards:
  - id: ${prefix}-relu
    type: tf
    concept: facts
    statement: {ko: ReLU는 선형 함수이다., en: ReLU is a linear function.}
    answer: false
    explanation: {ko: 구간별 선형이지만 선형은 아닙니다., en: "Piecewise linear but not linear."}
`;
