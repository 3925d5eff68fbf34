-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "blogNameStyle" TEXT NOT NULL DEFAULT 'full';

-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "blogNameStyle" TEXT,
ADD COLUMN     "discordOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pseudonym" TEXT,
ADD COLUMN     "pseudonymStatus" TEXT;
