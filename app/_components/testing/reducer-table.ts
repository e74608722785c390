import { expect, it } from "vitest";

/** One row of a reducer's table: a state, what happened, and the state it must lead to. */
export type ReducerRow<S, A> = [name: string, before: S, action: A, after: S];

/**
 * Tests a client component's reducer as a table of state × action → state, and that it never
 * changes the state it was given (React relies on a new object for every change).
 */
export function itFollowsTheTable<S, A>(reducer: (state: S, action: A) => S, table: ReducerRow<S, A>[]): void {
  it.each(table)("%s", (_name, before, action, after) => {
    expect(reducer(before, action)).toEqual(after);
  });

  it("never changes the state it was given", () => {
    for (const [, before, action] of table) {
      const copy = structuredClone(before);
      reducer(before, action);
      expect(before).toEqual(copy);
    }
  });
}
