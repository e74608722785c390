import { describe, expect, it } from "vitest";
import { introductionOrder, parametricQuota } from "./introduction-order";

/** "P3" is parametric, "c1" conceptual; the number is the course position. */
const order = (course: string) =>
  introductionOrder(course.split(" "), (id) => id.startsWith("P")).join(" ");

describe("introductionOrder", () => {
  it.each([
    // course order                                  introduction order                          reason
    ["c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 P12 P13 P14", "c1 c2 P12 c3 P13 c4 c5 P14 c6 c7 c8 c9 c10 c11", "first parametric card at 12 comes 3rd, the next 5th"],
    ["P1 P2 c3 c4 c5 c6", "P1 P2 c3 c4 c5 c6", "already parametric early: course order kept"],
    ["c1 c2 c3 c4 c5 c6 P7", "c1 c2 P7 c3 c4 c5 c6", "one parametric card: brought to 3rd, then conceptual in order"],
    ["c1 c2 c3", "c1 c2 c3", "no parametric card: unchanged"],
    ["P1 P2 P3 P4", "P1 P2 P3 P4", "only parametric cards: unchanged"],
    ["c1 P2 c3 c4 c5 c6 c7 c8 P9", "c1 P2 c3 c4 P9 c5 c6 c7 c8", "second one pulled to 5th"],
    ["", "", "empty deck"],
  ])("%s → %s (%s)", (course, expected) => {
    expect(order(course)).toBe(expected);
  });

  it("keeps each kind in course order and every card once, for every mix of up to 12 cards", () => {
    for (let mask = 0; mask < 1 << 12; mask += 1) {
      const course = Array.from({ length: 12 }, (_, i) => ((mask >> i) & 1 ? `P${i}` : `c${i}`));
      const result = introductionOrder(course, (id) => id.startsWith("P"));
      expect([...result].sort()).toEqual([...course].sort());
      const kind = (prefix: string) => (list: string[]) => list.filter((id) => id.startsWith(prefix));
      expect(kind("P")(result)).toEqual(kind("P")(course));
      expect(kind("c")(result)).toEqual(kind("c")(course));
      const parametricTotal = kind("P")(course).length;
      // Every prefix meets the quota as far as the parametric cards reach.
      for (let n = 1; n <= result.length; n += 1) {
        const have = kind("P")(result.slice(0, n)).length;
        expect(have).toBeGreaterThanOrEqual(Math.min(parametricQuota(n), parametricTotal));
      }
    }
  });

  it("asks for 2 parametric cards among the first 5", () => {
    expect([1, 2, 3, 4, 5, 10].map(parametricQuota)).toEqual([0, 0, 1, 1, 2, 4]);
  });
});
