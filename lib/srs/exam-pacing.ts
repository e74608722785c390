/**
 * Pacing new cards to an exam: how many new cards a day so that every card of the covered decks is
 * seen twice (introduced, then reviewed at least once more) before the exam, within the daily load
 * the student set (docs/architecture.md, "Exam-aware scheduling").
 *
 * With D = E − t study days left (today counts, the exam day does not), U cards not yet introduced,
 * R reviews already scheduled before the exam and a daily load cap C:
 *
 * $$L = D - 1 - F, \quad F = \min(W, \lfloor (D - 1)/2 \rfloor), \qquad n = \left\lceil \frac{U}{L} \right\rceil, \qquad
 *   \text{load} = 2n + \left\lceil \frac{R}{D} \right\rceil \le C$$
 *
 * A card introduced on the last day before the exam cannot be seen again in time, hence the − 1;
 * the final pass (the last W days, exam-schedule.ts) is kept free of new cards where there is room
 * (at most half the days), because that is where every card's last review before the exam lands. SM-2 shows a card introduced on day d again on d + 1 (I(1) = 1 day, Wozniak
 * 1987), so a pacing day carries its own n new cards and yesterday's n second looks: 2n, plus its
 * share of the reviews already scheduled. When that exceeds C, the most that fits is
 * $$n_{\max} = \left\lfloor \frac{C - \lceil R/D \rceil}{2} \right\rfloor$$ and only n_max · L
 * cards can be seen twice; which ones is decided by concept weight ({@link prioritiseByConceptWeight}).
 * With one day left (L = 0) nothing can be seen twice; what fits today can be seen once.
 */
import { assertCount } from "./assert-count";
import { FINAL_WINDOW_DAYS } from "./exam-schedule";
import { planningRecall, plannedViewsBeforeExam, type ScheduledGroup } from "./exam-views";

export interface PacingInput {
  /** Today's day number (user's time zone). */
  readonly today: number;
  /** Day number of the exam. */
  readonly examDay: number;
  /** Cards of the covered decks never introduced. */
  readonly unintroduced: number;
  /** Reviews already scheduled from today to the day before the exam. */
  readonly scheduledReviews: number;
  /** Most cards (new + reviews) the student wants to do in a day. */
  readonly dailyLoadCap: number;
}

export type Pace =
  /** The exam is today or over: no pacing. */
  | { readonly kind: "exam-over" }
  /** Every card is already introduced. */
  | { readonly kind: "all-introduced"; readonly daysLeft: number }
  /** All U cards fit: n new a day over L days. */
  | {
      readonly kind: "on-pace";
      readonly daysLeft: number;
      readonly newPerDay: number;
      readonly introductionDays: number;
      readonly expectedDailyLoad: number;
    }
  /** Not all fit: `coverable` cards seen twice at `newPerDay`, `onceOnly` more seen once on the last day. */
  | {
      readonly kind: "too-close";
      readonly daysLeft: number;
      readonly newPerDay: number;
      readonly introductionDays: number;
      readonly coverable: number;
      readonly onceOnly: number;
      readonly uncovered: number;
    };

export function paceToExam(input: PacingInput, finalWindowDays: number = FINAL_WINDOW_DAYS): Pace {
  const { today, examDay, unintroduced, scheduledReviews, dailyLoadCap } = input;
  if (!Number.isSafeInteger(today) || !Number.isSafeInteger(examDay)) throw new RangeError("today and examDay must be integer day numbers");
  assertCount("unintroduced", unintroduced);
  assertCount("scheduledReviews", scheduledReviews);
  assertCount("dailyLoadCap", dailyLoadCap);
  const daysLeft = examDay - today;
  if (daysLeft <= 0) return { kind: "exam-over" };
  if (unintroduced === 0) return { kind: "all-introduced", daysLeft };
  const finalPassDays = Math.min(finalWindowDays, Math.floor((daysLeft - 1) / 2));
  const introductionDays = daysLeft - 1 - finalPassDays;
  const reviewsPerDay = Math.ceil(scheduledReviews / daysLeft);
  const room = Math.max(0, dailyLoadCap - reviewsPerDay);
  const maxNewPerDay = Math.floor(room / 2);
  if (introductionDays > 0) {
    const newPerDay = Math.ceil(unintroduced / introductionDays);
    if (newPerDay <= maxNewPerDay) {
      return { kind: "on-pace", daysLeft, newPerDay, introductionDays, expectedDailyLoad: 2 * newPerDay + reviewsPerDay };
    }
  }
  const coverable = Math.min(unintroduced, maxNewPerDay * introductionDays);
  // The last day before the exam holds only the previous day's second looks; the rest of its room
  // can show cards once.
  const onceOnly = Math.min(unintroduced - coverable, introductionDays === 0 ? room : room - maxNewPerDay);
  return {
    kind: "too-close",
    daysLeft,
    newPerDay: maxNewPerDay,
    introductionDays,
    coverable,
    onceOnly,
    uncovered: unintroduced - coverable - onceOnly,
  };
}

/** A light day's new cards go up to this multiple of the pace n, no further ({@link levelledNewCards}). */
export const LEVELLING_PACE_MULTIPLE = 2;

/**
 * Today's new cards, levelled: the pace's n is the floor; on a day with fewer reviews due than the
 * day's share of the whole plan, more cards are introduced so that the load stays even.
 *
 * $$T = \left\lceil \frac{V}{D} \right\rceil, \qquad
 *   \text{new}_t = \min\bigl(U,\; C - \text{due}_t,\; \max(n,\; \min(2n,\; T - \text{due}_t))\bigr)$$
 *
 * with V the plan's expected views from the start of today to the exam (exam-views.ts: the
 * introduced cards' and the new cards', at the student's own recall) and due_t the reviews due today.
 * Without it the first days hold only new cards and the load climbs towards the exam. The 2n cap
 * keeps the first, empty days from taking a large cohort: every card introduced on day t is due
 * again on t + 1 and (passed) on t + 7, so a cohort of T on day 0 made days 1 and 7 the busiest
 * (bench/exam-schedule.ts: with the cap the worst student's busiest day went from 1.62 to 1.55 × their mean).
 */
export function levelledNewCards(pace: Pace, input: PacingInput, dueToday: number, plannedViews: number): number {
  if (pace.kind !== "on-pace" && pace.kind !== "too-close") return 0;
  assertCount("dueToday", dueToday);
  if (!(plannedViews >= 0)) throw new RangeError(`plannedViews must be ≥ 0, got ${plannedViews}`);
  const target = Math.ceil(plannedViews / pace.daysLeft);
  const room = Math.max(0, input.dailyLoadCap - dueToday);
  return Math.min(input.unintroduced, room, Math.max(pace.newPerDay, Math.min(LEVELLING_PACE_MULTIPLE * pace.newPerDay, target - dueToday)));
}

export interface WeightedCard {
  readonly id: string;
  readonly concept: string;
  /** Authoring order, the tie-break within a concept. */
  readonly position: number;
}

/**
 * The order in which to introduce cards when not all can be seen twice: cards of heavier concepts
 * first (weight = the concept's share of the exam; the server passes its share of the covered
 * cards), then authoring order. Concepts without a weight count as 0.
 */
export function prioritiseByConceptWeight<T extends WeightedCard>(cards: readonly T[], weights: ReadonlyMap<string, number>): T[] {
  return [...cards].sort(
    (a, b) =>
      (weights.get(b.concept) ?? 0) - (weights.get(a.concept) ?? 0) ||
      a.position - b.position ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Concept weights as each concept's share of `cards`: $$w_c = |\{k : \text{concept}(k) = c\}| / |K|$$ */
export function conceptSharesOf(cards: readonly { readonly concept: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const card of cards) counts.set(card.concept, (counts.get(card.concept) ?? 0) + 1);
  return new Map([...counts].map(([concept, count]) => [concept, count / cards.length]));
}

/** What the queue knows about the covered decks at a moment of the day (the server counts these). */
export interface ExamDayCounts {
  readonly today: number;
  readonly examDay: number;
  /** Per covered deck: cards never introduced now, and new cards introduced today. */
  readonly decks: readonly { readonly deckId: string; readonly unintroduced: number; readonly introducedToday: number }[];
  /** Cards introduced, by due day and SM-2 state, due now from today to the day before the exam (covered decks; overdue ones count as due today). */
  readonly scheduled: readonly ScheduledGroup[];
  /** The student's recent counted reviews of the covered decks and how many were passed (grade ≥ 3). */
  readonly recentReviews: { readonly reviews: number; readonly passes: number };
  /** Reviews due now (due day ≤ today) and counted reviews already done today. */
  readonly dueNow: number;
  readonly reviewedToday: number;
  /** The student's daily load cap and own per-deck new-card limit. */
  readonly dailyLoadCap: number;
  readonly ownNewPerDeck: number;
}

export interface ExamDayRoom {
  /** Today's paced level over all covered decks ({@link levelledNewCards}, as at the start of the day). */
  readonly paced: number;
  /** Today's new-card limit per covered deck. */
  readonly newLimitByDeck: Readonly<Record<string, number>>;
  /** New cards the queue introduces today in all covered decks (what home says). */
  readonly newToday: number;
}

/**
 * Today's new-card room in the decks an exam covers. The day is judged as it stood at its start,
 * so the number does not drift as the student works: U₀ = U + I (cards introduced today were not
 * yet), R₀ = R − I (those cards' next looks were not scheduled), due₀ = due + reviewed today, and
 * the plan's views from the start of the day V₀ = (views done today) + (views left now). Then
 *
 * $$P = \text{levelledNewCards}(U_0, R_0, \text{due}_0, V_0), \qquad
 *   \text{limit}_d = \min\Bigl(\max\bigl(\ell,\ \lceil P \cdot U_{0,d} / U_0 \rceil\bigr),\ \max(0,\ C - \text{due}_0)\Bigr)$$
 *
 * with ℓ the student's own per-deck limit and C the daily load cap: the pace raises the student's
 * limit, never lowers it, and no deck's new cards go beyond the day's load room. P is shared among
 * the covered decks by their cards not yet introduced. newToday = Σ_d min(limit_d, U_{0,d}).
 */
export function examDayRoom(counts: ExamDayCounts, finalWindowDays: number = FINAL_WINDOW_DAYS): ExamDayRoom {
  const introducedToday = counts.decks.reduce((sum, deck) => sum + deck.introducedToday, 0);
  const unintroducedNow = counts.decks.reduce((sum, deck) => sum + deck.unintroduced, 0);
  const unintroducedAtStart = unintroducedNow + introducedToday;
  const scheduledNow = counts.scheduled.reduce((sum, group) => sum + group.count, 0);
  const start: PacingInput = {
    today: counts.today,
    examDay: counts.examDay,
    unintroduced: unintroducedAtStart,
    scheduledReviews: Math.max(0, scheduledNow - introducedToday),
    dailyLoadCap: counts.dailyLoadCap,
  };
  const dueAtStart = counts.dueNow + counts.reviewedToday;
  const pace = paceToExam(start, finalWindowDays);
  const viewsLeft = plannedViewsBeforeExam({
    today: counts.today,
    examDay: counts.examDay,
    scheduled: counts.scheduled,
    unintroduced: unintroducedNow,
    introductionDays: pace.kind === "on-pace" || pace.kind === "too-close" ? pace.introductionDays : 1,
    recall: planningRecall(counts.recentReviews.passes, counts.recentReviews.reviews),
    finalWindowDays,
  });
  const paced = levelledNewCards(pace, start, dueAtStart, counts.reviewedToday + introducedToday + viewsLeft);
  const room = Math.max(0, counts.dailyLoadCap - dueAtStart);
  const newLimitByDeck: Record<string, number> = {};
  let newToday = 0;
  for (const deck of counts.decks) {
    const deckStart = deck.unintroduced + deck.introducedToday;
    const share = unintroducedAtStart === 0 ? 0 : Math.ceil((paced * deckStart) / unintroducedAtStart);
    const limit = Math.min(Math.max(counts.ownNewPerDeck, share), room);
    newLimitByDeck[deck.deckId] = limit;
    newToday += Math.min(limit, deckStart);
  }
  return { paced, newLimitByDeck, newToday };
}
