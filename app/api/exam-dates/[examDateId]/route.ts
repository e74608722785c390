import { removeOwnExamDate } from "@/lib/server/exams/exam-dates";
import { parseWith, route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";
import { examDateIdSchema } from "@/lib/schemas/exam-dates";

interface Context {
  params: Promise<{ examDateId: string }>;
}

/** DELETE /api/exam-dates/{id} → 204: deletes one of the student's own exam dates (a class's is the instructor's). */
export const DELETE = route<Context>(async (_request, context) => {
  const user = await requireUser();
  await removeOwnExamDate(user, parseWith(examDateIdSchema, (await context.params).examDateId));
  return new Response(null, { status: 204 });
});
