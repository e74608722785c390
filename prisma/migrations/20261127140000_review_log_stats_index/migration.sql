-- DropIndex
DROP INDEX "ReviewLog_userId_reviewDay_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewDay_deckId_concept_counted_grade_durationMs_idx" ON "ReviewLog"("userId", "reviewDay", "deckId", "concept", "counted", "grade", "durationMs");

