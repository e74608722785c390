import type { AppLocale } from "@/lib/i18n/config";

/** The app's languages (lib/i18n/config), under the name the simulation code uses. */
export type Locale = AppLocale;

/** Text in both of the app's languages; experiments, settings and results carry both. */
export interface Localized {
  ko: string;
  en: string;
}

// Building an Intl.NumberFormat is costly and the formats are few: one per locale and style.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, style: "integer" | "large" | "small"): Intl.NumberFormat {
  const key = `${locale}:${style}`;
  let format = numberFormats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      style === "integer" ? { maximumFractionDigits: 0 } : style === "large" ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 2, minimumSignificantDigits: 2 };
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * 0.0123 → "0.012", 235146 → "235,146", 0.9712 → "97.1%" (percent), in the reader's locale (Korean
 * and English group and mark decimals alike, so the digits are the same in both).
 */
export function formatValue(value: number, style: "decimal" | "integer" | "percent" = "decimal", locale: Locale = "en"): string {
  if (!Number.isFinite(value)) return String(value);
  if (style === "integer") return numberFormat(locale, "integer").format(Math.round(value));
  if (style === "percent") return `${(value * 100).toFixed(1)}%`;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && magnitude < 0.001) return value.toExponential(1);
  return numberFormat(locale, magnitude >= 100 ? "large" : "small").format(value);
}

/** A count for running text: 10000 → "10,000". */
export function formatCount(count: number, locale: Locale): string {
  return formatValue(count, "integer", locale);
}

/** "1 epoch", "3 epochs", "10,000 digits" (English only: Korean nouns do not inflect). */
export function countOf(count: number, noun: string): string {
  return `${formatCount(count, "en")} ${noun}${count === 1 ? "" : "s"}`;
}
