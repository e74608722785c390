export const locales = ["ko", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "en";
/** The cookie next-intl's own routing uses; we keep its name for the chosen UI language. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The UI language: an explicit choice (cookie) wins; otherwise the browser's Accept-Language,
 * taking the first listed language we have (by q-value order); otherwise English.
 */
export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null): AppLocale {
  if (isAppLocale(cookieValue)) return cookieValue;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, position) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? "1");
      return { language: tag.toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, position };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.position - b.position);
  return ranked.map((entry) => entry.language).find(isAppLocale) ?? defaultLocale;
}
