import { saveAnswer } from "@/lib/server/exams/exams";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";
import { saveAnswerBodySchema } from "@/lib/schemas/exams";
import { examIdOf, positionOf, type ExamAnswerRouteContext } from "../../params";

/**
 * PUT /api/exams/{examId}/answers/{position} {response} → {position, saved, readable, remainingMs}.
 * No verdict before submission; 409 once the exam is submitted or its time is up.
 */
export const PUT = route<ExamAnswerRouteContext>(async (request, context) => {
  const user = await requireUser();
  const [examId, position] = await Promise.all([examIdOf(context), positionOf(context)]);
  const body = await parseJsonBody(request, saveAnswerBodySchema);
  return Response.json(await saveAnswer(user, examId, position, body.response));
});
