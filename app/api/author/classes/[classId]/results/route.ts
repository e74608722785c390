import { classResultsCsv } from "@/lib/server/classes/class-results-csv";
import { attachment } from "@/lib/server/platform/csv";
import { route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { classIdOf, type ClassRouteContext } from "../../params";

export const dynamic = "force-dynamic";

/** GET /api/author/classes/{classId}/results → the class's results as CSV; another instructor's class is a 404. */
export const GET = route<ClassRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  const classId = await classIdOf(context);
  const { csv } = await classResultsCsv(user, classId);
  return new Response(csv, { headers: attachment(`deepdrill-class-${classId}.csv`, "text/csv; charset=utf-8") });
});
