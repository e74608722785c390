/**
 * Messages of the `errors` catalogue in a given language, for the HTTP layer (the reader's
 * language) and the command line (English). The catalogue is the same JSON the UI reads, imported
 * statically so that the pure core can format without reading files.
 */
import type { AppLocale } from "./config";
import { formatMessage, type FormatParams } from "./format-message";
import { msg, type Message, type MessageParams } from "./message";
import en from "./messages/en/errors.json";
import ko from "./messages/ko/errors.json";

type Catalogue = { [key: string]: string | Catalogue };
const catalogues: Record<AppLocale, Catalogue> = { en, ko };

/** The catalogue text of `code` ("exam.inProgress"), or undefined when there is none. */
export function catalogueText(locale: AppLocale, code: string): string | undefined {
  let node: string | Catalogue | undefined = catalogues[locale];
  for (const part of code.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

export function translate(locale: AppLocale, message: Message): string {
  // A missing key is caught by lib/i18n/errors-catalogue.test.ts; at run time the code is still better than a 500.
  const template = catalogueText(locale, message.code) ?? catalogueText("en", message.code) ?? message.code;
  const params: FormatParams = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = typeof value === "object" ? translate(locale, value) : value;
  }
  return formatMessage(template, params, locale);
}

/** English, for logs, the command line and `Error.message`. */
export const english = (message: Message): string => translate("en", message);

/**
 * Deck errors, CSV line errors and publish blockers keep `message` in English (the command line
 * prints them); shown in the app, it is made again in the reader's language from `code`/`params`.
 */
export function localizeProblems<Problem extends { message: string; code?: string; params?: MessageParams }>(locale: AppLocale, problems: readonly Problem[]): Problem[] {
  return problems.map((problem) => (problem.code ? { ...problem, message: translate(locale, msg(problem.code, problem.params)) } : problem));
}
