-- CreateTable
CREATE TABLE "Deck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "source" TEXT NOT NULL DEFAULT 'content',
    "ownerId" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "version" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deckId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "itemType" TEXT NOT NULL,
    "concept" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Card_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CardState" (
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
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "cardId"),
    CONSTRAINT "CardState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardState_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "variantSeed" INTEGER NOT NULL,
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
    CONSTRAINT "Review_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "concept" TEXT NOT NULL,
    "variantSeed" INTEGER NOT NULL,
    "templateVersion" TEXT NOT NULL,
    "response" TEXT,
    "readAs" TEXT,
    "status" TEXT,
    "grade" INTEGER NOT NULL,
    "durationMs" INTEGER,
    "reviewDay" INTEGER NOT NULL,
    "counted" BOOLEAN NOT NULL,
    "stateBefore" TEXT NOT NULL,
    "stateAfter" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewUndo" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ProblemReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "variantSeed" INTEGER NOT NULL,
    "templateVersion" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'student',
    "locale" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "newCardsPerDeck" INTEGER NOT NULL DEFAULT 20,
    "reviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "id", "locale", "name", "passwordHash", "role", "timezone", "updatedAt") SELECT "createdAt", "email", "id", "locale", "name", "passwordHash", "role", "timezone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Card_deckId_position_idx" ON "Card"("deckId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Card_deckId_itemId_key" ON "Card"("deckId", "itemId");

-- CreateIndex
CREATE INDEX "CardState_userId_dueDay_idx" ON "CardState"("userId", "dueDay");

-- CreateIndex
CREATE INDEX "CardState_userId_redrillDay_idx" ON "CardState"("userId", "redrillDay");

-- CreateIndex
CREATE INDEX "Review_userId_cardId_idx" ON "Review"("userId", "cardId");

-- CreateIndex
CREATE INDEX "Review_userId_gradedAt_idx" ON "Review"("userId", "gradedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_reviewId_key" ON "ReviewLog"("reviewId");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_createdAt_idx" ON "ReviewLog"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewDay_idx" ON "ReviewLog"("userId", "reviewDay");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_cardId_idx" ON "ReviewLog"("userId", "cardId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewUndo_reviewId_key" ON "ReviewUndo"("reviewId");

-- CreateIndex
CREATE INDEX "ReviewUndo_userId_createdAt_idx" ON "ReviewUndo"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ProblemReport_deckId_createdAt_idx" ON "ProblemReport"("deckId", "createdAt");

