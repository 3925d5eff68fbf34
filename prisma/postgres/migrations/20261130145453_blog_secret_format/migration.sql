-- AlterTable
ALTER TABLE "BlogSecret" ADD COLUMN     "format" INTEGER NOT NULL DEFAULT 1;
