/**
 * A stored instant as the reader's own clock shows it: in their language and in the time zone
 * saved with their account (the browser's, at registration). Server components render on a
 * machine set to UTC, so without the zone a student in Seoul saw their exam nine hours early.
 */
export function formatWhen(iso: string, locale: string, timeZone: string, style: "date" | "dateTime" = "dateTime"): string {
  const options: Intl.DateTimeFormatOptions = style === "date" ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(iso));
  } catch {
    // An unknown zone name (an old account, a renamed zone): UTC rather than a broken page.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(iso));
  }
}
