import { joinClass } from "@/lib/server/classes/classes";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";
import { joinBodySchema } from "@/lib/schemas/classes";

/**
 * POST /api/classes/join {code} → 201 {class, joined: true} (200 with joined: false when already a
 * member); unknown code → 404; after 10 wrong codes in 15 minutes → 429 with Retry-After.
 */
export const POST = route(async (request) => {
  const user = await requireUser();
  const body = await parseJsonBody(request, joinBodySchema);
  const outcome = await joinClass(user, body.code);
  return Response.json(outcome, { status: outcome.joined ? 201 : 200 });
});
