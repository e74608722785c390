import { setClassExamDate } from "@/lib/server/exams/exam-dates";
import { classReadiness } from "@/lib/server/exams/exam-plan";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { classExamDateBodySchema } from "@/lib/schemas/exam-dates";
import { classIdOf, type ClassRouteContext } from "../../params";

/** GET /api/author/classes/{classId}/exam-date → {date, students, concepts}: the class's exam date and readiness per concept, weakest first. */
export const GET = route<ClassRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  return Response.json(await classReadiness(user, await classIdOf(context)), { headers: { "Cache-Control": "no-store" } });
});

/** PUT /api/author/classes/{classId}/exam-date {date: "YYYY-MM-DD" | null} → {date}: members inherit it for the class's decks. */
export const PUT = route<ClassRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const classId = await classIdOf(context);
  const body = await parseJsonBody(request, classExamDateBodySchema);
  return Response.json({ date: await setClassExamDate(user, classId, body.date) });
});
