import "server-only";
import { formatDayNumber } from "@/lib/srs";

/**
 * The arithmetic of the progress page, on day numbers (days since 1970-01-01 in the user's time
 * zone): streaks, weekly buckets, the heatmap's window. Pure, so it is tested without a database.
 */

export interface DayCount {
  day: number;
  count: number;
}

export interface Streaks {
  /** Consecutive days with a review, ending today (or yesterday when today has none yet). */
  current: number;
  longest: number;
  reviewedToday: boolean;
}

/** `days` are the day numbers with at least one review, in any order. */
export function streaks(days: Iterable<number>, today: number): Streaks {
  const set = new Set(days);
  const sorted = [...set].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let previous: number | null = null;
  for (const day of sorted) {
    run = previous !== null && day === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const reviewedToday = set.has(today);
  let current = 0;
  // A streak is still alive today until the day ends without a review.
  for (let day = reviewedToday ? today : today - 1; set.has(day); day -= 1) current += 1;
  return { current, longest, reviewedToday };
}

/** Monday of the week holding `day` (1970-01-01 was a Thursday, day 0). */
export function weekStart(day: number): number {
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday
  return day - weekday;
}

/** The first day of the heatmap: the Monday 52 weeks before this week's (a full year of columns). */
export function heatmapStart(today: number): number {
  return weekStart(today) - 52 * 7;
}

export const isoDate = formatDayNumber;

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export interface RetentionPoint {
  reviews: number;
  retained: number;
}

/** Share retained, or null when nothing was reviewed (no 0/0 = 0 that would look like failure). */
export function rate(point: RetentionPoint): number | null {
  return point.reviews === 0 ? null : point.retained / point.reviews;
}

/** Sums per-day retention into weeks (Monday first), from `fromDay` to `today` inclusive, empty weeks kept. */
export function weeklyRetention(perDay: ReadonlyMap<number, RetentionPoint>, fromDay: number, today: number): { weekStart: number; reviews: number; retained: number }[] {
  const weeks: { weekStart: number; reviews: number; retained: number }[] = [];
  for (let start = weekStart(fromDay); start <= today; start += 7) {
    let reviews = 0;
    let retained = 0;
    for (let day = start; day < start + 7 && day <= today; day += 1) {
      const point = perDay.get(day);
      if (point) {
        reviews += point.reviews;
        retained += point.retained;
      }
    }
    weeks.push({ weekStart: start, reviews, retained });
  }
  return weeks;
}
