import { z } from "zod";
import { packMessage } from "../i18n/message";
import { ID_PATTERN, MAX_ID_LENGTH, MAX_OPAQUE_ID_LENGTH, opaqueIdSchema } from "./ids";
import { answerSchema, grouped } from "./limits";

/** Inputs of the review API, parsed with zod in the route handlers (422 with field messages); the limits are the forms' too. */

export const MAX_NEW_CARDS_PER_DECK = 1_000;
export const MAX_REVIEWS_PER_DAY = 10_000;
export const MAX_REPORT_LENGTH = 2_000;

export const reviewIdSchema = opaqueIdSchema({ required: packMessage("request.reviewIdRequired"), tooLong: packMessage("request.reviewIdLength", { max: MAX_OPAQUE_ID_LENGTH }), form: packMessage("request.reviewIdForm") });

export const nextQuerySchema = z.strictObject(
  {
    deck: z.string().min(1).max(MAX_ID_LENGTH).regex(ID_PATTERN, packMessage("request.deckIdForm")).optional(),
    concept: z.string().min(1).max(MAX_ID_LENGTH).regex(ID_PATTERN, packMessage("request.conceptIdForm")).optional(),
  },
  { error: packMessage("request.onlyQueries", { queries: "?deck=… and ?concept=…" }) },
);

export const answerBodySchema = z.strictObject(
  {
    /** What the student typed; may be omitted (or empty) for a self-graded card, which is revealed. */
    response: answerSchema.optional(),
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
      .max(MAX_REPORT_LENGTH, packMessage("request.reportLength", { max: grouped(MAX_REPORT_LENGTH) })),
  },
  { error: packMessage("request.sendJson", { example: '{"message": "…"}' }) },
);

export const settingsBodySchema = z.strictObject(
  {
    newCardsPerDeck: z.number().int(packMessage("request.wholeNumberPlease")).min(0, packMessage("request.atLeast", { min: 0 })).max(MAX_NEW_CARDS_PER_DECK, packMessage("request.atMost", { max: grouped(MAX_NEW_CARDS_PER_DECK) })).optional(),
    reviewsPerDay: z.number().int(packMessage("request.wholeNumberPlease")).min(0, packMessage("request.atLeast", { min: 0 })).max(MAX_REVIEWS_PER_DAY, packMessage("request.atMost", { max: grouped(MAX_REVIEWS_PER_DAY) })).optional(),
  },
  { error: packMessage("request.sendJson", { example: '{"newCardsPerDeck": 20, "reviewsPerDay": 200}' }) },
);

export type SettingsInput = z.infer<typeof settingsBodySchema>;
