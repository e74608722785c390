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
  .string({ error: "date is a calendar date such as 2026-12-12." })
  .refine(isCalendarDate, "date is a calendar date such as 2026-12-12.")
  .refine((value) => value >= "2000-01-01" && value <= "2199-12-31", "date must be between 2000 and 2199.");

export const ownExamDateBodySchema = z.strictObject({
  date: examCalendarDateSchema,
  deckIds: z.array(deckIdSchema, { error: "deckIds is a list of deck ids." }).min(1, "Choose at least one deck the exam covers.").max(50, "At most 50 decks."),
});

export const classExamDateBodySchema = z.strictObject({
  date: examCalendarDateSchema.nullable(),
});

export const examDateIdSchema = z
  .string()
  .min(1, "An exam date id is required.")
  .max(64, "An exam date id has at most 64 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "An exam date id is letters and digits.");
