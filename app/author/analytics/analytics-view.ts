import type { Locale } from "next-intl";
import type { getTranslations } from "next-intl/server";
import { formatWhen } from "@/app/_components/format-when";

export type AnalyticsTranslate = Awaited<ReturnType<typeof getTranslations<"analytics">>>;

/** What every section of the page formats with: the messages, the language, counts, dates and shares. */
export interface AnalyticsView {
  t: AnalyticsTranslate;
  lang: Locale;
  /** A count with the language's digit grouping (a large class reaches thousands of attempts). */
  count: (value: number) => string;
  /** A day in the instructor's time zone, or a dash. */
  date: (iso: string | null) => string;
}

export function analyticsView(t: AnalyticsTranslate, locale: Locale, timezone: string): AnalyticsView {
  const numbers = new Intl.NumberFormat(locale);
  return {
    t,
    lang: locale,
    count: (value) => numbers.format(value),
    date: (iso) => (iso ? formatWhen(iso, locale, timezone, "date") : "—"),
  };
}

export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** A reported variant's numbers as the editor's preview shows them: `p=64, K1=80`. */
export function paramList(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${Array.isArray(value) ? JSON.stringify(value) : String(value)}`)
    .join(", ");
}
