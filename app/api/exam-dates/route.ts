import { addOwnExamDate, listExamDates } from "@/lib/server/exams/exam-dates";
import { examPlanFor } from "@/lib/server/exams/exam-plan";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";
import { ownExamDateBodySchema } from "@/lib/schemas/exam-dates";

/** GET /api/exam-dates → {examDates: [{id, date, deckIds, source, className}], plan}: own and inherited exams, the nearest one's pace and readiness. */
export const GET = route(async () => {
  const user = await requireUser();
  const [examDates, plan] = await Promise.all([listExamDates(user), examPlanFor(user)]);
  return Response.json({ examDates, plan }, { headers: { "Cache-Control": "no-store" } });
});

/** POST /api/exam-dates {date: "YYYY-MM-DD", deckIds: [...]} → 201 {examDate}: the student's own exam. */
export const POST = route(async (request) => {
  const user = await requireUser();
  const body = await parseJsonBody(request, ownExamDateBodySchema);
  return Response.json({ examDate: await addOwnExamDate(user, body) }, { status: 201 });
});
