import { parseWith } from "@/lib/server/platform/http";
import { examIdSchema, positionSchema } from "@/lib/schemas/exams";

/** Route contexts of /api/exams/[examId]/… handlers. */
export interface ExamRouteContext {
  params: Promise<{ examId: string }>;
}
export interface ExamAnswerRouteContext {
  params: Promise<{ examId: string; position: string }>;
}

export async function examIdOf(context: { params: Promise<{ examId: string }> }): Promise<string> {
  return parseWith(examIdSchema, (await context.params).examId);
}

export async function positionOf(context: ExamAnswerRouteContext): Promise<number> {
  return parseWith(positionSchema, (await context.params).position);
}
