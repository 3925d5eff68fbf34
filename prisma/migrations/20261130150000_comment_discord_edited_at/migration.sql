-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "discordEditedAt" DATETIME;
