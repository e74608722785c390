import { z } from "zod";
import { packMessage } from "../i18n/message";
import { parseDayNumber } from "../srs/days";
import { deckIdSchema, MAX_OPAQUE_ID_LENGTH, opaqueIdSchema } from "./ids";

/** Inputs of the exam-date APIs, parsed with zod in the route handlers (422 with field messages). */

function isCalendarDate(value: string): boolean {
  try {
    parseDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export const examCalendarDateSchema = z
  .string({ error: packMessage("request.calendarDate") })
  .refine(isCalendarDate, packMessage("request.calendarDate"))
  .refine((value) => value >= "2000-01-01" && value <= "2199-12-31", packMessage("request.dateRange", { from: 2000, to: 2199 }));

export const ownExamDateBodySchema = z.strictObject({
  date: examCalendarDateSchema,
  deckIds: z.array(deckIdSchema, { error: packMessage("request.deckIds") }).min(1, packMessage("request.examDeck")).max(50, packMessage("request.atMostDecks", { max: 50 })),
});

export const classExamDateBodySchema = z.strictObject({
  date: examCalendarDateSchema.nullable(),
});

export const examDateIdSchema = opaqueIdSchema({ required: packMessage("request.examDateIdRequired"), tooLong: packMessage("request.examDateIdLength", { max: MAX_OPAQUE_ID_LENGTH }), form: packMessage("request.examDateIdForm") });
