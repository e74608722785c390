/**
 * How many counted views the cards of an exam's decks will still take before the exam: the size of
 * the plan that `levelledNewCards` (exam-pacing.ts) spreads evenly over the days left.
 *
 * A card's next view is on its due day d; each view is recalled with probability q (the student's
 * own rate, {@link planningRecall}). SM-2 then schedules it (Wozniak 1987: a pass moves n to n + 1
 * with I(1) = 1, I(2) = 6, I(n) = ⌈I(n−1)·EF⌉; a lapse restarts at n = 0, I = 1) and the exam
 * brings a due day on or after the exam forward into the final window (exam-schedule.ts), so the
 * expected views V satisfy
 *
 * $$V(d, s) = 0 \;\; (d \ge E), \qquad V(d, s) = 1 + q\,V\bigl(d^{+}, \text{SM2}(s, 4)\bigr) + (1 - q)\,V\bigl(d + 1, \text{SM2}(s, 1)\bigr)$$
 *
 * with d⁺ = d + I, or, when that is on or after E and d is before the final window, each of the
 * window's W days alike (V averaged over them: the hash spread of exam-schedule.ts).
 * A pass is taken as grade 4, which leaves EF unchanged (ΔEF(4) = 0), and a lapse leaves EF
 * unchanged too, so EF is constant along the walk and V depends on (d, n, I, EF) only.
 *
 * Why not a constant number of views per card (the first plan used 7): a class that barely forgets
 * needs about 4 before a three-week exam and one that forgets fast about 8, and the remaining views
 * of an introduced card depend on where it stands. A constant over-plans the first case, which then
 * piles new cards onto the first days (bench/exam-schedule.ts measured the busiest day at 1.5–1.8×
 * the mean), and under-plans the second.
 */
import { applySm2, INITIAL_SM2_STATE, type Sm2State } from "./sm2";

/** Cards of the exam's decks already introduced, grouped by due day and SM-2 state (the server counts these). */
export interface ScheduledGroup {
  readonly dueDay: number;
  readonly repetition: number;
  readonly interval: number;
  readonly easinessHundredths: number;
  readonly count: number;
}

/** The counted reviews {@link planningRecall} reads: those of the last 30 days (today included). */
export const PLANNING_RECALL_DAYS = 30;

/** The prior of {@link planningRecall}: a class's typical recall at SM-2's intervals, worth this many reviews. */
export const PLANNING_RECALL_PRIOR = Object.freeze({ recall: 0.85, reviews: 20 });

/**
 * The recall rate the plan assumes: the share of the student's counted reviews (of the exam's decks,
 * recent ones) graded 3 or more, shrunk toward {@link PLANNING_RECALL_PRIOR} (a Beta prior's mean):
 * $$q = \frac{\text{passes} + w\,q_0}{\text{reviews} + w}$$
 */
export function planningRecall(passes: number, reviews: number): number {
  if (!(passes >= 0 && reviews >= passes)) throw new RangeError(`passes (${passes}) must be between 0 and reviews (${reviews})`);
  const { recall, reviews: weight } = PLANNING_RECALL_PRIOR;
  return (passes + weight * recall) / (reviews + weight);
}

/** Expected views before the exam, memoised over (day, n, I, EF) for one exam and one q. */
export class ExamViewForecast {
  private readonly memo = new Map<string, number>();

  constructor(
    private readonly examDay: number,
    private readonly recall: number,
    private readonly finalWindowDays: number,
  ) {
    if (!(recall >= 0 && recall <= 1)) throw new RangeError(`recall must be in [0, 1], got ${recall}`);
    if (!Number.isSafeInteger(finalWindowDays) || finalWindowDays < 1) throw new RangeError(`finalWindowDays must be an integer ≥ 1, got ${finalWindowDays}`);
  }

  /** V(d, s): views of a card next seen on `day` in SM-2 state `state`. */
  views(day: number, state: Sm2State): number {
    if (day >= this.examDay) return 0;
    const key = `${day}:${state.repetition}:${state.interval ?? 0}:${state.easinessHundredths}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const passed = applySm2(state, 4);
    const passDay = day + (passed.interval ?? 1);
    const firstWindowDay = this.examDay - this.finalWindowDays;
    const afterPass =
      passDay >= this.examDay && day < firstWindowDay ? this.windowViews(firstWindowDay, passed) : this.views(passDay, passed);
    const lapsed = applySm2(state, 1);
    const value = 1 + this.recall * afterPass + (1 - this.recall) * this.views(day + 1, lapsed);
    this.memo.set(key, value);
    return value;
  }

  /** A card brought forward lands on each window day alike (the spread of exam-schedule.ts). */
  private windowViews(firstWindowDay: number, state: Sm2State): number {
    let total = 0;
    for (let offset = 0; offset < this.finalWindowDays; offset += 1) total += this.views(firstWindowDay + offset, state);
    return total / this.finalWindowDays;
  }

  /** Views of a card introduced on `day`. */
  newCardViews(day: number): number {
    return this.views(day, INITIAL_SM2_STATE);
  }
}

/**
 * The whole plan's views from `today` to the exam: the introduced cards' (an overdue card is seen
 * today) plus `unintroduced` new cards introduced evenly over the `introductionDays` from today.
 */
export function plannedViewsBeforeExam(input: {
  readonly today: number;
  readonly examDay: number;
  readonly scheduled: readonly ScheduledGroup[];
  readonly unintroduced: number;
  readonly introductionDays: number;
  readonly recall: number;
  readonly finalWindowDays: number;
}): number {
  const forecast = new ExamViewForecast(input.examDay, input.recall, input.finalWindowDays);
  let total = 0;
  for (const group of input.scheduled) {
    const state: Sm2State = { repetition: group.repetition, interval: group.interval, easinessHundredths: group.easinessHundredths };
    total += group.count * forecast.views(Math.max(input.today, group.dueDay), state);
  }
  if (input.unintroduced > 0) {
    const days = Math.max(1, input.introductionDays);
    let perCard = 0;
    for (let offset = 0; offset < days; offset += 1) perCard += forecast.newCardViews(input.today + offset);
    total += (input.unintroduced * perCard) / days;
  }
  return total;
}

/** Groups card states as the server's GROUP BY does: introduced cards due before the exam. */
export function scheduledGroupsOf(states: Iterable<Sm2State & { readonly dueDay: number | null }>, examDay: number): ScheduledGroup[] {
  const groups = new Map<string, { -readonly [K in keyof ScheduledGroup]: ScheduledGroup[K] }>();
  for (const state of states) {
    if (state.dueDay === null || state.interval === null || state.dueDay >= examDay) continue;
    const key = `${state.dueDay}:${state.repetition}:${state.interval}:${state.easinessHundredths}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { dueDay: state.dueDay, repetition: state.repetition, interval: state.interval, easinessHundredths: state.easinessHundredths, count: 1 });
  }
  return [...groups.values()];
}
