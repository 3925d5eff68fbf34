-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "orderKey" TEXT NOT NULL,
    "waitsFor" TEXT NOT NULL DEFAULT '[]',
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "attemptsAtRevive" INTEGER NOT NULL DEFAULT 0,
    "revivedAt" DATETIME,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "doneAt" DATETIME,
    CONSTRAINT "OutboxItem_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxItem" ("attempts", "courseId", "createdAt", "dedupeKey", "doneAt", "id", "kind", "lastError", "nextAttemptAt", "orderKey", "payload", "result", "status", "updatedAt") SELECT "attempts", "courseId", "createdAt", "dedupeKey", "doneAt", "id", "kind", "lastError", "nextAttemptAt", "orderKey", "payload", "result", "status", "updatedAt" FROM "OutboxItem";
DROP TABLE "OutboxItem";
ALTER TABLE "new_OutboxItem" RENAME TO "OutboxItem";
CREATE UNIQUE INDEX "OutboxItem_dedupeKey_key" ON "OutboxItem"("dedupeKey");
CREATE INDEX "OutboxItem_status_nextAttemptAt_idx" ON "OutboxItem"("status", "nextAttemptAt");
CREATE INDEX "OutboxItem_orderKey_status_idx" ON "OutboxItem"("orderKey", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
