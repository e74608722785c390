-- CreateTable
CREATE TABLE "UserDeck" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "deckVersion" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "deckId"),
    CONSTRAINT "UserDeck_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserDeck_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CardState" (
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "repetition" INTEGER NOT NULL DEFAULT 0,
    "easinessHundredths" INTEGER NOT NULL DEFAULT 250,
    "interval" INTEGER,
    "dueDay" INTEGER,
    "lastReviewDay" INTEGER,
    "redrillDay" INTEGER,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "buriedUntilDay" INTEGER,
    "introducedDay" INTEGER,
    "issueCount" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "cardId"),
    CONSTRAINT "CardState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardState_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CardState" ("buriedUntilDay", "cardId", "deckId", "dueDay", "easinessHundredths", "interval", "introducedDay", "issueCount", "lastReviewDay", "redrillDay", "repetition", "suspended", "updatedAt", "userId") SELECT "buriedUntilDay", "cardId", "deckId", "dueDay", "easinessHundredths", "interval", "introducedDay", "issueCount", "lastReviewDay", "redrillDay", "repetition", "suspended", "updatedAt", "userId" FROM "CardState";
DROP TABLE "CardState";
ALTER TABLE "new_CardState" RENAME TO "CardState";
CREATE INDEX "CardState_userId_dueDay_cardId_idx" ON "CardState"("userId", "dueDay", "cardId");
CREATE INDEX "CardState_userId_redrillDay_idx" ON "CardState"("userId", "redrillDay");
CREATE INDEX "CardState_userId_deckId_dueDay_position_idx" ON "CardState"("userId", "deckId", "dueDay", "position");
CREATE TABLE "new_Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "variantSeed" BIGINT NOT NULL,
    "templateVersion" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedDay" INTEGER NOT NULL,
    "answeredAt" DATETIME,
    "response" TEXT,
    "readAs" TEXT,
    "status" TEXT,
    "durationMs" INTEGER,
    "gradedAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "Review_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Review" ("answeredAt", "cardId", "deckId", "durationMs", "gradedAt", "id", "issuedAt", "issuedDay", "kind", "readAs", "response", "status", "templateVersion", "userId", "variant", "variantSeed") SELECT "answeredAt", "cardId", "deckId", "durationMs", "gradedAt", "id", "issuedAt", "issuedDay", "kind", "readAs", "response", "status", "templateVersion", "userId", "variant", "variantSeed" FROM "Review";
DROP TABLE "Review";
ALTER TABLE "new_Review" RENAME TO "Review";
CREATE INDEX "Review_userId_cardId_idx" ON "Review"("userId", "cardId");
CREATE INDEX "Review_userId_gradedAt_closedAt_idx" ON "Review"("userId", "gradedAt", "closedAt");
CREATE TABLE "new_ReviewLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "concept" TEXT NOT NULL,
    "variantSeed" BIGINT NOT NULL,
    "templateVersion" TEXT NOT NULL,
    "response" TEXT,
    "readAs" TEXT,
    "status" TEXT,
    "grade" INTEGER NOT NULL,
    "durationMs" INTEGER,
    "reviewDay" INTEGER NOT NULL,
    "counted" BOOLEAN NOT NULL,
    "wasNew" BOOLEAN NOT NULL DEFAULT false,
    "stateBefore" TEXT NOT NULL,
    "stateAfter" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("cardId", "concept", "counted", "createdAt", "deckId", "durationMs", "grade", "id", "readAs", "response", "reviewDay", "reviewId", "stateAfter", "stateBefore", "status", "templateVersion", "userId", "variantSeed") SELECT "cardId", "concept", "counted", "createdAt", "deckId", "durationMs", "grade", "id", "readAs", "response", "reviewDay", "reviewId", "stateAfter", "stateBefore", "status", "templateVersion", "userId", "variantSeed" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE UNIQUE INDEX "ReviewLog_reviewId_key" ON "ReviewLog"("reviewId");
CREATE INDEX "ReviewLog_userId_createdAt_idx" ON "ReviewLog"("userId", "createdAt");
CREATE INDEX "ReviewLog_userId_reviewDay_idx" ON "ReviewLog"("userId", "reviewDay");
CREATE INDEX "ReviewLog_userId_cardId_idx" ON "ReviewLog"("userId", "cardId");
CREATE TABLE "new_ReviewUndo" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewUndo_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ReviewLog" ("reviewId") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewUndo" ("createdAt", "id", "reviewId", "userId") SELECT "createdAt", "id", "reviewId", "userId" FROM "ReviewUndo";
DROP TABLE "ReviewUndo";
ALTER TABLE "new_ReviewUndo" RENAME TO "ReviewUndo";
CREATE UNIQUE INDEX "ReviewUndo_reviewId_key" ON "ReviewUndo"("reviewId");
CREATE INDEX "ReviewUndo_userId_createdAt_idx" ON "ReviewUndo"("userId", "createdAt");
CREATE TABLE "new_ProblemReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "variantSeed" BIGINT NOT NULL,
    "templateVersion" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ProblemReport" ("cardId", "createdAt", "deckId", "id", "message", "params", "reviewId", "templateVersion", "userId", "variantSeed") SELECT "cardId", "createdAt", "deckId", "id", "message", "params", "reviewId", "templateVersion", "userId", "variantSeed" FROM "ProblemReport";
DROP TABLE "ProblemReport";
ALTER TABLE "new_ProblemReport" RENAME TO "ProblemReport";
CREATE INDEX "ProblemReport_deckId_createdAt_idx" ON "ProblemReport"("deckId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

