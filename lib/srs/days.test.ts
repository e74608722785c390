import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertTimeZone,
  canonicalTimeZone,
  clampToDateRange,
  civilToDayNumber,
  dayNumber,
  dayNumberToCivil,
  EARLIEST_DATE_DAY,
  formatDayNumber,
  InvalidTimeZoneError,
  isValidTimeZone,
  LATEST_DATE_DAY,
  MILLISECONDS_PER_DAY,
  parseDayNumber,
  startOfDay,
} from "./days";

const HOUR = 3_600_000;

describe("calendar arithmetic", () => {
  it.each([
    ["1970-01-01", 0, "the epoch"],
    ["1969-12-31", -1, "the day before"],
    ["2000-02-29", 11_016, "leap day of a century divisible by 400"],
    ["2024-03-10", 19_792, "a US DST day"],
    ["0001-01-01", -719_162, "years below 100 are not read as 19xx"],
  ])("%s is day %i (%s)", (iso, day) => {
    expect(parseDayNumber(iso)).toBe(day);
    expect(formatDayNumber(day)).toBe(iso);
  });

  it.each(["2023-02-29", "1900-02-29", "2024-13-01", "2024-1-1", "yesterday"])("rejects %s", (text) => {
    expect(() => parseDayNumber(text)).toThrow(RangeError);
  });

  it("agrees with Date's UTC calendar and round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (day) => {
        const { year, month, day: dayOfMonth } = dayNumberToCivil(day);
        expect(civilToDayNumber(year, month, dayOfMonth)).toBe(day);
        const utc = new Date(day * MILLISECONDS_PER_DAY);
        expect([utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()]).toEqual([year, month, dayOfMonth]);
      }),
    );
  });
});

describe("dayNumber", () => {
  it.each([
    ["2023-12-31T15:00:00Z", "Asia/Seoul", "2024-01-01", "Seoul is UTC+9: 15:00Z is local midnight"],
    ["2023-12-31T14:59:59Z", "Asia/Seoul", "2023-12-31", "one second earlier is still the old year"],
    ["2023-12-31T15:00:00Z", "America/New_York", "2023-12-31", "10:00 in New York"],
    ["2024-03-10T06:59:59Z", "America/New_York", "2024-03-10", "01:59:59 EST, just before the jump"],
    ["2024-03-10T07:00:00Z", "America/New_York", "2024-03-10", "03:00 EDT, just after"],
    ["2024-11-03T05:30:00Z", "America/New_York", "2024-11-03", "01:30 EDT, the first of two"],
    ["2024-11-03T06:30:00Z", "America/New_York", "2024-11-03", "01:30 EST, the second"],
    ["2011-12-30T09:59:59Z", "Pacific/Apia", "2011-12-29", "last second of Samoa's 29 December"],
    ["2011-12-30T10:00:00Z", "Pacific/Apia", "2011-12-31", "next second is 31 December: the 30th never happened"],
    ["1970-01-01T00:00:00Z", "UTC", "1970-01-01", "epoch"],
  ])("%s in %s is %s (%s)", (instant, timeZone, iso) => {
    expect(formatDayNumber(dayNumber(new Date(instant), timeZone))).toBe(iso);
  });

  it("rejects an invalid Date", () => {
    expect(() => dayNumber(new Date(Number.NaN), "UTC")).toThrow(/valid Date/);
  });
});

describe("startOfDay", () => {
  // [zone, local date, instant it starts, hours in that local day, why]
  it.each([
    ["America/New_York", "2024-03-10", "2024-03-10T05:00:00.000Z", 23, "spring forward at 02:00: a 23-hour day"],
    ["America/New_York", "2024-11-03", "2024-11-03T04:00:00.000Z", 25, "fall back at 02:00: a 25-hour day"],
    ["America/New_York", "2024-07-01", "2024-07-01T04:00:00.000Z", 24, "summer: UTC−4"],
    ["Asia/Seoul", "2024-01-01", "2023-12-31T15:00:00.000Z", 24, "UTC+9, no DST since 1988"],
    ["Asia/Seoul", "1987-05-10", "1987-05-09T15:00:00.000Z", 23, "Korea's 1987 DST began at 02:00"],
    ["Pacific/Apia", "2011-12-29", "2011-12-29T10:00:00.000Z", 24, "UTC−10 before Samoa crossed the date line"],
    ["Pacific/Apia", "2011-12-30", "2011-12-30T10:00:00.000Z", 0, "skipped day: begins when the 31st begins"],
    ["Pacific/Apia", "2011-12-31", "2011-12-30T10:00:00.000Z", 24, "UTC+14 after"],
    ["America/Sao_Paulo", "2018-11-04", "2018-11-04T03:00:00.000Z", 23, "DST began at midnight: the day starts at 01:00"],
    ["America/Havana", "2024-03-10", "2024-03-10T05:00:00.000Z", 23, "Cuba springs forward at midnight too"],
    ["America/Santiago", "2024-04-06", "2024-04-06T03:00:00.000Z", 25, "Chile falls back at 24:00: the Saturday has 25 hours"],
    ["America/Santiago", "2024-09-08", "2024-09-08T04:00:00.000Z", 23, "and springs forward at 24:00: Sunday starts at 01:00"],
    ["Asia/Beirut", "2024-03-31", "2024-03-30T22:00:00.000Z", 23, "Lebanon's DST begins at midnight"],
    ["Australia/Lord_Howe", "2024-10-06", "2024-10-05T13:30:00.000Z", 23.5, "a half-hour DST shift"],
    ["Asia/Kathmandu", "2024-01-01", "2023-12-31T18:15:00.000Z", 24, "UTC+5:45"],
    ["Pacific/Kiritimati", "2024-01-01", "2023-12-31T10:00:00.000Z", 24, "UTC+14, the earliest zone"],
    ["Etc/GMT+12", "2024-01-01", "2024-01-01T12:00:00.000Z", 24, "UTC−12, the latest zone (POSIX sign)"],
    ["UTC", "1970-01-01", "1970-01-01T00:00:00.000Z", 24, "epoch"],
  ])("%s %s starts at %s and lasts %s h (%s)", (timeZone, iso, start, hours) => {
    const day = parseDayNumber(iso);
    const begins = startOfDay(day, timeZone);
    expect(begins.toISOString()).toBe(start);
    expect((startOfDay(day + 1, timeZone).getTime() - begins.getTime()) / HOUR).toBe(hours);
  });

  const ZONES = [
    "UTC",
    "America/New_York",
    "Asia/Seoul",
    "Pacific/Apia",
    "America/Sao_Paulo",
    "America/Havana",
    "America/Santiago",
    "Asia/Beirut",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Europe/London",
  ];
  // 1900-01-01 .. 2100-01-01: covers historical rules, LMT offsets in seconds, and future rules.
  const instants = fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 });

  it("every instant lies in [startOfDay(d), startOfDay(d + 1)) of its own day d", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (milliseconds, timeZone) => {
        const day = dayNumber(new Date(milliseconds), timeZone);
        expect(startOfDay(day, timeZone).getTime()).toBeLessThanOrEqual(milliseconds);
        expect(startOfDay(day + 1, timeZone).getTime()).toBeGreaterThan(milliseconds);
      }),
      { numRuns: 300 },
    );
  });

  it("startOfDay(d) is on day d (or the next day, if d was skipped) and the instant before it is not", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (milliseconds, timeZone) => {
        const day = Math.floor(milliseconds / MILLISECONDS_PER_DAY);
        const begins = startOfDay(day, timeZone);
        expect(dayNumber(begins, timeZone)).toBeGreaterThanOrEqual(day);
        expect(dayNumber(new Date(begins.getTime() - 1), timeZone)).toBeLessThan(day);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects a day Date cannot hold or that is not an integer", () => {
    expect(() => startOfDay(100_000_000, "UTC")).toThrow(/outside the range of Date/);
    expect(() => startOfDay(LATEST_DATE_DAY + 1, "UTC")).toThrow(/outside the range of Date/);
    expect(() => startOfDay(EARLIEST_DATE_DAY - 1, "UTC")).toThrow(/outside the range of Date/);
    expect(() => startOfDay(1.5, "UTC")).toThrow(/integer day number/);
  });

  it("converts the first and the last day of the range in every zone", () => {
    for (const timeZone of ["UTC", "Pacific/Kiritimati", "Etc/GMT+12", "Asia/Seoul"]) {
      expect(startOfDay(LATEST_DATE_DAY, timeZone).getTime()).not.toBeNaN();
      expect(startOfDay(EARLIEST_DATE_DAY, timeZone).getTime()).not.toBeNaN();
    }
    expect(startOfDay(LATEST_DATE_DAY, "UTC").toISOString()).toBe("+275760-09-11T00:00:00.000Z");
  });
});

describe("clampToDateRange (display of far-future due days)", () => {
  it.each([
    [0, 0, "the epoch"],
    [LATEST_DATE_DAY, LATEST_DATE_DAY, "the last convertible day is kept"],
    [LATEST_DATE_DAY + 1, LATEST_DATE_DAY, "one day past it"],
    [189_203_668 + 20_000, LATEST_DATE_DAY, "16 grades of 5 in a row: interval 189,203,668 days"],
    [Number.MAX_SAFE_INTEGER, LATEST_DATE_DAY, "the largest day SM-2 can compute exactly"],
    [EARLIEST_DATE_DAY - 1, EARLIEST_DATE_DAY, "and the same below"],
  ])("%i → %i (%s)", (day, clamped) => {
    expect(clampToDateRange(day)).toBe(clamped);
  });

  it("gives startOfDay a day it converts, for any safe integer day and zone", () => {
    fc.assert(
      fc.property(
        // Within ten times Date's range, and anywhere among the safe integers (the edges are in the table above).
        fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.maxSafeInteger()),
        fc.constantFrom("UTC", "Asia/Seoul", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12"),
        (day, timeZone) => {
          const shown = clampToDateRange(day);
          expect(Number.isNaN(startOfDay(shown, timeZone).getTime())).toBe(false);
          if (day >= EARLIEST_DATE_DAY && day <= LATEST_DATE_DAY) expect(shown).toBe(day);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("time zone validation", () => {
  it.each(["Mars/Olympus_Mons", "", " ", "EST5EDT4", "+25:00"])("rejects %j with a clear error", (timeZone) => {
    expect(() => dayNumber(new Date(0), timeZone)).toThrow(InvalidTimeZoneError);
    expect(() => startOfDay(0, timeZone)).toThrow(/unknown time zone .*expected an IANA name/);
    expect(isValidTimeZone(timeZone)).toBe(false);
  });

  it("rejects a missing zone instead of using the host's", () => {
    expect(() => assertTimeZone(undefined)).toThrow(InvalidTimeZoneError);
    expect(() => dayNumber(new Date(0), null as unknown as string)).toThrow(InvalidTimeZoneError);
  });

  it("accepts IANA names in any case and canonicalises them", () => {
    expect(isValidTimeZone("asia/seoul")).toBe(true);
    expect(canonicalTimeZone("asia/seoul")).toBe("Asia/Seoul");
  });
});
