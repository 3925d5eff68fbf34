-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "essayId" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "discordMessageId" TEXT,
    "mirrorMessageIds" TEXT NOT NULL DEFAULT '[]',
    "blogCommentId" TEXT,
    "parentCommentId" TEXT,
    "authorStudentId" TEXT,
    "authorName" TEXT,
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "contentHash" TEXT NOT NULL,
    "blogStatus" TEXT NOT NULL DEFAULT 'approved',
    "mirrorState" TEXT NOT NULL DEFAULT 'pending',
    "writtenAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "mirrorRevision" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Comment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_essayId_fkey" FOREIGN KEY ("essayId") REFERENCES "Essay" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorStudentId_fkey" FOREIGN KEY ("authorStudentId") REFERENCES "Student" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("authorName", "authorStudentId", "blogCommentId", "blogStatus", "contentHash", "courseId", "createdAt", "deletedAt", "discordMessageId", "essayId", "id", "mirrorMessageIds", "mirrorState", "origin", "parentCommentId", "updatedAt", "wordCount", "writtenAt") SELECT "authorName", "authorStudentId", "blogCommentId", "blogStatus", "contentHash", "courseId", "createdAt", "deletedAt", "discordMessageId", "essayId", "id", "mirrorMessageIds", "mirrorState", "origin", "parentCommentId", "updatedAt", "wordCount", "writtenAt" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE UNIQUE INDEX "Comment_discordMessageId_key" ON "Comment"("discordMessageId");
CREATE INDEX "Comment_essayId_writtenAt_idx" ON "Comment"("essayId", "writtenAt");
CREATE INDEX "Comment_authorStudentId_idx" ON "Comment"("authorStudentId");
CREATE UNIQUE INDEX "Comment_courseId_blogCommentId_key" ON "Comment"("courseId", "blogCommentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
