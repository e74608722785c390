/** Text in both of the app's languages; experiments, settings and results carry both. */
export type Locale = "ko" | "en";

export interface Localized {
  ko: string;
  en: string;
}

/** 0.0123 → "0.012", 235146 → "235,146", 0.9712 → "97.1%" (percent). Same digits in both locales. */
export function formatValue(value: number, style: "decimal" | "integer" | "percent" = "decimal"): string {
  if (!Number.isFinite(value)) return String(value);
  if (style === "integer") return Math.round(value).toLocaleString("en-US");
  if (style === "percent") return `${(value * 100).toFixed(1)}%`;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && magnitude < 0.001) return value.toExponential(1);
  if (magnitude >= 100) return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return value.toLocaleString("en-US", { maximumSignificantDigits: 2, minimumSignificantDigits: 2 });
}

/** "1 epoch", "3 epochs" (English only: Korean nouns do not inflect). */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
