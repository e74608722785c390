import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, parseDayNumber } from "./days";
import {
  examAwareDueDay,
  FINAL_WINDOW_DAYS,
  leastLoadedWindowDay,
  gradeCardForExam,
  isFinalPassDay,
  nearestExam,
  orderWeakestFirst,
  recentAccuracyByConcept,
  studyDaysLeft,
} from "./exam-schedule";
import { gradeCard, NEW_CARD_STATE, type CardState } from "./review-state";
import { replaySm2, type Grade } from "./sm2";

const grades = fc.array(fc.constantFrom<Grade>(0, 1, 2, 3, 4, 5), { minLength: 1, maxLength: 25 });

/** Reviews a card on each due day (a re-drill never counts), with or without an exam on `examDay`. */
function reviewOnDueDays(sequence: readonly Grade[], examDay: number | null, cardId = "card-1"): { states: CardState[]; days: number[] } {
  let state = NEW_CARD_STATE;
  let day = 0;
  const states: CardState[] = [];
  const days: number[] = [];
  for (const grade of sequence) {
    days.push(day);
    state = gradeCardForExam(state, grade, day, { examDay: examDay !== null && examDay > day ? examDay : null, cardId }).next;
    states.push(state);
    day = state.dueDay ?? day + 1;
  }
  return { states, days };
}

const sm2Part = (state: CardState) => ({ repetition: state.repetition, easinessHundredths: state.easinessHundredths, interval: state.interval });

describe("examAwareDueDay", () => {
  it("no review is scheduled on or after the exam unless it was already in the final window", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 400 }), fc.string(), (reviewDay, interval, ahead, cardId) => {
        const examDay = reviewDay + ahead;
        const due = examAwareDueDay({ reviewDay, sm2DueDay: reviewDay + interval, examDay, cardId });
        expect(due).toBeGreaterThan(reviewDay);
        expect(due).toBeLessThanOrEqual(reviewDay + interval); // only ever brought forward
        if (reviewDay < examDay - FINAL_WINDOW_DAYS) {
          expect(due).toBeLessThan(examDay);
          // …and a card brought forward lands in the final window, not anywhere earlier.
          if (reviewDay + interval >= examDay) expect(due).toBeGreaterThanOrEqual(examDay - FINAL_WINDOW_DAYS);
        } else {
          expect(due).toBe(reviewDay + interval);
        }
      }),
    );
  });

  it("spreads the final reviews over the window instead of the last day", () => {
    const perDay = new Map<number, number>();
    for (let i = 0; i < 1000; i += 1) {
      const due = examAwareDueDay({ reviewDay: 0, sm2DueDay: 30, examDay: 21, cardId: `card-${i}` });
      perDay.set(due, (perDay.get(due) ?? 0) + 1);
    }
    expect([...perDay.keys()].sort((a, b) => a - b)).toEqual([16, 17, 18, 19, 20]);
    for (const count of perDay.values()) expect(count).toBeGreaterThan(150); // 200 each if perfectly even
  });

  it("with the window's loads, a card brought forward goes to the least loaded day", () => {
    // Window of an exam on day 21: days 16…20. Rows: loads, the expected day, why.
    const rows: [number[], (hashDay: number) => number, string][] = [
      [[9, 9, 2, 9, 9], () => 18, "one day clearly lightest"],
      [[0, 5, 5, 5, 0], (hashDay) => (hashDay === 20 ? 20 : 16), "a tie: the hash's day if it is among the lightest, else the earliest"],
      [[3, 3, 3, 3, 3], (hashDay) => hashDay, "all equal: the hash's day, the even spread of the no-load case"],
    ];
    for (const [load, expected, why] of rows) {
      for (let i = 0; i < 20; i += 1) {
        const cardId = `card-${i}`;
        const hashDay = examAwareDueDay({ reviewDay: 0, sm2DueDay: 30, examDay: 21, cardId });
        expect(leastLoadedWindowDay(21, FINAL_WINDOW_DAYS, cardId, load), why).toBe(expected(hashDay));
        expect(examAwareDueDay({ reviewDay: 0, sm2DueDay: 30, examDay: 21, cardId, windowLoad: load }), why).toBe(expected(hashDay));
      }
    }
    // Filling an empty window one card at a time keeps it level: no day ever two cards above another.
    const load = [0, 0, 0, 0, 0];
    for (let i = 0; i < 103; i += 1) {
      const day = examAwareDueDay({ reviewDay: 0, sm2DueDay: 40, examDay: 21, cardId: `c${i}`, windowLoad: load });
      load[day - 16] = (load[day - 16] ?? 0) + 1;
      expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
    }
    // A load of the wrong length is ignored rather than misread.
    expect(examAwareDueDay({ reviewDay: 0, sm2DueDay: 30, examDay: 21, cardId: "c", windowLoad: [0, 0] })).toBe(
      examAwareDueDay({ reviewDay: 0, sm2DueDay: 30, examDay: 21, cardId: "c" }),
    );
  });

  it("an exam in the past or today, or none at all, leaves SM-2's due day", () => {
    expect(examAwareDueDay({ reviewDay: 10, sm2DueDay: 16, examDay: 9, cardId: "c" })).toBe(16);
    expect(examAwareDueDay({ reviewDay: 10, sm2DueDay: 16, examDay: 10, cardId: "c" })).toBe(16);
    expect(examAwareDueDay({ reviewDay: 10, sm2DueDay: 16, examDay: null, cardId: "c" })).toBe(16);
  });
});

describe("SM-2 state with an exam", () => {
  it("is the same sequence of states with and without an exam date; only due days move", () => {
    fc.assert(
      fc.property(grades, fc.integer({ min: 2, max: 120 }), (sequence, examDay) => {
        const withExam = reviewOnDueDays(sequence, examDay);
        const plain = reviewOnDueDays(sequence, null);
        expect(withExam.states.map(sm2Part)).toEqual(plain.states.map(sm2Part));
        // Both equal the published algorithm replayed on the grades alone.
        expect(plain.states.map(sm2Part)).toEqual(replaySm2(sequence).map((state) => ({ ...state })));
      }),
    );
  });

  it("after the exam, plain SM-2 resumes from the stored state", () => {
    // 5,5,5 reviewed on due days from day 0: day 0 (I 1), day 1 (I 6 → due 7 < 21), day 7 (I 17 → 24 ≥ 21: brought forward).
    const before = reviewOnDueDays([5, 5, 5], 21);
    const last = before.states[2];
    if (!last) throw new Error("three states");
    expect(last.interval).toBe(17);
    expect(last.dueDay).toBeGreaterThanOrEqual(16);
    expect(last.dueDay).toBeLessThan(21);
    // Reviewed on that day (inside the window, before the exam): SM-2's own due day.
    const inWindow = gradeCardForExam(last, 5, last.dueDay ?? 0, { examDay: 21, cardId: "card-1" }).next;
    expect(inWindow).toEqual(gradeCard(last, 5, last.dueDay ?? 0).next);
    // After the exam (exam day in the past), identical to plain SM-2.
    const after = gradeCardForExam(inWindow, 4, 60, { examDay: 21, cardId: "card-1" }).next;
    expect(after).toEqual(gradeCard(inWindow, 4, 60).next);
  });

  it("a same-day re-drill changes nothing, exam or not", () => {
    const first = gradeCardForExam(NEW_CARD_STATE, 2, 3, { examDay: 21, cardId: "c" });
    expect(first.redrillPending).toBe(true);
    const again = gradeCardForExam(first.next, 5, 3, { examDay: 21, cardId: "c" });
    expect(again.counted).toBe(false);
    expect(again.next).toEqual({ ...first.next, redrillDay: null });
  });
});

describe("nearestExam", () => {
  const exams = [
    { day: 30, deckIds: ["course", "lab"] },
    { day: 20, deckIds: ["lab"] },
    { day: 10, deckIds: ["course"] },
  ];

  it("the nearest upcoming exam covering the deck counts", () => {
    expect(nearestExam(exams, 5, "course")?.day).toBe(10);
    expect(nearestExam(exams, 5, "lab")?.day).toBe(20);
    expect(nearestExam(exams, 5)?.day).toBe(10);
    expect(nearestExam(exams, 5, "other")).toBeNull();
  });

  it("an exam in the past, or today, is ignored: the next one counts", () => {
    expect(nearestExam(exams, 10, "course")?.day).toBe(30);
    expect(nearestExam(exams, 12, "course")?.day).toBe(30);
    expect(nearestExam(exams, 30, "course")).toBeNull();
  });

  it("with two exams, due days aim at the nearer one and then the next", () => {
    const exam = nearestExam(exams, 0, "course");
    expect(examAwareDueDay({ reviewDay: 0, sm2DueDay: 25, examDay: exam?.day ?? null, cardId: "c" })).toBeLessThan(10);
    const next = nearestExam(exams, 10, "course");
    expect(examAwareDueDay({ reviewDay: 10, sm2DueDay: 40, examDay: next?.day ?? null, cardId: "c" })).toBeLessThan(30);
  });
});

describe("days left at the day boundary", () => {
  const examIso = "2026-12-12";

  it("counts in the student's own zone: 15:30 UTC on 11 December is already exam day in Seoul", () => {
    const instant = new Date("2026-12-11T15:30:00Z");
    expect(studyDaysLeft(instant, "Asia/Seoul", examIso)).toBe(0); // 00:30 on the 12th
    expect(studyDaysLeft(instant, "UTC", examIso)).toBe(1);
    expect(studyDaysLeft(instant, "America/New_York", examIso)).toBe(1); // 10:30 on the 11th
    expect(nearestExam([{ day: parseDayNumber(examIso), deckIds: [] }], dayNumber(instant, "Asia/Seoul"))).toBeNull();
  });

  it("one second before local midnight is still the day before", () => {
    // 23:59:59 on 11 December in Seoul (UTC+9) is 14:59:59 UTC.
    expect(studyDaysLeft(new Date("2026-12-11T14:59:59Z"), "Asia/Seoul", examIso)).toBe(1);
    expect(studyDaysLeft(new Date("2026-12-11T15:00:00Z"), "Asia/Seoul", examIso)).toBe(0);
  });
});

describe("final pass", () => {
  it("covers the last days before the exam and not the exam day", () => {
    const days = Array.from({ length: 30 }, (_, day) => day).filter((day) => isFinalPassDay(day, 21));
    expect(days).toEqual([16, 17, 18, 19, 20]);
    expect(isFinalPassDay(5, null)).toBe(false);
  });

  it("orders the weakest concept (lowest recent accuracy) first, unreviewed concepts before all", () => {
    const outcomes = [
      { concept: "cnn", day: 18, correct: true },
      { concept: "cnn", day: 19, correct: false },
      { concept: "rnn", day: 19, correct: false },
      { concept: "rnn", day: 19, correct: false },
      { concept: "rnn", day: 2, correct: true }, // older than 14 days: not recent
      { concept: "mlp", day: 19, correct: true },
    ];
    const accuracy = recentAccuracyByConcept(outcomes, 20);
    expect(Object.fromEntries(accuracy)).toEqual({ cnn: 0.5, rnn: 0, mlp: 1 });
    const queue = [
      { cardId: "1", concept: "mlp" },
      { cardId: "2", concept: "cnn" },
      { cardId: "3", concept: "rnn" },
      { cardId: "4", concept: "sgd" },
      { cardId: "5", concept: "cnn" },
    ];
    expect(orderWeakestFirst(queue, accuracy).map((entry) => entry.cardId)).toEqual(["4", "3", "2", "5", "1"]);
  });
});
