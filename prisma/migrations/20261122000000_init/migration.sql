-- CreateTable
CREATE TABLE "Course" (
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
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BlogSecret" (
    "courseId" TEXT NOT NULL PRIMARY KEY,
    "keyVersion" INTEGER NOT NULL,
    "iv" TEXT NOT NULL,
    "authTag" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BlogSecret_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Student" (
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
    CONSTRAINT "Student_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "blogUsername" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "expiresAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkClaim_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkClaim_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Essay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "blogPostId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "authorStudentId" TEXT,
    "authorBlogUserId" TEXT,
    "authorName" TEXT,
    "publishedAt" DATETIME NOT NULL,
    "modifiedAt" DATETIME NOT NULL,
    "blogStatus" TEXT NOT NULL DEFAULT 'published',
    "categories" TEXT NOT NULL DEFAULT '[]',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "renderedHash" TEXT,
    "threadState" TEXT NOT NULL DEFAULT 'pending',
    "threadId" TEXT,
    "starterMessageId" TEXT,
    "threadNonce" TEXT NOT NULL,
    "threadAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Essay_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Essay_authorStudentId_fkey" FOREIGN KEY ("authorStudentId") REFERENCES "Student" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "essayId" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "discordMessageId" TEXT,
    "mirrorMessageIds" TEXT NOT NULL DEFAULT '[]',
    "blogCommentId" TEXT,
    "parentCommentId" TEXT,
    "authorStudentId" TEXT,
    "authorName" TEXT,
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "contentHash" TEXT NOT NULL,
    "blogStatus" TEXT NOT NULL DEFAULT 'approved',
    "mirrorState" TEXT NOT NULL DEFAULT 'pending',
    "writtenAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Comment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_essayId_fkey" FOREIGN KEY ("essayId") REFERENCES "Essay" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorStudentId_fkey" FOREIGN KEY ("authorStudentId") REFERENCES "Student" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "reviewsPerStudent" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "essayFilter" TEXT NOT NULL DEFAULT '{}',
    "seed" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewRound_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "reviewerStudentId" TEXT NOT NULL,
    "essayId" TEXT,
    "slotKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "completedAt" DATETIME,
    "completedCommentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assignment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReviewRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_reviewerStudentId_fkey" FOREIGN KEY ("reviewerStudentId") REFERENCES "Student" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_essayId_fkey" FOREIGN KEY ("essayId") REFERENCES "Essay" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "studentId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "deliveredVia" TEXT,
    "scheduledFor" DATETIME NOT NULL,
    "postponedUntil" DATETIME,
    "sentAt" DATETIME,
    "discordMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Reminder_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reminder_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reminder_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "orderKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "doneAt" DATETIME,
    CONSTRAINT "OutboxItem_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "fencingToken" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "acquiredAt" DATETIME NOT NULL,
    "renewedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobName" TEXT NOT NULL,
    "courseId" TEXT,
    "owner" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "outcome" TEXT NOT NULL DEFAULT 'running',
    "summary" TEXT,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "ProcessHeartbeat" (
    "owner" TEXT NOT NULL PRIMARY KEY,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "shardIds" TEXT NOT NULL DEFAULT '[]',
    "startedAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT,
    "guildId" TEXT NOT NULL,
    "actorUserId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetStudentId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PendingConfirmation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT,
    "kind" TEXT NOT NULL,
    "actorUserId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingConfirmation_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnonymousTally" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "purgedStudents" INTEGER NOT NULL DEFAULT 0,
    "essays" INTEGER NOT NULL DEFAULT 0,
    "commentsGiven" INTEGER NOT NULL DEFAULT 0,
    "reviewsDone" INTEGER NOT NULL DEFAULT 0,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Course_status_idx" ON "Course"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Course_guildId_channelId_key" ON "Course"("guildId", "channelId");

-- CreateIndex
CREATE UNIQUE INDEX "Student_courseId_discordUserId_key" ON "Student"("courseId", "discordUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Student_courseId_blogUserId_key" ON "Student"("courseId", "blogUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Student_courseId_email_key" ON "Student"("courseId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Student_courseId_blogUsername_key" ON "Student"("courseId", "blogUsername");

-- CreateIndex
CREATE INDEX "LinkClaim_courseId_status_idx" ON "LinkClaim"("courseId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Essay_threadId_key" ON "Essay"("threadId");

-- CreateIndex
CREATE INDEX "Essay_courseId_threadState_idx" ON "Essay"("courseId", "threadState");

-- CreateIndex
CREATE INDEX "Essay_courseId_publishedAt_idx" ON "Essay"("courseId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Essay_courseId_blogPostId_key" ON "Essay"("courseId", "blogPostId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_discordMessageId_key" ON "Comment"("discordMessageId");

-- CreateIndex
CREATE INDEX "Comment_essayId_writtenAt_idx" ON "Comment"("essayId", "writtenAt");

-- CreateIndex
CREATE INDEX "Comment_authorStudentId_idx" ON "Comment"("authorStudentId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_courseId_blogCommentId_key" ON "Comment"("courseId", "blogCommentId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewRound_courseId_name_key" ON "ReviewRound"("courseId", "name");

-- CreateIndex
CREATE INDEX "Assignment_status_idx" ON "Assignment"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_roundId_reviewerStudentId_slotKey_key" ON "Assignment"("roundId", "reviewerStudentId", "slotKey");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_dedupeKey_key" ON "Reminder"("dedupeKey");

-- CreateIndex
CREATE INDEX "Reminder_courseId_status_idx" ON "Reminder"("courseId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxItem_dedupeKey_key" ON "OutboxItem"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxItem_status_nextAttemptAt_idx" ON "OutboxItem"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxItem_orderKey_status_idx" ON "OutboxItem"("orderKey", "status");

-- CreateIndex
CREATE INDEX "JobRun_jobName_startedAt_idx" ON "JobRun"("jobName", "startedAt");

-- CreateIndex
CREATE INDEX "AuditEntry_courseId_createdAt_idx" ON "AuditEntry"("courseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AnonymousTally_courseId_key" ON "AnonymousTally"("courseId");
