import { describe, expect, it } from "vitest";
import { createRandom, spreadSeed } from "../sim/random/seeded-random";
import { gradeCardForExam } from "./exam-schedule";
import { ExamViewForecast, planningRecall, plannedViewsBeforeExam, PLANNING_RECALL_PRIOR, scheduledGroupsOf } from "./exam-views";
import { NEW_CARD_STATE, type CardState } from "./review-state";
import type { Grade } from "./sm2";

const EXAM = 21;
const WINDOW = 5;

/**
 * The independent derivation: walk the card through the scheduler itself (gradeCardForExam, the
 * function grading uses), passing each counted view with probability q, and count the views before
 * the exam. A lapse is re-drilled the same day with a 4, as students clear it.
 */
function sampledViews(start: CardState, firstDay: number, recall: number, walks: number, seed: number): number {
  const random = createRandom(spreadSeed(seed));
  let total = 0;
  for (let walk = 0; walk < walks; walk += 1) {
    let state = start;
    let day = firstDay;
    const cardId = `card-${walk % 97}`;
    while (day < EXAM) {
      total += 1;
      const grade: Grade = random.uniform() < recall ? 4 : 1;
      let result = gradeCardForExam(state, grade, day, { examDay: EXAM, cardId });
      if (result.redrillPending) result = gradeCardForExam(result.next, 4, day, { examDay: EXAM, cardId });
      state = result.next;
      if (state.dueDay === null) throw new Error("a graded card is due");
      day = state.dueDay;
    }
  }
  return total / walks;
}

describe("expected views before an exam", () => {
  const cases: { name: string; state: CardState; day: number; recall: number }[] = [
    { name: "a new card on day 0, q 0.85", state: NEW_CARD_STATE, day: 0, recall: 0.85 },
    { name: "a new card on day 0, q 0.6 (a fast forgetter)", state: NEW_CARD_STATE, day: 0, recall: 0.6 },
    { name: "a new card on day 12, q 0.95", state: NEW_CARD_STATE, day: 12, recall: 0.95 },
    {
      name: "a card at n = 2, I = 6, due on day 9",
      state: { ...NEW_CARD_STATE, repetition: 2, interval: 6, easinessHundredths: 240, dueDay: 9, lastReviewDay: 3 },
      day: 9,
      recall: 0.8,
    },
    {
      name: "a lapsed card due inside the final window",
      state: { ...NEW_CARD_STATE, repetition: 0, interval: 1, easinessHundredths: 200, dueDay: 17, lastReviewDay: 16 },
      day: 17,
      recall: 0.7,
    },
  ];
  for (const [index, row] of cases.entries()) {
    it(`${row.name}: the recursion agrees with walking the scheduler`, () => {
      const forecast = new ExamViewForecast(EXAM, row.recall, WINDOW);
      const sampled = sampledViews(row.state, row.day, row.recall, 40_000, index + 1);
      // 40,000 walks: the sampled mean's standard error is below 0.01 views.
      expect(forecast.views(row.day, row.state)).toBeCloseTo(sampled, 1);
    });
  }

  it("a card due on or after the exam, or a new card on exam day, has no views left", () => {
    const forecast = new ExamViewForecast(EXAM, 0.9, WINDOW);
    expect(forecast.newCardViews(EXAM)).toBe(0);
    expect(forecast.views(EXAM + 3, { repetition: 3, interval: 15, easinessHundredths: 250 })).toBe(0);
    // Seen once on the eve: nothing more before the exam.
    expect(forecast.newCardViews(EXAM - 1)).toBe(1);
  });

  it("the plan adds the introduced cards' views to the new cards' spread over the introduction days", () => {
    const recall = 0.8;
    const forecast = new ExamViewForecast(EXAM, recall, WINDOW);
    const state = { repetition: 1, interval: 1, easinessHundredths: 250 };
    const newCards = [0, 1, 2, 3].reduce((sum, day) => sum + forecast.newCardViews(day), 0) / 4;
    const total = plannedViewsBeforeExam({
      today: 0,
      examDay: EXAM,
      scheduled: [{ dueDay: -2, ...state, count: 3 }],
      unintroduced: 10,
      introductionDays: 4,
      recall,
      finalWindowDays: WINDOW,
    });
    // The overdue cards are seen today.
    expect(total).toBeCloseTo(3 * forecast.views(0, state) + 10 * newCards, 9);
  });

  it("plans with the student's recall, shrunk toward the prior", () => {
    expect(planningRecall(0, 0)).toBeCloseTo(PLANNING_RECALL_PRIOR.recall, 12);
    expect(planningRecall(100, 100)).toBeCloseTo((100 + 20 * 0.85) / 120, 12);
    expect(planningRecall(30, 60)).toBeLessThan(0.6);
    expect(() => planningRecall(5, 3)).toThrow(RangeError);
  });

  it("groups introduced cards due before the exam, as the server's GROUP BY", () => {
    const due = (dueDay: number | null, repetition = 1, interval: number | null = 1) => ({ repetition, interval, easinessHundredths: 250, dueDay });
    const groups = scheduledGroupsOf([due(3), due(3), due(4), due(null, 0, null), due(EXAM), due(3, 2, 6)], EXAM);
    expect(groups).toEqual([
      { dueDay: 3, repetition: 1, interval: 1, easinessHundredths: 250, count: 2 },
      { dueDay: 4, repetition: 1, interval: 1, easinessHundredths: 250, count: 1 },
      { dueDay: 3, repetition: 2, interval: 6, easinessHundredths: 250, count: 1 },
    ]);
  });
});
