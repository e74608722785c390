import { getExam } from "@/lib/server/exams/exams";
import { route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";
import { examIdOf, type ExamRouteContext } from "./params";

/**
 * GET /api/exams/{examId} → {exam}: while running, the questions and saved answers (no verdicts) with
 * deadlineAt and serverNow; after the deadline or submission, the result. Another user's exam is a 404.
 */
export const GET = route<ExamRouteContext>(async (_request, context) => {
  const user = await requireUser();
  return Response.json({ exam: await getExam(user, await examIdOf(context)) }, { headers: { "Cache-Control": "no-store" } });
});
