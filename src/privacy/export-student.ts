import type { Db } from '../db/client.js';
import { reviewCommentsShown, studentExportRecords, studentWithCourse } from '../db/repositories/export-student.js';
import { recordPrivacyAudit } from '../db/repositories/privacy-audit.js';
import { UserError } from '../shared/user-error.js';
import { purgeDate } from './retention.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface ExportStudentInput {
  courseId: string;
  studentId: string;
  now?: Date;
  /** When staff export someone else's data, pass them: the look is written to the audit log. */
  auditAs?: { actorUserId: string; guildId: string };
}

/**
 * `/privacy export`: everything the bot holds about one student, as plain JSON (ISO dates). Link-code
 * hashes are left out (a secret, not data about them). Reviewers of their essays are named only once
 * their review comment exists, and only by the Discord id that comment shows in the thread anyway.
 */
export async function exportStudentData(db: Db, input: ExportStudentInput) {
  const { courseId, studentId } = input;
  const student = await studentWithCourse(db, courseId, studentId);
  if (!student) throw new UserError('No roster entry for that student in this course.');
  const { course } = student;

  const { linkClaims, essays, comments, reviewsGiven, reviewsReceived, reminders, audit } = await studentExportRecords(
    db,
    courseId,
    studentId,
    student.discordUserId,
  );
  const reviewComments = await reviewCommentsShown(
    db,
    reviewsReceived.flatMap((a) => (a.completedCommentId ? [a.completedCommentId] : [])),
  );
  const byId = new Map(reviewComments.map((c) => [c.id, c]));

  const result = {
    format: 'coursethreads.student-export',
    version: 1,
    exportedAt: (input.now ?? new Date()).toISOString(),
    course: {
      id: course.id,
      name: course.name,
      blogUrl: course.blogUrl,
      endsAt: iso(course.endsAt),
      retentionDays: course.retentionDays,
      personalDataPurgedAt: course.endsAt ? purgeDate(course.endsAt, course.retentionDays).toISOString() : null,
    },
    student: {
      id: student.id,
      displayName: student.displayName,
      email: student.email,
      emailVerified: student.emailVerified,
      blogUserId: student.blogUserId,
      blogUsername: student.blogUsername,
      discordUserId: student.discordUserId,
      reminderMode: student.reminderMode,
      timeZone: student.timeZone,
      dmClosedAt: iso(student.dmClosedAt),
      // How their name appears on the blog and whether replies stay in Discord (/privacy name, discord-only).
      blogNameStyle: student.blogNameStyle,
      pseudonym: student.pseudonym,
      pseudonymStatus: student.pseudonymStatus,
      discordOnly: student.discordOnly,
      createdAt: iso(student.createdAt),
      updatedAt: iso(student.updatedAt),
    },
    linkClaims: linkClaims.map((c) => ({ ...c, expiresAt: iso(c.expiresAt), confirmedAt: iso(c.confirmedAt), createdAt: iso(c.createdAt) })),
    essays: essays.map((e) => ({
      id: e.id,
      blogPostId: e.blogPostId,
      url: e.url,
      title: e.title,
      publishedAt: iso(e.publishedAt),
      modifiedAt: iso(e.modifiedAt),
      blogStatus: e.blogStatus,
      categories: parseJson(e.categories),
      tags: parseJson(e.tags),
      threadId: e.threadId,
      threadState: e.threadState,
    })),
    comments: comments.map((c) => ({
      id: c.id,
      essay: c.essay,
      origin: c.origin,
      discordMessageId: c.discordMessageId,
      mirrorMessageIds: parseJson(c.mirrorMessageIds),
      blogCommentId: c.blogCommentId,
      parentCommentId: c.parentCommentId,
      wordCount: c.wordCount,
      blogStatus: c.blogStatus,
      mirrorState: c.mirrorState,
      writtenAt: iso(c.writtenAt),
      deletedAt: iso(c.deletedAt),
    })),
    reviewsGiven: reviewsGiven.map((a) => ({
      id: a.id,
      round: { name: a.round.name, dueAt: iso(a.round.dueAt), mode: a.round.mode },
      essay: a.essay,
      slotKey: a.slotKey,
      status: a.status,
      completedAt: iso(a.completedAt),
      completedCommentId: a.completedCommentId,
    })),
    reviewsReceived: reviewsReceived.map((a) => {
      const comment = a.completedCommentId ? byId.get(a.completedCommentId) : undefined;
      return {
        round: { name: a.round.name, dueAt: iso(a.round.dueAt) },
        essay: a.essay,
        status: a.status,
        completedAt: iso(a.completedAt),
        review: comment
          ? {
              origin: comment.origin,
              writtenAt: iso(comment.writtenAt),
              discordMessageId: comment.discordMessageId,
              reviewerDiscordUserId: comment.origin === 'discord' ? (comment.author?.discordUserId ?? null) : null,
            }
          : null,
      };
    }),
    reminders: reminders.map((r) => ({
      stage: r.stage,
      status: r.status,
      deliveredVia: r.deliveredVia,
      scheduledFor: iso(r.scheduledFor),
      postponedUntil: iso(r.postponedUntil),
      sentAt: iso(r.sentAt),
      discordMessageId: r.discordMessageId,
      createdAt: iso(r.createdAt),
    })),
    // Details of an action they took about another student belong to that student: left out.
    auditEntries: audit.map((a) => ({
      action: a.action,
      actorUserId: a.actorUserId,
      createdAt: iso(a.createdAt),
      details: a.targetStudentId && a.targetStudentId !== studentId ? 'about another student (left out)' : parseJson(a.details),
    })),
    keptElsewhere:
      'Your essays and blog comments are on the course blog and your replies are in the course Discord threads; ' +
      'your own accounts own them there. Copies of comment text waiting to be mirrored are kept at most 7 days after delivery.',
  };
  if (input.auditAs) {
    await recordPrivacyAudit(db, {
      courseId,
      guildId: input.auditAs.guildId,
      actorUserId: input.auditAs.actorUserId,
      action: 'privacy.export',
      targetStudentId: studentId,
      details: '{}',
      createdAt: input.now ?? new Date(),
    });
  }
  return result;
}

export type StudentExport = Awaited<ReturnType<typeof exportStudentData>>;
