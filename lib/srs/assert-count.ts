/** The scheduler's counts and limits are whole numbers of cards: anything else is a caller's bug, named. */
export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}
