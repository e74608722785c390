import { route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";
import { studentStats } from "@/lib/server/analytics/stats";

/**
 * GET /api/stats/me → the signed-in student's progress: reviews per day (last year), retention over
 * time and per concept, 30-day due forecast, streak, time studied, weakest concepts. The same figures
 * as /stats.
 */
export const GET = route(async () => {
  const user = await requireUser();
  return Response.json(await studentStats(user.id), { headers: { "Cache-Control": "no-store" } });
});
