import { classAnalytics } from "@/lib/server/analytics/analytics";
import { parseWith, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { analyticsQuerySchema } from "@/lib/schemas/classes";

/**
 * GET /api/author/analytics[?class=…] → {classes, selected, totals, concepts, templates, reports,
 * students}: one of the instructor's own classes (the newest by default); any other class is a 404.
 */
export const GET = route(async (request) => {
  const user = await requireInstructor();
  const query = parseWith(analyticsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await classAnalytics(user, { classId: query.class }), { headers: { "Cache-Control": "no-store" } });
});
