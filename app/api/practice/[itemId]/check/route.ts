import { checkPractice } from "@/lib/server/decks/deck-catalog";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { practiceCheckPayload } from "@/lib/server/review/practice-payload";
import { requireUser } from "@/lib/server/accounts/session";
import { checkBodySchema, itemOf, type PracticeRouteContext } from "../params";

/**
 * POST /api/practice/{itemId}/check {seed, anchor?, response} → {status, readAs, expected, mistake?,
 * reason?, solution, architecture, solutionHtml, mistakeHtml?}. The variant is regenerated from the seed and verified; nothing is
 * stored. "invalid" (unreadable) reveals nothing and costs nothing: answer again.
 */
export const POST = route<PracticeRouteContext>(async (request, context) => {
  const viewer = await requireUser();
  const found = await itemOf(context, viewer);
  const body = await parseJsonBody(request, checkBodySchema);
  const result = await checkPractice(found.item, { seed: body.seed, anchor: body.anchor ?? undefined, response: body.response });
  return Response.json(practiceCheckPayload(result), { headers: { "Cache-Control": "no-store" } });
});
