/**
 * The exam clock in the browser (pure): the server's deadline, corrected for the difference between
 * the server's clock and this one, and the moments worth announcing to screen readers (not every
 * second: a polite message at a few thresholds).
 */

/** Milliseconds left, never negative. `offsetMs` = server clock − browser clock when the exam was read. */
export function remainingMs(deadlineAt: string, browserNow: number, offsetMs: number): number {
  return Math.max(0, Date.parse(deadlineAt) - (browserNow + offsetMs));
}

/** "4:05", "1:02:03". Rounds up, so "0:00" only shows when time is really up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** Seconds left at which the time is announced. */
export const ANNOUNCE_AT_SECONDS = [30 * 60, 10 * 60, 5 * 60, 2 * 60, 60, 30, 10] as const;

/**
 * The threshold crossed between two readings of the clock (the largest one), or null. Crossing
 * several at once (a tab in the background) announces only the latest.
 */
export function crossedThreshold(previousMs: number, currentMs: number): number | null {
  const before = Math.ceil(previousMs / 1000);
  const now = Math.ceil(currentMs / 1000);
  let crossed: number | null = null;
  for (const threshold of ANNOUNCE_AT_SECONDS) if (before > threshold && now <= threshold) crossed = threshold;
  return crossed;
}
