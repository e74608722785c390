import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applySm2,
  assertSm2State,
  dueDay,
  easinessDeltaHundredths,
  easinessOf,
  INITIAL_EASINESS_HUNDREDTHS,
  INITIAL_SM2_STATE,
  InvalidGradeError,
  InvalidSm2StateError,
  isGrade,
  MINIMUM_EASINESS_HUNDREDTHS,
  parseGrade,
  replaySm2,
  type Grade,
  type Sm2State,
} from "./sm2";

/** Hand arithmetic below: EF in hundredths, Δ(5) = +10, Δ(4) = 0, Δ(3) = −14, floor 130; I(n>2) = ⌈I·EF⌉. */
const GOLDEN: { grades: Grade[]; intervals: number[]; easiness: number[]; repetitions?: number[]; reason: string }[] = [
  {
    reason: "pinned (docs/architecture.md \"Spaced repetition\"): lapse restarts at 1, 6 and keeps EF 2.66",
    grades: [5, 5, 5, 4, 3, 1, 4, 5],
    // 250+10=260 I1 | 270 I6 | 280 ⌈6·2.8=16.8⌉=17 | 280 ⌈17·2.8=47.6⌉=48 | 266 ⌈48·2.66=127.68⌉=128
    // | q1: n0 I1 EF 266 | q4: 266 n1 I1 | q5: 276 n2 I6
    intervals: [1, 6, 17, 48, 128, 1, 1, 6],
    easiness: [2.6, 2.7, 2.8, 2.8, 2.66, 2.66, 2.66, 2.76],
    repetitions: [1, 2, 3, 4, 5, 0, 1, 2],
  },
  {
    reason: "pinned (docs/architecture.md \"Spaced repetition\"): 6 × 2.5 = 15 exactly",
    grades: [4, 4, 4],
    // Δ(4)=0: EF 250 throughout; 1 | 6 | ⌈6·2.5⌉ = 15
    intervals: [1, 6, 15],
    easiness: [2.5, 2.5, 2.5],
  },
  {
    reason: "EF back at 2.5 after drifting: floats give 2.5000000000000004 and ⌈6·EF⌉ = 16; hundredths give 15",
    grades: [3, 3, 3, 3, 3, 5, 5, 5, 5, 0, 5, 5, 5],
    // 236 I1 | 222 I6 | 208 ⌈6·2.08=12.48⌉=13 | 194 ⌈13·1.94=25.22⌉=26 | 180 ⌈26·1.8=46.8⌉=47
    // | 190 ⌈47·1.9=89.3⌉=90 | 200 ⌈90·2=180⌉=180 | 210 ⌈180·2.1=378⌉=378 | 220 ⌈378·2.2=831.6⌉=832
    // | q0: n0 I1 EF 220 | 230 I1 | 240 I6 | 250 ⌈6·2.5=15⌉=15
    intervals: [1, 6, 13, 26, 47, 90, 180, 378, 832, 1, 1, 6, 15],
    easiness: [2.36, 2.22, 2.08, 1.94, 1.8, 1.9, 2, 2.1, 2.2, 2.2, 2.3, 2.4, 2.5],
    repetitions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3],
  },
  {
    reason: "EF floors at 1.3 (138 − 14 = 124 → 130) and a 3 at the floor stays there",
    grades: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 5, 5, 5],
    // 236 I1 | 222 I6 | 208 I13 | 194 I26 | 180 I47 | 166 ⌈47·1.66=78.02⌉=79 | 152 ⌈79·1.52=120.08⌉=121
    // | 138 ⌈121·1.38=166.98⌉=167 | 124→130 ⌈167·1.3=217.1⌉=218 | 116→130 ⌈218·1.3=283.4⌉=284
    // | q0: n0 I1 EF 130 | 140 I1 | 150 I6 | 160 ⌈6·1.6=9.6⌉=10
    intervals: [1, 6, 13, 26, 47, 79, 121, 167, 218, 284, 1, 1, 6, 10],
    easiness: [2.36, 2.22, 2.08, 1.94, 1.8, 1.66, 1.52, 1.38, 1.3, 1.3, 1.3, 1.4, 1.5, 1.6],
  },
  {
    reason: "q < 3 leaves EF unchanged and n at 0, whatever the grade",
    grades: [2, 1, 0, 2],
    intervals: [1, 1, 1, 1],
    easiness: [2.5, 2.5, 2.5, 2.5],
    repetitions: [0, 0, 0, 0],
  },
  {
    reason: "grade 3 lowers EF by 0.14 before the interval uses it",
    grades: [3, 3, 3],
    // 250−14=236 I1 | 222 I6 | 208 ⌈6·2.08=12.48⌉=13 (with the old EF 2.22 it would be ⌈13.32⌉=14)
    intervals: [1, 6, 13],
    easiness: [2.36, 2.22, 2.08],
  },
  {
    reason: "grade 4 keeps EF; the interval uses EF 2.36 from the earlier 3",
    grades: [3, 4, 4, 4],
    // 236 I1 | 236 I6 | 236 ⌈6·2.36=14.16⌉=15 | 236 ⌈15·2.36=35.4⌉=36
    intervals: [1, 6, 15, 36],
    easiness: [2.36, 2.36, 2.36, 2.36],
  },
  {
    reason: "a lapse restarts at 1, 6 rather than resuming; EF keeps rising after it",
    grades: [5, 5, 2, 5, 5, 5],
    // 260 I1 | 270 I6 | q2: n0 I1 EF 270 | 280 I1 | 290 I6 | 300 ⌈6·3.0=18⌉=18
    intervals: [1, 6, 1, 1, 6, 18],
    easiness: [2.6, 2.7, 2.7, 2.8, 2.9, 3],
    repetitions: [1, 2, 0, 1, 2, 3],
  },
  {
    reason: "no upper cap on EF; exact products (50·3.0, 150·3.1) are not rounded up",
    grades: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    // 260 I1 | 270 I6 | 280 ⌈16.8⌉=17 | 290 ⌈17·2.9=49.3⌉=50 | 300 50·3=150 | 310 150·3.1=465 | 320 465·3.2=1488
    // | 330 ⌈1488·3.3=4910.4⌉=4911 | 340 ⌈4911·3.4=16697.4⌉=16698 | 350 16698·3.5=58443
    intervals: [1, 6, 17, 50, 150, 465, 1488, 4911, 16698, 58443],
    easiness: [2.6, 2.7, 2.8, 2.9, 3, 3.1, 3.2, 3.3, 3.4, 3.5],
  },
  {
    reason: "two lapses in a row keep EF; the next pass starts over at n = 1",
    grades: [4, 3, 5, 0, 0, 3],
    // 250 I1 | 236 I6 | 246 ⌈6·2.46=14.76⌉=15 | q0: n0 I1 246 | q0: n0 I1 246 | 232 n1 I1
    intervals: [1, 6, 15, 1, 1, 1],
    easiness: [2.5, 2.36, 2.46, 2.46, 2.46, 2.32],
    repetitions: [1, 2, 3, 0, 0, 1],
  },
];

describe("SM-2 golden sequences", () => {
  it.each(GOLDEN)("$reason", ({ grades, intervals, easiness, repetitions }) => {
    const states = replaySm2(grades);
    expect(states.map((state) => state.interval)).toEqual(intervals);
    expect(states.map(easinessOf)).toEqual(easiness);
    if (repetitions) expect(states.map((state) => state.repetition)).toEqual(repetitions);
  });
});

describe("applySm2", () => {
  it("starts from n = 0, EF = 2.5, no interval", () => {
    expect(INITIAL_SM2_STATE).toEqual({ repetition: 0, easinessHundredths: 250, interval: null });
    expect(INITIAL_EASINESS_HUNDREDTHS).toBe(250);
    expect(MINIMUM_EASINESS_HUNDREDTHS).toBe(130);
  });

  it.each<[Grade, number, string]>([
    [5, 10, "0.1 − 0·(0.08 + 0) = +0.10"],
    [4, 0, "0.1 − 1·(0.08 + 0.02) = 0"],
    [3, -14, "0.1 − 2·(0.08 + 0.04) = −0.14"],
    [2, -32, "0.1 − 3·(0.08 + 0.06) = −0.32 (never applied)"],
    [1, -54, "0.1 − 4·(0.08 + 0.08) = −0.54 (never applied)"],
    [0, -80, "0.1 − 5·(0.08 + 0.10) = −0.80 (never applied)"],
  ])("ΔEF(%i) = %i hundredths: %s", (grade, delta) => {
    expect(easinessDeltaHundredths(grade)).toBe(delta);
  });

  it("returns a new frozen state and leaves its input alone", () => {
    const before: Sm2State = { repetition: 2, easinessHundredths: 250, interval: 6 };
    const after = applySm2(before, 5);
    expect(before).toEqual({ repetition: 2, easinessHundredths: 250, interval: 6 });
    expect(after).toEqual({ repetition: 3, easinessHundredths: 260, interval: 16 }); // ⌈6·2.6 = 15.6⌉
    expect(Object.isFrozen(after)).toBe(true);
  });

  it.each([6, -1, 2.5, Number.NaN, "5", null, undefined])("rejects grade %s", (grade) => {
    expect(() => applySm2(INITIAL_SM2_STATE, grade as Grade)).toThrow(InvalidGradeError);
    expect(() => applySm2(INITIAL_SM2_STATE, grade as Grade)).toThrow(/grade must be an integer from 0 to 5/);
  });

  it("parses grades", () => {
    expect(parseGrade(0)).toBe(0);
    expect(parseGrade(5)).toBe(5);
    expect(isGrade(3)).toBe(true);
    expect(isGrade(3.0001)).toBe(false);
    expect(() => parseGrade("4")).toThrow('got "4"');
  });

  it.each<[Sm2State, string]>([
    [{ repetition: -1, easinessHundredths: 250, interval: 1 }, "negative repetition"],
    [{ repetition: 1, easinessHundredths: 129, interval: 1 }, "EF below the floor"],
    [{ repetition: 1, easinessHundredths: 250.5, interval: 1 }, "EF not in whole hundredths"],
    [{ repetition: 2, easinessHundredths: 250, interval: null }, "repetitions without an interval"],
    [{ repetition: 3, easinessHundredths: 250, interval: 0 }, "zero interval"],
    [{ repetition: 3, easinessHundredths: 250, interval: 1.5 }, "fractional interval"],
  ])("rejects a corrupt state: %j (%s)", (state) => {
    expect(() => applySm2(state, 5)).toThrow(InvalidSm2StateError);
    expect(() => assertSm2State(state)).toThrow(InvalidSm2StateError);
  });

  it("refuses to round an interval beyond exact integers (24 perfect reviews fit, 25 do not)", () => {
    expect(replaySm2(Array<Grade>(24).fill(5)).at(-1)?.interval).toBe(34_403_727_184_612);
    expect(() => replaySm2(Array<Grade>(25).fill(5))).toThrow(/exceeds exact integer range/);
  });
});

describe("dueDay", () => {
  it.each([
    [19_800, 1, 19_801, "reviewed today, due tomorrow"],
    [19_800, 6, 19_806, "second interval"],
    [-3, 15, 12, "days before 1970 work the same"],
  ])("dueDay(%i, %i) = %i: %s", (day, interval, due) => {
    expect(dueDay(day, interval)).toBe(due);
  });

  it.each([
    [1.5, 1],
    [10, 0],
    [10, 2.5],
  ])("rejects dueDay(%s, %s)", (day, interval) => {
    expect(() => dueDay(day, interval)).toThrow(RangeError);
  });
});

const grade = fc.integer({ min: 0, max: 5 }) as fc.Arbitrary<Grade>;
// 23 perfect reviews stay within exact integers; longer streaks are refused (tested above).
const grades = fc.array(grade, { maxLength: 22 });

function pairs(gradeList: readonly Grade[]): { before: Sm2State; grade: Grade; after: Sm2State }[] {
  const states = [INITIAL_SM2_STATE, ...replaySm2(gradeList)];
  return gradeList.map((q, index) => ({ before: states[index]!, grade: q, after: states[index + 1]! }));
}

describe("SM-2 invariants (fast-check)", () => {
  it("EF ≥ 1.3 always, in whole hundredths", () => {
    fc.assert(
      fc.property(grades, (list) => {
        for (const state of replaySm2(list)) {
          expect(Number.isInteger(state.easinessHundredths)).toBe(true);
          expect(state.easinessHundredths).toBeGreaterThanOrEqual(MINIMUM_EASINESS_HUNDREDTHS);
        }
      }),
    );
  });

  it("EF changes only on q ≥ 3, by +0.10, 0, −0.14 or down to the floor — always a multiple of 0.02", () => {
    fc.assert(
      fc.property(grades, (list) => {
        for (const { before, grade: q, after } of pairs(list)) {
          const delta = after.easinessHundredths - before.easinessHundredths;
          if (q < 3) expect(delta).toBe(0);
          else if (after.easinessHundredths > MINIMUM_EASINESS_HUNDREDTHS) expect(delta).toBe(easinessDeltaHundredths(q));
          else expect(delta).toBeLessThanOrEqual(0);
          expect(Math.abs(delta) % 2).toBe(0);
        }
      }),
    );
  });

  it("EF has no upper cap: k perfect reviews give 2.5 + 0.1·k", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 22 }), (k) => {
        expect(replaySm2(Array<Grade>(k).fill(5)).at(-1)?.easinessHundredths).toBe(250 + 10 * k);
      }),
    );
  });

  it("after any review the interval is a whole number of days ≥ 1", () => {
    fc.assert(
      fc.property(grades, (list) => {
        for (const state of replaySm2(list)) {
          expect(Number.isSafeInteger(state.interval)).toBe(true);
          expect(state.interval).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it("q < 3 → n = 0, I = 1, EF unchanged; q ≥ 3 → n + 1", () => {
    fc.assert(
      fc.property(grades, (list) => {
        for (const { before, grade: q, after } of pairs(list)) {
          if (q < 3) expect(after).toEqual({ ...before, repetition: 0, interval: 1 });
          else expect(after.repetition).toBe(before.repetition + 1);
        }
      }),
    );
  });

  it("I(1) = 1, I(2) = 6, and I(n) = ⌈I(n−1)·EF′⌉ with the updated EF (checked as the definition of ceiling)", () => {
    fc.assert(
      fc.property(grades, (list) => {
        for (const { before, grade: q, after } of pairs(list)) {
          if (q < 3) continue;
          if (after.repetition === 1) expect(after.interval).toBe(1);
          else if (after.repetition === 2) expect(after.interval).toBe(6);
          else {
            const exact = (before.interval ?? Number.NaN) * after.easinessHundredths; // I·EF′ × 100
            const interval = after.interval ?? Number.NaN;
            expect(interval * 100).toBeGreaterThanOrEqual(exact);
            expect((interval - 1) * 100).toBeLessThan(exact);
          }
        }
      }),
    );
  });

  it("intervals grow across consecutive q ≥ 3 reviews from n ≥ 2", () => {
    fc.assert(
      fc.property(grades, (list) => {
        for (const { before, grade: q, after } of pairs(list)) {
          if (q >= 3 && before.repetition >= 2) {
            expect(after.interval ?? 0).toBeGreaterThan(before.interval ?? Number.POSITIVE_INFINITY);
          }
        }
      }),
    );
  });

  it("is a function of (state, grade): replaying from any prefix gives the same states", () => {
    fc.assert(
      fc.property(grades, grades, (head, tail) => {
        const whole = replaySm2([...head, ...tail]);
        const start = head.length === 0 ? INITIAL_SM2_STATE : replaySm2(head).at(-1)!;
        expect(replaySm2(tail, start)).toEqual(whole.slice(head.length));
      }),
    );
  });
});
