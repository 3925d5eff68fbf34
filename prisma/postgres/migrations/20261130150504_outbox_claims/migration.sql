-- AlterTable
ALTER TABLE "OutboxItem" ADD COLUMN     "attemptsAtRevive" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "claimedUntil" TIMESTAMP(3),
ADD COLUMN     "revivedAt" TIMESTAMP(3),
ADD COLUMN     "waitsFor" TEXT NOT NULL DEFAULT '[]';
