-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guildId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "channelKind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "blogKind" TEXT NOT NULL,
    "blogUrl" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "staffRoleId" TEXT NOT NULL,
    "staffChannelId" TEXT,
    "reminderThreadId" TEXT,
    "quietHoursStart" TEXT,
    "quietHoursEnd" TEXT,
    "pollIntervalMinutes" INTEGER NOT NULL DEFAULT 2,
    "minCommentWords" INTEGER NOT NULL DEFAULT 25,
    "staffBlogUserIds" TEXT NOT NULL DEFAULT '[]',
    "announcementCategory" TEXT,
    "reminderStages" TEXT NOT NULL DEFAULT '48,24,2',
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestHourLocal" INTEGER NOT NULL DEFAULT 9,
    "status" TEXT NOT NULL DEFAULT 'active',
    "flaggedReason" TEXT,
    "ingestSince" DATETIME NOT NULL,
    "postCursor" DATETIME,
    "postEtag" TEXT,
    "postLastModified" TEXT,
    "commentCursor" DATETIME,
    "blogFailingSince" DATETIME,
    "blogLastError" TEXT,
    "blogAlertedAt" DATETIME,
    "endsAt" DATETIME,
    "retentionDays" INTEGER NOT NULL DEFAULT 180,
    "purgeWarnedAt" DATETIME,
    "purgedAt" DATETIME,
    "createdByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "blogNameStyle" TEXT NOT NULL DEFAULT 'full'
);
INSERT INTO "new_Course" ("announcementCategory", "blogAlertedAt", "blogFailingSince", "blogKind", "blogLastError", "blogUrl", "channelId", "channelKind", "commentCursor", "createdAt", "createdByUserId", "digestHourLocal", "digestWeekday", "endsAt", "flaggedReason", "guildId", "id", "ingestSince", "minCommentWords", "name", "pollIntervalMinutes", "postCursor", "postEtag", "postLastModified", "purgeWarnedAt", "purgedAt", "quietHoursEnd", "quietHoursStart", "reminderStages", "reminderThreadId", "retentionDays", "staffBlogUserIds", "staffChannelId", "staffRoleId", "status", "timeZone", "updatedAt") SELECT "announcementCategory", "blogAlertedAt", "blogFailingSince", "blogKind", "blogLastError", "blogUrl", "channelId", "channelKind", "commentCursor", "createdAt", "createdByUserId", "digestHourLocal", "digestWeekday", "endsAt", "flaggedReason", "guildId", "id", "ingestSince", "minCommentWords", "name", "pollIntervalMinutes", "postCursor", "postEtag", "postLastModified", "purgeWarnedAt", "purgedAt", "quietHoursEnd", "quietHoursStart", "reminderStages", "reminderThreadId", "retentionDays", "staffBlogUserIds", "staffChannelId", "staffRoleId", "status", "timeZone", "updatedAt" FROM "Course";
DROP TABLE "Course";
ALTER TABLE "new_Course" RENAME TO "Course";
CREATE INDEX "Course_status_idx" ON "Course"("status");
CREATE UNIQUE INDEX "Course_guildId_channelId_key" ON "Course"("guildId", "channelId");
CREATE TABLE "new_Student" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "blogUserId" TEXT,
    "blogUsername" TEXT,
    "discordUserId" TEXT,
    "reminderMode" TEXT NOT NULL DEFAULT 'dm',
    "timeZone" TEXT,
    "dmClosedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "blogNameStyle" TEXT,
    "pseudonym" TEXT,
    "pseudonymStatus" TEXT,
    "discordOnly" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Student_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Student" ("blogUserId", "blogUsername", "courseId", "createdAt", "discordUserId", "displayName", "dmClosedAt", "email", "emailVerified", "id", "reminderMode", "timeZone", "updatedAt") SELECT "blogUserId", "blogUsername", "courseId", "createdAt", "discordUserId", "displayName", "dmClosedAt", "email", "emailVerified", "id", "reminderMode", "timeZone", "updatedAt" FROM "Student";
DROP TABLE "Student";
ALTER TABLE "new_Student" RENAME TO "Student";
CREATE UNIQUE INDEX "Student_courseId_discordUserId_key" ON "Student"("courseId", "discordUserId");
CREATE UNIQUE INDEX "Student_courseId_blogUserId_key" ON "Student"("courseId", "blogUserId");
CREATE UNIQUE INDEX "Student_courseId_email_key" ON "Student"("courseId", "email");
CREATE UNIQUE INDEX "Student_courseId_blogUsername_key" ON "Student"("courseId", "blogUsername");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
