import "server-only";
import { summarizeClass, type ClassSummary, type Tally } from "@/lib/analytics/class-summary";
import { reportedProblem, type ReportedProblem } from "@/lib/analytics/reported-problems";
import type { Bilingual } from "@/lib/questions";
import { msg } from "@/lib/i18n/message";
import { forbidden } from "@/lib/server-shared/errors";
import { requireOwnedClass } from "../classes/classes";
import type { Viewer } from "../accounts/users";
import {
  answeredCardInfo,
  cardsStudied,
  classCards,
  classMembers,
  classScope,
  examAttempts,
  ownedClassRefs,
  problemReports,
  reviewAttempts,
} from "./analytics-queries";

export type { ConceptAnalytics, StudentProgress, TemplateAnalytics } from "@/lib/analytics/class-summary";
export type { ReportedProblem } from "@/lib/analytics/reported-problems";
export { MAX_ATTEMPTS } from "./analytics-queries";

/**
 * `/author/analytics`: where a class struggles, per concept and per template, from its students'
 * answers on the decks assigned to the class — reviews (undo copies counted once) and submitted
 * mock exams. An instructor sees only classes they own (requireOwnedClass: another instructor's
 * class is a 404), and only what members did on that class's decks.
 *
 * The reads are analytics-queries.ts, each a bounded or per-member-and-card read; what the page
 * shows of them is the pure summary (lib/analytics/class-summary.ts), one pass over the attempts.
 */

export const ANALYTICS_WINDOW_DAYS = 180;
const DAY_MS = 86_400_000;

export interface AnalyticsClassRef {
  id: string;
  name: string;
  memberCount: number;
}

export interface ClassAnalytics extends Omit<ClassSummary, "totals"> {
  classes: AnalyticsClassRef[];
  /** The class shown, or null when the instructor has none yet. */
  selected: (AnalyticsClassRef & { decks: { id: string; title: Bilingual }[] }) | null;
  windowDays: number;
  totals: Tally & { truncated: boolean };
  reports: ReportedProblem[];
}

export async function classAnalytics(viewer: Viewer, options: { classId?: string; now?: Date } = {}): Promise<ClassAnalytics> {
  if (viewer.role !== "instructor") throw forbidden(msg("auth.instructorsOnly"));
  const now = options.now ?? new Date();
  const classes = await ownedClassRefs(viewer);
  // An explicit class must be the instructor's own (404 otherwise); by default, the newest one.
  const classId = options.classId ?? classes[0]?.id;
  const empty = (selected: ClassAnalytics["selected"] = null): ClassAnalytics => ({
    classes,
    selected,
    windowDays: ANALYTICS_WINDOW_DAYS,
    totals: { attempts: 0, scored: 0, correct: 0, rate: null, truncated: false },
    concepts: [],
    templates: [],
    reports: [],
    students: [],
  });
  if (!classId) return empty();
  await requireOwnedClass(viewer, classId);

  const scope = await classScope(classId, viewer.id);
  const selected = { ...classes.find((c) => c.id === classId)!, decks: scope.decks };
  const deckIds = scope.decks.map((d) => d.id);
  const summaryOf = (parts: Partial<Parameters<typeof summarizeClass>[0]>) =>
    summarizeClass({ now, attempts: [], exams: [], members: scope.members, cards: new Map(), conceptNames: scope.conceptNames, cardsStudied: new Map(), ...parts });
  if (scope.members.length === 0 || deckIds.length === 0) return { ...empty(selected), students: summaryOf({}).students };

  // Each student's data starts when they joined the class (and within the window): what they did
  // before is not the class's work (docs/architecture.md "Access and exams").
  const windowStart = now.getTime() - ANALYTICS_WINDOW_DAYS * DAY_MS;
  const members = classMembers(scope.members.map((m) => ({ userId: m.userId, since: new Date(Math.max(windowStart, m.joinedAt.getTime())) })));
  const [fromReviews, fromExams, reportRows, studied, cards] = await Promise.all([
    reviewAttempts(members, deckIds),
    examAttempts(members, deckIds),
    problemReports(members, deckIds),
    cardsStudied(members, deckIds),
    classCards(deckIds),
  ]);
  const attempts = [...fromReviews.attempts, ...fromExams.attempts];
  const summary = summaryOf({ attempts, exams: fromExams.exams, cards: answeredCardInfo(cards, attempts.map((a) => a.cardId)), cardsStudied: studied });
  const nameOf = new Map(scope.members.map((m) => [m.userId, m.name]));
  return {
    ...empty(selected),
    ...summary,
    totals: { ...summary.totals, truncated: fromReviews.truncated || fromExams.truncated },
    reports: reportRows.map((row) => reportedProblem(row, cards.get(row.cardId), nameOf.get(row.userId) ?? "")),
  };
}
