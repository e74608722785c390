/**
 * The value a response was read as, shown the way the expected answer is: whole numbers grouped
 * by thousands in the UI language ("1234" → "1,234"), anything else as it was read. The API keeps
 * the plain canonical form; grouping is only for the eye, next to an expected "2,400".
 */
export function readAsForDisplay(value: string, locale: "ko" | "en"): string {
  if (!/^-?\d{4,15}$/.test(value)) return value;
  return new Intl.NumberFormat(locale).format(Number(value));
}
