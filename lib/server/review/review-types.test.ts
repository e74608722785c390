import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeCard, LATEST_DATE_DAY, NEW_CARD_STATE, parseDayNumber, startOfDay, type CardState } from "@/lib/srs";
import { publicState } from "./review-types";

/** The card after `streak` reviews graded 5, each on its due day, the first on `firstDay`. */
function afterStreakOfFives(streak: number, firstDay: number): CardState {
  let state = NEW_CARD_STATE;
  let day = firstDay;
  for (let review = 0; review < streak; review++) {
    state = gradeCard(state, 5, day).next;
    day = state.dueDay ?? day;
  }
  return state;
}

const today = parseDayNumber("2026-11-27");

describe("publicState of a card scheduled beyond Date's range", () => {
  it("shows the last date there is, with the true interval, after 20 grades of 5", () => {
    const state = afterStreakOfFives(20, today);
    expect(state.interval).toBe(67_656_961_274); // stored as computed: SM-2 has no cap
    const shown = publicState(state, "Asia/Seoul", today);
    expect(shown.interval).toBe(67_656_961_274);
    expect(shown.dueAt).toBe(startOfDay(LATEST_DATE_DAY, "Asia/Seoul").toISOString());
    expect(shown.dueDate).toBe("275760-09-11");
  });

  it("leaves dates Date can hold alone (15 grades of 5: some 126,000 years)", () => {
    const state = afterStreakOfFives(15, today);
    expect(state.dueDay).toBeLessThan(LATEST_DATE_DAY);
    expect(publicState(state, "UTC", today).dueAt).toBe(startOfDay(state.dueDay ?? 0, "UTC").toISOString());
  });

  it("never throws, whatever the streak and the zone", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 23 }), fc.constantFrom("UTC", "Asia/Seoul", "Pacific/Kiritimati", "Etc/GMT+12"), (streak, timeZone) => {
        const shown = publicState(afterStreakOfFives(streak, today), timeZone, today);
        expect(Number.isNaN(Date.parse(shown.dueAt ?? ""))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
