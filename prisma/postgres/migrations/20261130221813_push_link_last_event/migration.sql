-- AlterTable
ALTER TABLE "PushLink" ADD COLUMN     "lastEventAt" TIMESTAMP(3);
