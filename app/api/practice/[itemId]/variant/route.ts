import { practiceVariant } from "@/lib/server/decks/deck-catalog";
import { parseWith, route } from "@/lib/server/platform/http";
import { practiceVariantPayload } from "@/lib/server/review/practice-payload";
import { requireUser } from "@/lib/server/accounts/session";
import { itemOf, variantQuerySchema, type PracticeRouteContext } from "../params";

/**
 * GET /api/practice/{itemId}/variant[?seed=…][&anchor=…] → {variant: {itemId, seed, prompt, choices,
 * answerFormat, anchor, anchors, …}}: the variant without its answer. Without a seed the server draws
 * one (and returns it); `anchor` asks for an anchored variant such as the lab's network.
 */
export const GET = route<PracticeRouteContext>(async (request, context) => {
  const viewer = await requireUser();
  const found = await itemOf(context, viewer);
  const query = parseWith(variantQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const variant = await practiceVariant(found.item, { seed: query.seed, anchor: query.anchor });
  return Response.json({ variant: practiceVariantPayload(variant) }, { headers: { "Cache-Control": "no-store" } });
});
