-- AlterTable
ALTER TABLE "Exam" ADD COLUMN "reviewsCountedAt" DATETIME;

-- Exams submitted before this column existed were counted (or not) by the request that closed
-- them: mark them done so that no later read grades their answers a second time.
UPDATE "Exam" SET "reviewsCountedAt" = "submittedAt" WHERE "submittedAt" IS NOT NULL;
