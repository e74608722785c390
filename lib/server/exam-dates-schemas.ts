import { packMessage } from "@/lib/i18n/message";
import "server-only";
import { z } from "zod";
import { parseDayNumber } from "@/lib/srs/days";
import { deckIdSchema } from "./classes-schemas";

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

export const examDateIdSchema = z
  .string()
  .min(1, packMessage("request.examDateIdRequired"))
  .max(64, packMessage("request.examDateIdLength", { max: 64 }))
  .regex(/^[A-Za-z0-9_-]+$/, packMessage("request.examDateIdForm"));
