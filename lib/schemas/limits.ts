import { z } from "zod";
import { packMessage } from "../i18n/message";

/** A number as the messages show it ("2,000"): the catalogue's `{max}` is plain text, so the grouping is done here. */
export function grouped(value: number): string {
  return value.toLocaleString("en-US");
}

/** The longest typed answer, in review, practice and exams alike (the answer fields' maxLength too). */
export const MAX_ANSWER_LENGTH = 2_000;

export const answerSchema = z.string({ error: packMessage("request.responseText") }).max(MAX_ANSWER_LENGTH, packMessage("request.answerLength", { max: grouped(MAX_ANSWER_LENGTH) }));
