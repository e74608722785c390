import { packMessage } from "@/lib/i18n/message";
import "server-only";
import { z } from "zod";

/** Inputs of the review API, parsed with zod in the route handlers (422 with field messages). */

export const reviewIdSchema = z
  .string()
  .min(1, packMessage("request.reviewIdRequired"))
  .max(64, packMessage("request.reviewIdLength", { max: 64 }))
  .regex(/^[A-Za-z0-9_-]+$/, packMessage("request.reviewIdForm"));

export const nextQuerySchema = z.strictObject(
  {
    deck: z.string().min(1).max(100).regex(/^[a-z0-9-]+$/, packMessage("request.deckIdForm")).optional(),
    concept: z.string().min(1).max(100).regex(/^[a-z0-9-]+$/, packMessage("request.conceptIdForm")).optional(),
  },
  { error: packMessage("request.onlyQueries", { queries: "?deck=… and ?concept=…" }) },
);

export const answerBodySchema = z.strictObject(
  {
    /** What the student typed; may be omitted (or empty) for a self-graded card, which is revealed. */
    response: z.string().max(2_000, packMessage("request.answerLength", { max: "2,000" })).optional(),
    /** Time from showing the prompt to checking, in ms. */
    durationMs: z.number().int(packMessage("request.wholeMilliseconds", { field: "durationMs" })).min(0).max(86_400_000).optional(),
  },
  { error: packMessage("request.sendJson", { example: '{"response": "…", "durationMs": 12000}' }) },
);

export const gradeBodySchema = z.strictObject(
  {
    grade: z
      .number({ error: packMessage("request.gradeNumber") })
      .int(packMessage("request.grade"))
      .min(0, packMessage("request.grade"))
      .max(5, packMessage("request.grade"))
      .transform((grade) => grade as 0 | 1 | 2 | 3 | 4 | 5),
  },
  { error: packMessage("request.sendJson", { example: '{"grade": 4}' }) },
);

export const suspendBodySchema = z.strictObject(
  { suspended: z.boolean({ error: packMessage("request.boolean", { field: "suspended" }) }).optional() },
  { error: packMessage("request.sendJsonUnsuspend", { empty: "{}", example: '{"suspended": false}' }) },
);

export const reportBodySchema = z.strictObject(
  {
    message: z
      .string({ error: packMessage("request.describeProblem") })
      .trim()
      .min(1, packMessage("request.describeProblem"))
      .max(2_000, packMessage("request.reportLength", { max: "2,000" })),
  },
  { error: packMessage("request.sendJson", { example: '{"message": "…"}' }) },
);

export const settingsBodySchema = z.strictObject(
  {
    newCardsPerDeck: z.number().int(packMessage("request.wholeNumberPlease")).min(0, packMessage("request.atLeast", { min: 0 })).max(1_000, packMessage("request.atMost", { max: "1,000" })).optional(),
    reviewsPerDay: z.number().int(packMessage("request.wholeNumberPlease")).min(0, packMessage("request.atLeast", { min: 0 })).max(10_000, packMessage("request.atMost", { max: "10,000" })).optional(),
  },
  { error: packMessage("request.sendJson", { example: '{"newCardsPerDeck": 20, "reviewsPerDay": 200}' }) },
);

export type SettingsInput = z.infer<typeof settingsBodySchema>;
