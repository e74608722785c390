import "server-only";
import { db } from "../platform/db";
import { downloadCsv } from "../platform/csv";

/**
 * Everything DeepDrill holds about one person, for them to take away (docs/architecture.md,
 * "Operations"): the account (never the password hash), deck choices, the scheduling state of each
 * card, every review with its answer, the review history, exams with their answers, class
 * memberships and problem reports. Callers pass the signed-in user's own id and nothing else.
 */
export async function exportAccountData(userId: string) {
  const [account, decks, cardStates, reviews, reviewLog, exams, classes, problemReports] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, name: true, role: true, locale: true, timezone: true, newCardsPerDeck: true, reviewsPerDay: true, createdAt: true, updatedAt: true },
    }),
    db.userDeck.findMany({ where: { userId }, select: { deckId: true, deckVersion: true, updatedAt: true } }),
    db.cardState.findMany({ where: { userId }, omit: { userId: true } }),
    db.review.findMany({ where: { userId }, omit: { userId: true }, orderBy: { issuedAt: "asc" } }),
    db.reviewLog.findMany({ where: { userId }, omit: { userId: true }, orderBy: { id: "asc" } }),
    db.exam.findMany({ where: { userId }, omit: { userId: true }, include: { questions: { orderBy: { position: "asc" } } }, orderBy: { startedAt: "asc" } }),
    db.classMember.findMany({ where: { userId }, select: { joinedAt: true, class: { select: { id: true, name: true } } } }),
    db.problemReport.findMany({ where: { userId }, omit: { userId: true } }),
  ]);
  return { exportedAt: new Date().toISOString(), account, decks, cardStates, reviews, reviewLog, exams, classes, problemReports };
}

/** JSON with BigInt values (variant seeds) as strings. */
export function exportJson(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value), 2);
}

const REVIEW_HISTORY_COLUMNS = ["reviewedAt", "deckId", "cardId", "concept", "response", "readAs", "status", "grade", "durationMs", "counted"] as const;

/** The review history as CSV, oldest first. */
export async function reviewHistoryCsv(userId: string): Promise<string> {
  const rows = await db.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } });
  return downloadCsv(
    REVIEW_HISTORY_COLUMNS,
    rows.map((row) => [row.createdAt.toISOString(), row.deckId, row.cardId, row.concept, row.response ?? "", row.readAs ?? "", row.status ?? "", row.grade, row.durationMs ?? "", row.counted]),
  );
}
