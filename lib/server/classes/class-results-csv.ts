import "server-only";
import { classAnalytics } from "../analytics/analytics";
import type { Viewer } from "../accounts/users";
import { downloadCsv } from "../platform/csv";

/**
 * A class's results as one CSV (the figures of the analytics page, for a spreadsheet): a row per
 * member (overall accuracy, activity, exams) and a row per concept (the class's accuracy on it).
 * Names and e-mails are students' own text, so every cell goes through formula escaping
 * (csv.ts). Only the class's owner gets it: classAnalytics checks that.
 */

const COLUMNS = ["row", "name", "email", "joinedAt", "deckId", "concept", "attempts", "scored", "correct", "accuracy", "students", "lastActive", "exams", "lastExamScore", "lastExamTotal", "lastExamAt"] as const;

const accuracy = (rate: number | null) => (rate === null ? "" : Math.round(rate * 1000) / 1000);

export async function classResultsCsv(viewer: Viewer, classId: string): Promise<{ csv: string }> {
  const analytics = await classAnalytics(viewer, { classId });
  const members = analytics.students.map((s) => [
    "member", s.name, s.email, s.joinedAt, "", "", s.attempts, s.scored, s.correct, accuracy(s.rate), "", s.lastActive ?? "", s.exams,
    s.lastExam?.score ?? "", s.lastExam?.total ?? "", s.lastExam?.submittedAt ?? "",
  ]);
  const concepts = analytics.concepts.map((c) => [
    "concept", c.name?.en ?? c.concept, "", "", c.deckId, c.concept, c.attempts, c.scored, c.correct, accuracy(c.rate), c.students, "", "", "", "", "",
  ]);
  return { csv: downloadCsv(COLUMNS, [...members, ...concepts]) };
}
