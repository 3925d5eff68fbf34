-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "authorBlogUserId" TEXT;
