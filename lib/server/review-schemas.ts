import "server-only";
import { z } from "zod";

/** Inputs of the review API, parsed with zod in the route handlers (422 with field messages). */

export const reviewIdSchema = z
  .string()
  .min(1, "A review id is required.")
  .max(64, "A review id has at most 64 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "A review id is letters and digits.");

export const nextQuerySchema = z.strictObject(
  {
    deck: z.string().min(1).max(100).regex(/^[a-z0-9-]+$/, "A deck id is lower-case words joined by hyphens.").optional(),
    concept: z.string().min(1).max(100).regex(/^[a-z0-9-]+$/, "A concept id is lower-case words joined by hyphens.").optional(),
  },
  { error: "Only ?deck=… and ?concept=… are understood." },
);

export const answerBodySchema = z.strictObject(
  {
    /** What the student typed; may be omitted (or empty) for a self-graded card, which is revealed. */
    response: z.string().max(2_000, "An answer has at most 2,000 characters.").optional(),
    /** Time from showing the prompt to checking, in ms. */
    durationMs: z.number().int("durationMs is a whole number of milliseconds.").min(0).max(86_400_000).optional(),
  },
  { error: 'Send a JSON object: {"response": "…", "durationMs": 12000}.' },
);

export const gradeBodySchema = z.strictObject(
  {
    grade: z
      .number({ error: "grade is a number from 0 to 5." })
      .int("grade is a whole number from 0 to 5.")
      .min(0, "grade is a whole number from 0 to 5.")
      .max(5, "grade is a whole number from 0 to 5.")
      .transform((grade) => grade as 0 | 1 | 2 | 3 | 4 | 5),
  },
  { error: 'Send a JSON object: {"grade": 4}.' },
);

export const suspendBodySchema = z.strictObject(
  { suspended: z.boolean({ error: "suspended is true or false." }).optional() },
  { error: 'Send a JSON object: {} or {"suspended": false} to unsuspend.' },
);

export const reportBodySchema = z.strictObject(
  {
    message: z
      .string({ error: "Describe the problem." })
      .trim()
      .min(1, "Describe the problem.")
      .max(2_000, "A report has at most 2,000 characters."),
  },
  { error: 'Send a JSON object: {"message": "…"}.' },
);

export const settingsBodySchema = z.strictObject(
  {
    newCardsPerDeck: z.number().int("A whole number, please.").min(0, "At least 0.").max(1_000, "At most 1,000.").optional(),
    reviewsPerDay: z.number().int("A whole number, please.").min(0, "At least 0.").max(10_000, "At most 10,000.").optional(),
  },
  { error: 'Send a JSON object: {"newCardsPerDeck": 20, "reviewsPerDay": 200}.' },
);

export type SettingsInput = z.infer<typeof settingsBodySchema>;
