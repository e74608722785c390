import { examDeckOptions, listExams, startExam } from "@/lib/server/exams/exams";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";
import { startExamBodySchema } from "@/lib/schemas/exams";

/** GET /api/exams → {decks: [{id, title, concepts, cards}], exams: [{id, state, score, …}]}: what an exam can be taken on, and past exams. */
export const GET = route(async () => {
  const user = await requireUser();
  const [decks, exams] = await Promise.all([examDeckOptions(user), listExams(user)]);
  return Response.json({ decks, exams }, { headers: { "Cache-Control": "no-store" } });
});

/**
 * POST /api/exams {deckIds, questionCount, timeLimitSeconds, countAsReviews?} → 201 {exam}: the
 * running exam (questions without answers, deadlineAt, serverNow). 409 with fields.examId when one
 * is already running; 404 for a deck the user cannot see.
 */
export const POST = route(async (request) => {
  const user = await requireUser();
  const body = await parseJsonBody(request, startExamBodySchema);
  return Response.json({ exam: await startExam(user, body) }, { status: 201 });
});
