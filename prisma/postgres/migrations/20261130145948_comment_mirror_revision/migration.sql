-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "mirrorRevision" INTEGER NOT NULL DEFAULT 0;
