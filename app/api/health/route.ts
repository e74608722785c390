import { healthReport } from "@/lib/server/operations/health";
import { route } from "@/lib/server/platform/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/health → {ok, db, version, migration: {applied, code}, lastBackupAt}: 200, or 503 when
 * the database does not answer (lib/server/operations/health.ts says what each field means).
 */
export const GET = route(async () => {
  const report = await healthReport();
  return Response.json(report, report.ok ? undefined : { status: 503 });
});
