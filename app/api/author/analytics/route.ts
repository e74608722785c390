import { classAnalytics } from "@/lib/server/analytics";
import { analyticsQuerySchema } from "@/lib/schemas/classes";
import { parseWith, route } from "@/lib/server/http";
import { requireInstructor } from "@/lib/server/session";

/**
 * GET /api/author/analytics[?class=…] → {classes, selected, totals, concepts, templates, reports,
 * students}: one of the instructor's own classes (the newest by default); any other class is a 404.
 */
export const GET = route(async (request) => {
  const user = await requireInstructor();
  const query = parseWith(analyticsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await classAnalytics(user, { classId: query.class }), { headers: { "Cache-Control": "no-store" } });
});
