-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "discordEditedAt" TIMESTAMP(3);
