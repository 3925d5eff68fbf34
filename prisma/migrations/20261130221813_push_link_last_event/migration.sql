-- AlterTable
ALTER TABLE "PushLink" ADD COLUMN "lastEventAt" DATETIME;
