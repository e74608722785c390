import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertCardState,
  buryCard,
  gradeCard,
  isBuried,
  isNewCard,
  isRedrillPending,
  NEW_CARD_STATE,
  suspendCard,
  unburyCard,
  unsuspendCard,
  type CardState,
} from "./review-state";
import { InvalidGradeError, InvalidSm2StateError, replaySm2, type Grade } from "./sm2";

const DAY = 19_800;

/** Grades a card through a list of [grade, day] steps, returning every result. */
function run(steps: readonly (readonly [Grade, number])[], start: CardState = NEW_CARD_STATE) {
  let state = start;
  return steps.map(([grade, day]) => {
    const result = gradeCard(state, grade, day);
    state = result.next;
    return result;
  });
}

describe("gradeCard: the same-day re-drill rule", () => {
  it.each([
    {
      reason: "a first 5 is counted and owes nothing",
      steps: [[5, DAY]],
      counted: [true],
      pending: [false],
      final: { repetition: 1, easinessHundredths: 260, interval: 1, dueDay: DAY + 1, lastReviewDay: DAY, redrillDay: null },
    },
    {
      reason: "a first 3 is counted (EF −0.14) and owes a re-drill today",
      steps: [[3, DAY]],
      counted: [true],
      pending: [true],
      final: { repetition: 1, easinessHundredths: 236, interval: 1, dueDay: DAY + 1, lastReviewDay: DAY, redrillDay: DAY },
    },
    {
      reason: "re-drill grades below 4 are not counted and keep it coming back; a 4 settles it",
      steps: [[2, DAY], [1, DAY], [3, DAY], [4, DAY]],
      counted: [true, false, false, false],
      pending: [true, true, true, false],
      final: { repetition: 0, easinessHundredths: 250, interval: 1, dueDay: DAY + 1, lastReviewDay: DAY, redrillDay: null },
    },
    {
      reason: "a same-day 0 after a first 5 changes nothing and owes nothing (only the first grade decides)",
      steps: [[5, DAY], [0, DAY]],
      counted: [true, false],
      pending: [false, false],
      final: { repetition: 1, easinessHundredths: 260, interval: 1, dueDay: DAY + 1, lastReviewDay: DAY, redrillDay: null },
    },
    {
      reason: "a re-drill left unfinished lapses at midnight; the next day's first grade counts",
      steps: [[1, DAY], [5, DAY + 1]],
      counted: [true, true],
      pending: [true, false],
      final: { repetition: 1, easinessHundredths: 260, interval: 1, dueDay: DAY + 2, lastReviewDay: DAY + 1, redrillDay: null },
    },
    {
      reason: "a day number before the last review (moved west across zones) is the same day, not a new one",
      steps: [[5, DAY], [5, DAY - 1]],
      counted: [true, false],
      pending: [false, false],
      final: { repetition: 1, easinessHundredths: 260, interval: 1, dueDay: DAY + 1, lastReviewDay: DAY, redrillDay: null },
    },
    {
      reason: "reviews on due days follow SM-2: 5 on day 0, 5 on day 1, 5 on day 7 → due day 24",
      steps: [[5, 0], [5, 1], [5, 7]],
      counted: [true, true, true],
      pending: [false, false, false],
      final: { repetition: 3, easinessHundredths: 280, interval: 17, dueDay: 24, lastReviewDay: 7, redrillDay: null },
    },
  ] as const)("$reason", ({ steps, counted, pending, final }) => {
    const results = run(steps);
    expect(results.map((result) => result.counted)).toEqual(counted);
    expect(results.map((result) => result.redrillPending)).toEqual(pending);
    expect(results.at(-1)?.next).toEqual({ ...NEW_CARD_STATE, ...final });
  });

  it("a grade that changes nothing returns the very same state", () => {
    const [first, second] = run([[2, DAY], [1, DAY]]);
    expect(second?.next).toBe(first?.next);
  });

  it("keeps suspension and burial as they are", () => {
    const start: CardState = { ...NEW_CARD_STATE, suspended: true, buriedUntilDay: DAY + 1 };
    const { next } = gradeCard(start, 4, DAY);
    expect(next.suspended).toBe(true);
    expect(next.buriedUntilDay).toBe(DAY + 1);
  });

  it("rejects bad grades, days and states", () => {
    expect(() => gradeCard(NEW_CARD_STATE, 6 as Grade, DAY)).toThrow(InvalidGradeError);
    expect(() => gradeCard(NEW_CARD_STATE, 4, 1.5)).toThrow(/integer day number/);
    expect(() => gradeCard({ ...NEW_CARD_STATE, dueDay: DAY }, 4, DAY)).toThrow(InvalidSm2StateError);
    expect(() => gradeCard({ ...NEW_CARD_STATE, easinessHundredths: 120 }, 4, DAY)).toThrow(InvalidSm2StateError);
    expect(() => assertCardState({ ...NEW_CARD_STATE, suspended: "no" as unknown as boolean })).toThrow(/boolean/);
  });

  it("undo is restoring the stored before-state: grading it again gives the identical result", () => {
    const before = run([[5, 0], [5, 1]]).at(-1)!.next;
    const graded = gradeCard(before, 2, 7);
    const restored = structuredClone(before); // as read back from the review log
    expect(restored).toEqual(before);
    expect(gradeCard(restored, 2, 7)).toEqual(graded);
    expect(gradeCard(restored, 5, 7).next.interval).toBe(17);
  });
});

const gradeArbitrary = fc.integer({ min: 0, max: 5 }) as fc.Arbitrary<Grade>;
/** Days of grades: each day a non-empty list of grades, days strictly increasing by a gap of 1–30. */
const schedule = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.array(gradeArbitrary, { minLength: 1, maxLength: 5 })), {
  maxLength: 15,
});

describe("gradeCard invariants (fast-check)", () => {
  it("only the first grade of each day moves SM-2; the result equals SM-2 on those first grades", () => {
    fc.assert(
      fc.property(schedule, (days) => {
        let state = NEW_CARD_STATE;
        let day = 0;
        const firstGrades: Grade[] = [];
        for (const [gap, grades] of days) {
          day += gap;
          grades.forEach((grade, index) => {
            const before = state;
            const result = gradeCard(state, grade, day);
            expect(result.counted).toBe(index === 0);
            if (index === 0) firstGrades.push(grade);
            else {
              const { redrillDay: _a, ...kept } = result.next;
              const { redrillDay: _b, ...was } = before;
              expect(kept).toEqual(was);
            }
            state = result.next;
          });
          const sm2 = replaySm2(firstGrades).at(-1)!;
          expect([state.repetition, state.easinessHundredths, state.interval]).toEqual([
            sm2.repetition,
            sm2.easinessHundredths,
            sm2.interval,
          ]);
          expect(state.dueDay).toBe(day + (sm2.interval ?? 0));
        }
      }),
    );
  });

  it("a re-drill is pending exactly while the day's first grade was below 4 and no 4 or 5 has followed", () => {
    fc.assert(
      fc.property(schedule, (days) => {
        let state = NEW_CARD_STATE;
        let day = 0;
        for (const [gap, grades] of days) {
          day += gap;
          grades.forEach((grade, index) => {
            const result = gradeCard(state, grade, day);
            const expected = grades[0]! < 4 && grades.slice(1, index + 1).every((later) => later < 4);
            expect(result.redrillPending).toBe(expected);
            expect(isRedrillPending(result.next, day)).toBe(expected);
            expect(isRedrillPending(result.next, day + 1)).toBe(false);
            state = result.next;
          });
        }
      }),
    );
  });
});

describe("suspend and bury", () => {
  it("suspend / unsuspend toggle a flag and nothing else", () => {
    const suspended = suspendCard(NEW_CARD_STATE);
    expect(suspended).toEqual({ ...NEW_CARD_STATE, suspended: true });
    expect(suspendCard(suspended)).toBe(suspended);
    expect(unsuspendCard(suspended)).toEqual(NEW_CARD_STATE);
  });

  it("bury hides the card for the rest of today only", () => {
    const buried = buryCard(NEW_CARD_STATE, DAY);
    expect(buried.buriedUntilDay).toBe(DAY + 1);
    expect(isBuried(buried, DAY)).toBe(true);
    expect(isBuried(buried, DAY + 1)).toBe(false);
    expect(unburyCard(buried)).toEqual(NEW_CARD_STATE);
    expect(isNewCard(buried)).toBe(true);
  });
});
