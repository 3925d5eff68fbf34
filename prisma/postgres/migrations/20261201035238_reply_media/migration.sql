-- CreateTable
CREATE TABLE "ReplyMedia" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "blogMediaId" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplyMedia_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReplyMedia_commentId_idx" ON "ReplyMedia"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "ReplyMedia_courseId_blogMediaId_key" ON "ReplyMedia"("courseId", "blogMediaId");

-- AddForeignKey
ALTER TABLE "ReplyMedia" ADD CONSTRAINT "ReplyMedia_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyMedia" ADD CONSTRAINT "ReplyMedia_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
