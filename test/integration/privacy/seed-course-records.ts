// The second half of seedCourse (seed-course.ts): what the bot recorded about the people and their writing
// mid-term (review rounds and assignments, sent reminders, audit entries, queued and delivered effects,
// previews waiting for Confirm, a failed job run), each carrying the people's names, emails or ids.
import type { Db } from '../../../src/db/client.js';
import type { Person } from './seed-course.js';

interface Row {
  id: string;
}

/** The course's people and writing, as seedCourse created them. */
export interface SeededWriting {
  courseId: string;
  guildId: string;
  tag: string;
  a: Person;
  b: Person;
  sa: Row;
  sb: Row;
  ea: Row;
  eb: Row;
  caDiscord: Row;
  caBlog: Row;
  cbDiscord: Row;
}

const t = (iso: string) => new Date(iso);

export async function seedCourseRecords(db: Db, seeded: SeededWriting) {
  const { courseId, guildId, tag, a, b, sa, sb, ea, eb, caDiscord, caBlog, cbDiscord } = seeded;
  const round = await db.reviewRound.create({
    data: {
      courseId,
      name: 'Round 1',
      dueAt: t('2026-09-20T23:59:00Z'),
      reviewsPerStudent: 1,
      mode: 'assigned',
      seed: 's',
      createdByUserId: '400000000000000009',
    },
  });
  const asA = await db.assignment.create({
    data: {
      roundId: round.id,
      reviewerStudentId: sa.id,
      essayId: eb.id,
      slotKey: eb.id,
      status: 'done',
      completedAt: t('2026-09-11T12:00:00Z'),
      completedCommentId: caDiscord.id,
    },
  });
  const asB = await db.assignment.create({
    data: {
      roundId: round.id,
      reviewerStudentId: sb.id,
      essayId: ea.id,
      slotKey: ea.id,
      status: 'done',
      completedAt: t('2026-09-13T12:00:00Z'),
      completedCommentId: cbDiscord.id,
    },
  });
  const round2 = await db.reviewRound.create({
    data: { courseId, name: 'Round 2', dueAt: t('2026-10-20T23:59:00Z'), reviewsPerStudent: 1, mode: 'assigned', seed: 's2' },
  });
  await db.assignment.create({ data: { roundId: round2.id, reviewerStudentId: sb.id, essayId: ea.id, slotKey: ea.id } });

  const reminder = (s: typeof sa, asg: typeof asA, stage: string) =>
    db.reminder.create({
      data: {
        courseId,
        studentId: s.id,
        assignmentId: asg.id,
        dedupeKey: `${asg.id}:${stage}`,
        stage,
        status: 'sent',
        deliveredVia: 'dm',
        scheduledFor: t('2026-09-18T23:59:00Z'),
        sentAt: t('2026-09-18T23:59:00Z'),
        discordMessageId: `32000000000000000${stage.length}`,
      },
    });
  await reminder(sa, asA, 'before_48h');
  await reminder(sb, asB, 'before_24h');

  const audit = (action: string, target: string | null, details: unknown) =>
    db.auditEntry.create({ data: { courseId, guildId, actorUserId: '400000000000000009', action, targetStudentId: target, details: JSON.stringify(details) } });
  await audit('roster.add', sa.id, { name: a.displayName, email: a.email, discord: a.discordUserId });
  await audit('roster.add', sb.id, { name: b.displayName, email: b.email });
  await audit('report.view', null, { students: 2 });

  const effect = (kind: string, key: string, payload: unknown, status = 'pending') =>
    db.outboxItem.create({
      data: {
        courseId,
        kind,
        dedupeKey: `${key}${tag}`,
        orderKey: ea.id,
        payload: JSON.stringify(payload),
        status,
        doneAt: status === 'done' ? t('2026-09-12T00:00:00Z') : null,
      },
    });
  await effect('blog.create_comment', 'create-a', {
    commentId: caDiscord.id,
    html: `<p>${a.displayName} thinks the river is a metaphor.</p>`,
    replyToMessageId: null,
  });
  await effect(
    'discord.post_blog_comment',
    'post-a',
    { commentId: caBlog.id, chunks: ['Good point'], username: a.displayName, avatarUrl: null, marker: 'm' },
    'done',
  );
  await effect('blog.trash_comment', 'trash-a', { commentId: caBlog.id });
  await effect('discord.edit_essay_thread', 'edit-ea', {
    essayId: ea.id,
    starter: { title: 'On rivers 1', content: `by ${a.displayName} (${a.blogUsername})`, embed: null, hash: 'h' },
  });
  await effect('blog.create_comment', 'create-b', { commentId: cbDiscord.id, html: `<p>${b.displayName} agrees.</p>`, replyToMessageId: null });

  // A /roster remove preview waiting for Confirm, for each of them.
  for (const student of [sa, sb]) {
    await db.pendingConfirmation.create({
      data: {
        courseId,
        kind: 'roster.remove',
        actorUserId: '400000000000000009',
        payload: JSON.stringify({ studentId: student.id }),
        expiresAt: t('2026-09-30T00:00:00Z'),
      },
    });
  }
  await db.jobRun.create({
    data: { jobName: 'reminders', courseId, owner: 'p1', startedAt: t('2026-09-18T23:59:00Z'), outcome: 'failed', error: `DM to ${a.email} failed` },
  });

  return { asA, asB };
}
