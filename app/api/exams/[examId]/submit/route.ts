import { submitExam } from "@/lib/server/exams/exams";
import { route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";
import { examIdOf, type ExamRouteContext } from "../params";

/** POST /api/exams/{examId}/submit → {exam}: the result (idempotent: submitting again returns it unchanged). */
export const POST = route<ExamRouteContext>(async (_request, context) => {
  const user = await requireUser();
  return Response.json({ exam: await submitExam(user, await examIdOf(context)) });
});
