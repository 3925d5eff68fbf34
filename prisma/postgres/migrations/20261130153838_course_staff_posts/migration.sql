-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "announcementCategory" TEXT,
ADD COLUMN     "staffBlogUserIds" TEXT NOT NULL DEFAULT '[]';
