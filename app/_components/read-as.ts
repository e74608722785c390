import type { Locale } from "next-intl";

/**
 * The value a response was read as, shown the way the expected answer is: whole numbers grouped
 * by thousands in the UI language ("1234" → "1,234"), anything else as it was read. The API keeps
 * the plain canonical form; grouping is only for the eye, next to an expected "2,400".
 */
export function readAsForDisplay(value: string, locale: Locale): string {
  if (!/^-?\d{4,15}$/.test(value)) return value;
  return new Intl.NumberFormat(locale).format(Number(value));
}

/** Words for true and false in the UI language (참/거짓). */
export interface BooleanWords {
  true: string;
  false: string;
}

/**
 * A read-as or expected value as the student should see it: true/false in the UI language, a choice
 * letter with its option's text ("B — 저수준"), numbers grouped. The API keeps the canonical form.
 */
export function answerForDisplay(
  value: string,
  options: { format: string; locale: Locale; words: BooleanWords; choices?: readonly { letter: string; text: { ko: string; en: string } }[] | null },
): string {
  if (options.format === "boolean" && (value === "true" || value === "false")) return options.words[value];
  if (options.format === "choice") {
    const choice = options.choices?.find((option) => option.letter === value);
    if (choice) return `${value} — ${choice.text[options.locale]}`;
  }
  return readAsForDisplay(value, options.locale);
}
