import type { Viewer } from "@/lib/server/deck-visibility";
import { z } from "zod";
import { parseWith } from "@/lib/server/http";
import { ID_PATTERN, MAX_ID_LENGTH } from "@/lib/schemas/ids";
import { grouped, MAX_ANSWER_LENGTH } from "@/lib/schemas/limits";
import { MAX_SEED, requireItem, type FoundItem } from "@/lib/server/deck-catalog";
import { cardIdOf } from "@/lib/server/deck-store";
import { refuseExamCard } from "@/lib/server/exam-lock";

/** Inputs of the practice API (/api/practice/<itemId>/…), parsed with zod: 422 with field messages. */

export interface PracticeRouteContext {
  params: Promise<{ itemId: string }>;
}

const SEED_MESSAGE = `seed is a whole number from 0 to ${MAX_SEED}.`;

const itemIdSchema = z
  .string()
  .min(1, "A question id is required.")
  .max(MAX_ID_LENGTH, `A question id has at most ${MAX_ID_LENGTH} characters.`)
  .regex(ID_PATTERN, "A question id is lower-case words joined by hyphens, e.g. single-layer-params.");

const anchorSchema = z
  .string()
  .min(1, "anchor is the id of an anchored variant, e.g. islp-mnist.")
  .max(MAX_ID_LENGTH, `anchor has at most ${MAX_ID_LENGTH} characters.`)
  .regex(ID_PATTERN, "anchor is the id of an anchored variant, e.g. islp-mnist.");

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
  { error: "Only ?seed=… and ?anchor=… are understood." },
);

export const checkBodySchema = z.strictObject(
  {
    seed: z.number({ error: SEED_MESSAGE }).int(SEED_MESSAGE).min(0, SEED_MESSAGE).max(MAX_SEED, SEED_MESSAGE),
    anchor: anchorSchema.nullable().optional(),
    /** What the student typed; may be empty for a self-graded card, which is revealed. */
    response: z.string({ error: "response is the text of the answer." }).max(MAX_ANSWER_LENGTH, `An answer has at most ${grouped(MAX_ANSWER_LENGTH)} characters.`).default(""),
  },
  { error: 'Send a JSON object: {"seed": 123, "response": "235,146"}.' },
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
