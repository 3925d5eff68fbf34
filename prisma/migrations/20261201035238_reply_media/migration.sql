-- CreateTable
CREATE TABLE "ReplyMedia" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "blogMediaId" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL,
    CONSTRAINT "ReplyMedia_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReplyMedia_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReplyMedia_commentId_idx" ON "ReplyMedia"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "ReplyMedia_courseId_blogMediaId_key" ON "ReplyMedia"("courseId", "blogMediaId");
