-- CreateTable
CREATE TABLE "ExamDate" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "classId" TEXT,
    "date" TEXT NOT NULL,
    "deckIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamDate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExamDate_userId_idx" ON "ExamDate"("userId");

-- CreateIndex
CREATE INDEX "ExamDate_classId_idx" ON "ExamDate"("classId");

-- AddForeignKey
ALTER TABLE "ExamDate" ADD CONSTRAINT "ExamDate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDate" ADD CONSTRAINT "ExamDate_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;
