import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getExam } from "@/lib/server/exams/exams";
import { AppError } from "@/lib/server-shared/errors";
import { requirePageUser } from "@/lib/server/accounts/page-guards";
import { ExamResult } from "./exam-result";
import { ExamRunner } from "./exam-runner";
import { isOpaqueId } from "@/lib/schemas/ids";

type Params = Promise<{ examId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exam"))("metaTitle") };
}

// The clock and the answers come from the database on every request (a reload must never restart it).
export const dynamic = "force-dynamic";

/** /exam/<id>: the running exam (timer from the server's deadline), or its result once submitted. */
export default async function ExamAttemptPage({ params }: { params: Params }) {
  const { examId } = await params;
  const user = await requirePageUser(`/exam/${encodeURIComponent(examId)}`);
  if (!isOpaqueId(examId)) notFound();
  const exam = await getExam(user, examId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return exam.state === "running" ? <ExamRunner key={exam.id} initial={exam} /> : <ExamResult exam={exam} timeZone={user.timezone} />;
}
