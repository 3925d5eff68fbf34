-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL,
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
    "ingestSince" TIMESTAMP(3) NOT NULL,
    "postCursor" TIMESTAMP(3),
    "postEtag" TEXT,
    "postLastModified" TEXT,
    "commentCursor" TIMESTAMP(3),
    "blogFailingSince" TIMESTAMP(3),
    "blogLastError" TEXT,
    "blogAlertedAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "retentionDays" INTEGER NOT NULL DEFAULT 180,
    "purgeWarnedAt" TIMESTAMP(3),
    "purgedAt" TIMESTAMP(3),
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlogSecret" (
    "courseId" TEXT NOT NULL,
    "keyVersion" INTEGER NOT NULL,
    "iv" TEXT NOT NULL,
    "authTag" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BlogSecret_pkey" PRIMARY KEY ("courseId")
);

-- CreateTable
CREATE TABLE "Student" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "blogUserId" TEXT,
    "blogUsername" TEXT,
    "discordUserId" TEXT,
    "reminderMode" TEXT NOT NULL DEFAULT 'dm',
    "timeZone" TEXT,
    "dmClosedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Student_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkClaim" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "blogUsername" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Essay" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "blogPostId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "authorStudentId" TEXT,
    "authorBlogUserId" TEXT,
    "authorName" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "modifiedAt" TIMESTAMP(3) NOT NULL,
    "blogStatus" TEXT NOT NULL DEFAULT 'published',
    "categories" TEXT NOT NULL DEFAULT '[]',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "renderedHash" TEXT,
    "threadState" TEXT NOT NULL DEFAULT 'pending',
    "threadId" TEXT,
    "starterMessageId" TEXT,
    "threadNonce" TEXT NOT NULL,
    "threadAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Essay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
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
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRound" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "reviewsPerStudent" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "essayFilter" TEXT NOT NULL DEFAULT '{}',
    "seed" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "reviewerStudentId" TEXT NOT NULL,
    "essayId" TEXT,
    "slotKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "completedAt" TIMESTAMP(3),
    "completedCommentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "studentId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "deliveredVia" TEXT,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "postponedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "discordMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxItem" (
    "id" TEXT NOT NULL,
    "courseId" TEXT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "orderKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "OutboxItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "fencingToken" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL,
    "renewedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "jobName" TEXT NOT NULL,
    "courseId" TEXT,
    "owner" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "outcome" TEXT NOT NULL DEFAULT 'running',
    "summary" TEXT,
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessHeartbeat" (
    "owner" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "shardIds" TEXT NOT NULL DEFAULT '[]',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessHeartbeat_pkey" PRIMARY KEY ("owner")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "courseId" TEXT,
    "guildId" TEXT NOT NULL,
    "actorUserId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetStudentId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingConfirmation" (
    "id" TEXT NOT NULL,
    "courseId" TEXT,
    "kind" TEXT NOT NULL,
    "actorUserId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnonymousTally" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "purgedStudents" INTEGER NOT NULL DEFAULT 0,
    "essays" INTEGER NOT NULL DEFAULT 0,
    "commentsGiven" INTEGER NOT NULL DEFAULT 0,
    "reviewsDone" INTEGER NOT NULL DEFAULT 0,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnonymousTally_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "BlogSecret" ADD CONSTRAINT "BlogSecret_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkClaim" ADD CONSTRAINT "LinkClaim_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkClaim" ADD CONSTRAINT "LinkClaim_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Essay" ADD CONSTRAINT "Essay_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Essay" ADD CONSTRAINT "Essay_authorStudentId_fkey" FOREIGN KEY ("authorStudentId") REFERENCES "Student"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_essayId_fkey" FOREIGN KEY ("essayId") REFERENCES "Essay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorStudentId_fkey" FOREIGN KEY ("authorStudentId") REFERENCES "Student"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRound" ADD CONSTRAINT "ReviewRound_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReviewRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_reviewerStudentId_fkey" FOREIGN KEY ("reviewerStudentId") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_essayId_fkey" FOREIGN KEY ("essayId") REFERENCES "Essay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxItem" ADD CONSTRAINT "OutboxItem_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingConfirmation" ADD CONSTRAINT "PendingConfirmation_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
