/**
 * Calendar day numbers in a user's time zone: SM-2 schedules in whole days ("the next due date is the
 * review's day plus I days, days counted in the user's time zone"), so the scheduler works on integer
 * day numbers and converts at the edges.
 *
 * $$\text{day}(t, z) = \text{days from 1970-01-01 to the local calendar date of instant } t \text{ in zone } z$$
 *
 * Local dates come from `Intl.DateTimeFormat` (ICU's copy of the IANA tz database), in the proleptic
 * Gregorian calendar. Nothing here reads the clock: the instant is always passed in.
 */

export const MILLISECONDS_PER_DAY = 86_400_000;
const MILLISECONDS_PER_SECOND = 1000;
/** Farther than any UTC offset ever used (tzdb's extremes are about ±15 h), so a search window of ±36 h is safe. */
const SEARCH_WINDOW_SECONDS = 36 * 3600;
/** `Date` holds instants within ±8.64e15 ms of the epoch: ±100,000,000 days. */
const MAXIMUM_DATE_MILLISECONDS = 8.64e15;
/**
 * The last day {@link startOfDay} converts: two days inside Date's range, so that local midnight in
 * any zone (UTC±15 h) and the search around it stay representable. The first day mirrors it.
 */
export const LATEST_DATE_DAY = MAXIMUM_DATE_MILLISECONDS / MILLISECONDS_PER_DAY - 2;
export const EARLIEST_DATE_DAY = -LATEST_DATE_DAY;

/** A time zone that `Intl` does not know. */
export class InvalidTimeZoneError extends RangeError {
  constructor(readonly timeZone: unknown) {
    super(
      `unknown time zone ${typeof timeZone === "string" ? JSON.stringify(timeZone) : String(timeZone)}: ` +
        `expected an IANA name such as "Asia/Seoul" or "America/New_York"`,
    );
    this.name = "InvalidTimeZoneError";
  }
}

// Formatters are costly to build and immutable, so one per zone is kept; the cache is invisible to
// callers (results depend only on the arguments).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  // Intl falls back to the host's zone for undefined and accepts a few non-strings; refuse them here.
  if (typeof timeZone !== "string" || timeZone.trim() === "") throw new InvalidTimeZoneError(timeZone);
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
  } catch (error) {
    if (error instanceof RangeError) throw new InvalidTimeZoneError(timeZone);
    throw error;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Throws {@link InvalidTimeZoneError} unless `timeZone` is a zone `Intl` knows. */
export function assertTimeZone(timeZone: unknown): asserts timeZone is string {
  formatterFor(timeZone as string);
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  try {
    assertTimeZone(timeZone);
    return true;
  } catch (error) {
    if (error instanceof InvalidTimeZoneError) return false;
    throw error;
  }
}

/** The canonical spelling of a zone ("asia/seoul" → "Asia/Seoul"), for storing a user's choice. */
export function canonicalTimeZone(timeZone: string): string {
  return formatterFor(timeZone).resolvedOptions().timeZone;
}

/**
 * Days from 1970-01-01 to the proleptic Gregorian date (year, month 1–12, day 1–31), in integers
 * (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil), so years 0–99 are not
 * misread as 1900–1999 the way `Date.UTC` reads them.
 */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The proleptic Gregorian date of a day number (inverse of {@link civilToDayNumber}; civil_from_days). */
export function dayNumberToCivil(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** "2024-03-10" for a day number (years 0–9999), for logs, heatmaps and tests. */
export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = dayNumberToCivil(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day number of an ISO calendar date "YYYY-MM-DD"; throws RangeError for anything else. */
export function parseDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const dayNumber = civilToDayNumber(year, month, day);
    if (formatDayNumber(dayNumber) === isoDate) return dayNumber;
  }
  throw new RangeError(`expected a calendar date YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
}

interface WallClock {
  dayNumber: number;
  /** Seconds since local midnight of `dayNumber`. */
  secondOfDay: number;
}

function wallClock(milliseconds: number, timeZone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(milliseconds)) fields[part.type] = part.value;
  const year = Number(fields.year);
  return {
    dayNumber: civilToDayNumber(fields.era === "BC" ? 1 - year : year, Number(fields.month), Number(fields.day)),
    secondOfDay: Number(fields.hour) * 3600 + Number(fields.minute) * 60 + Number(fields.second),
  };
}

function assertInstant(instant: Date): number {
  const milliseconds = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(milliseconds)) throw new RangeError("instant must be a valid Date");
  return milliseconds;
}

/** The local calendar day of `instant` in `timeZone`, as days since 1970-01-01. */
export function dayNumber(instant: Date, timeZone: string): number {
  return wallClock(assertInstant(instant), timeZone).dayNumber;
}

function dayAtSecond(second: number, timeZone: string): number {
  return wallClock(second * MILLISECONDS_PER_SECOND, timeZone).dayNumber;
}

/**
 * The instant local day `day` begins in `timeZone`: local midnight, or — where a DST change skips
 * midnight (America/Sao_Paulo on 2018-11-04 jumped from 00:00 to 01:00) — the first instant that is
 * on that day. A day a zone skipped altogether (Pacific/Apia, 2011-12-30) begins when the next day
 * begins. Formally, the earliest instant t with dayNumber(t, timeZone) ≥ day.
 */
export function startOfDay(day: number, timeZone: string): Date {
  if (!Number.isSafeInteger(day)) throw new RangeError(`day must be an integer day number, got ${day}`);
  if (day > LATEST_DATE_DAY || day < EARLIEST_DATE_DAY) throw new RangeError(`day ${day} is outside the range of Date`);
  const nominalSecond = day * (MILLISECONDS_PER_DAY / MILLISECONDS_PER_SECOND);
  assertTimeZone(timeZone);
  const isStart = (second: number) =>
    dayAtSecond(second, timeZone) >= day && dayAtSecond(second - 1, timeZone) < day;

  // Fast path: local midnight minus the UTC offset in force then (offsets are whole seconds in tzdb).
  const offsetAt = (second: number) => {
    const local = wallClock(second * MILLISECONDS_PER_SECOND, timeZone);
    return local.dayNumber * 86_400 + local.secondOfDay - second;
  };
  let candidate = nominalSecond - offsetAt(nominalSecond);
  if (!isStart(candidate)) candidate = nominalSecond - offsetAt(candidate);
  if (isStart(candidate)) return new Date(candidate * MILLISECONDS_PER_SECOND);

  // Midnight fell in a DST gap or the day was skipped: bisect for the first second on or after `day`
  // (local dates only move forward, so dayAtSecond is non-decreasing in the window).
  let low = nominalSecond - SEARCH_WINDOW_SECONDS; // surely before the day
  let high = nominalSecond + SEARCH_WINDOW_SECONDS; // surely on or after it
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (dayAtSecond(middle, timeZone) >= day) high = middle;
    else low = middle;
  }
  return new Date(high * MILLISECONDS_PER_SECOND);
}

/**
 * `day` moved into the range {@link startOfDay} converts, for showing a date. SM-2 has no upper
 * bound on the interval: about 16 reviews in a row graded 5 schedule a card past Date's last day
 * (year 275760). The day number itself is stored as computed; only its display is clamped, so such
 * a card reads "due on the last date there is" rather than failing the page.
 */
export function clampToDateRange(day: number): number {
  return Math.min(LATEST_DATE_DAY, Math.max(EARLIEST_DATE_DAY, day));
}
