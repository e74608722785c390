import type { Viewer } from "@/lib/server/accounts/users";
import { z } from "zod";
import { packMessage } from "@/lib/i18n/message";
import { parseWith } from "@/lib/server/platform/http";
import { MAX_SEED, requireItem, type FoundItem } from "@/lib/server/decks/deck-catalog";
import { cardIdOf } from "@/lib/server/decks/deck-store";
import { refuseExamCard } from "@/lib/server/exams/exam-lock";
import { ID_PATTERN, MAX_ID_LENGTH } from "@/lib/schemas/ids";
import { grouped, MAX_ANSWER_LENGTH } from "@/lib/schemas/limits";

/** Inputs of the practice API (/api/practice/<itemId>/…), parsed with zod: 422 with field messages. */

export interface PracticeRouteContext {
  params: Promise<{ itemId: string }>;
}

const SEED_MESSAGE = packMessage("request.wholeNumberRange", { field: "seed", min: 0, max: String(MAX_SEED) });

const itemIdSchema = z
  .string()
  .min(1, packMessage("request.questionIdRequired"))
  .max(MAX_ID_LENGTH, packMessage("request.questionIdLength", { max: MAX_ID_LENGTH }))
  .regex(ID_PATTERN, packMessage("request.questionIdForm"));

const ANCHOR_FORM = packMessage("request.anchorForm");
const anchorSchema = z
  .string()
  .min(1, ANCHOR_FORM)
  .max(MAX_ID_LENGTH, packMessage("request.anchorLength", { max: MAX_ID_LENGTH }))
  .regex(ID_PATTERN, ANCHOR_FORM);

export const variantQuerySchema = z.strictObject(
  {
    seed: z
      .string()
      .regex(/^\d{1,10}$/, SEED_MESSAGE)
      .transform(Number)
      .pipe(z.number().max(MAX_SEED, SEED_MESSAGE))
      .optional(),
    anchor: anchorSchema.optional(),
  },
  { error: packMessage("request.onlyQueries", { queries: "?seed=… and ?anchor=…" }) },
);

export const checkBodySchema = z.strictObject(
  {
    seed: z.number({ error: SEED_MESSAGE }).int(SEED_MESSAGE).min(0, SEED_MESSAGE).max(MAX_SEED, SEED_MESSAGE),
    anchor: anchorSchema.nullable().optional(),
    /** What the student typed; may be empty for a self-graded card, which is revealed. */
    response: z.string({ error: packMessage("request.responseText") }).max(MAX_ANSWER_LENGTH, packMessage("request.answerLength", { max: grouped(MAX_ANSWER_LENGTH) })).default(""),
  },
  { error: packMessage("request.sendJson", { example: '{"seed": 123, "response": "235,146"}' }) },
);

/**
 * The route's item: 422 for a malformed id, 404 when no deck open to the viewer has it, 409 while it
 * is a question of the viewer's running mock exam (exam-lock.ts).
 */
export async function itemOf(context: PracticeRouteContext, viewer: Viewer): Promise<FoundItem> {
  const itemId = parseWith(itemIdSchema, (await context.params).itemId);
  const found = await requireItem(itemId, viewer);
  await refuseExamCard(viewer.id, cardIdOf(found.deckId, found.itemId));
  return found;
}
