-- AlterTable
ALTER TABLE "ReviewRound" ADD COLUMN "minCommentWords" INTEGER;
