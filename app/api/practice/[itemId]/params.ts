import type { Viewer } from "@/lib/server/accounts/users";
import { z } from "zod";
import { parseWith } from "@/lib/server/platform/http";
import { MAX_SEED, requireItem, type FoundItem } from "@/lib/server/decks/deck-catalog";
import { cardIdOf } from "@/lib/server/decks/deck-store";
import { refuseExamCard } from "@/lib/server/exams/exam-lock";

/** Inputs of the practice API (/api/practice/<itemId>/…), parsed with zod: 422 with field messages. */

export interface PracticeRouteContext {
  params: Promise<{ itemId: string }>;
}

const SEED_MESSAGE = `seed is a whole number from 0 to ${MAX_SEED}.`;

const itemIdSchema = z
  .string()
  .min(1, "A question id is required.")
  .max(100, "A question id has at most 100 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A question id is lower-case words joined by hyphens, e.g. single-layer-params.");

const anchorSchema = z
  .string()
  .min(1, "anchor is the id of an anchored variant, e.g. islp-mnist.")
  .max(100, "anchor has at most 100 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "anchor is the id of an anchored variant, e.g. islp-mnist.");

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
    response: z.string({ error: "response is the text of the answer." }).max(2_000, "An answer has at most 2,000 characters.").default(""),
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
