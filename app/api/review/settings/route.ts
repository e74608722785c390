import { parseJsonBody, route } from "@/lib/server/platform/http";
import { getReviewSettings, updateReviewSettings } from "@/lib/server/review/review-settings";
import { requireUser } from "@/lib/server/accounts/session";
import { settingsBodySchema } from "@/lib/schemas/review";

/** GET /api/review/settings → {newCardsPerDeck, reviewsPerDay, timezone}. */
export const GET = route(async () => {
  const user = await requireUser();
  return Response.json(await getReviewSettings(user.id), { headers: { "Cache-Control": "no-store" } });
});

/** PATCH /api/review/settings {newCardsPerDeck?, reviewsPerDay?} → the settings: the daily limits of the queue. */
export const PATCH = route(async (request) => {
  const user = await requireUser();
  const input = await parseJsonBody(request, settingsBodySchema);
  return Response.json(await updateReviewSettings(user.id, input));
});
