// Writes a simulated course (simulated-course.ts) into the database with Prisma's createMany, table by
// table: fast enough for hundreds of students. Rows the plain shape leaves open (hashes, dedupe keys,
// the reminders' schedule) are filled in here.
import type { Db } from '../../../src/db/client.js';
import type { SimCourse } from './simulated-course.js';

const H = 3_600_000;

export async function insertSimulatedCourse(db: Db, sim: SimCourse): Promise<void> {
  const courseId = sim.courseId;
  await db.student.createMany({ data: sim.students.map((s) => ({ ...s, courseId })) });
  await db.essay.createMany({
    data: sim.essays.map((e, i) => ({
      id: e.id,
      courseId,
      blogPostId: String(1000 + i),
      url: e.url,
      title: e.title,
      authorStudentId: e.authorStudentId,
      authorName: e.authorStudentId ? null : 'Guest Writer',
      publishedAt: e.publishedAt,
      modifiedAt: e.publishedAt,
      blogStatus: e.blogStatus,
      threadState: 'created',
      threadId: e.threadId,
      threadNonce: `nonce-${e.id}`,
    })),
  });
  await db.comment.createMany({
    data: sim.comments.map((m, i) => ({
      id: m.id,
      courseId,
      essayId: m.essayId,
      origin: m.origin,
      authorStudentId: m.authorStudentId,
      authorName: m.authorStudentId ? null : 'A Guest',
      discordMessageId: m.origin === 'discord' ? `dm-${m.id}` : null,
      blogCommentId: m.origin === 'blog' ? `bc-${i}` : null,
      wordCount: 30,
      contentHash: `h${i}`,
      blogStatus: m.blogStatus,
      mirrorState: 'mirrored',
      writtenAt: m.writtenAt,
      deletedAt: m.deletedAt,
    })),
  });
  await db.reviewRound.createMany({
    data: sim.rounds.map((r) => ({ id: r.id, courseId, name: r.name, dueAt: r.dueAt, reviewsPerStudent: 2, mode: 'assigned', seed: 'sim', status: r.status })),
  });
  await db.assignment.createMany({
    data: sim.assignments.map((a) => ({
      id: a.id,
      roundId: a.roundId,
      reviewerStudentId: a.reviewerStudentId,
      essayId: a.essayId,
      slotKey: a.essayId,
      status: a.status,
      completedAt: a.completedAt,
    })),
  });
  await db.reminder.createMany({
    data: sim.reminders.map((r) => ({
      id: r.id,
      courseId,
      assignmentId: r.assignmentId,
      studentId: r.studentId,
      dedupeKey: `${r.assignmentId ?? courseId}:${r.stage}:${r.id}`,
      stage: r.stage,
      status: r.status,
      deliveredVia: r.deliveredVia,
      scheduledFor: new Date(sim.now.getTime() - 10 * H),
      postponedUntil: r.postponedUntil,
      sentAt: r.status === 'sent' ? sim.now : null,
      lastError: r.status === 'failed' ? 'dm_closed: Cannot send messages to this user' : null,
    })),
  });
}
