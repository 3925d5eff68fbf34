import type { Db } from '../../../src/db/client.js';

export interface Person {
  displayName: string;
  email: string;
  blogUserId: string;
  blogUsername: string;
  discordUserId: string;
}

export const zelda: Person = {
  displayName: 'Zelda Quartermain',
  email: 'zelda.q@uni.example',
  blogUserId: '904417',
  blogUsername: 'zquartermain',
  discordUserId: '771234567890123456',
};
export const bruno: Person = {
  displayName: 'Bruno Okafor',
  email: 'bruno.o@uni.example',
  blogUserId: '615283',
  blogUsername: 'bokafor',
  discordUserId: '661234567890123457',
};

const t = (iso: string) => new Date(iso);

/**
 * A course as the bot leaves it mid-term: two linked students, an essay each, comments born on both
 * sides, a review round, sent reminders, audit entries, queued and delivered effects, a preview waiting
 * for Confirm, and a guest comment that carries the first student's name from before she linked.
 */
export async function seedCourse(db: Db, opts: { guildId?: string; channelId?: string; people?: [Person, Person]; tag?: string } = {}) {
  const [a, b] = opts.people ?? [zelda, bruno];
  const tag = opts.tag ?? '';
  const guildId = opts.guildId ?? '500000000000000001';
  const course = await db.course.create({
    data: {
      guildId,
      channelId: opts.channelId ?? '500000000000000002',
      channelKind: 'forum',
      name: 'WRIT 210',
      blogKind: 'wordpress',
      blogUrl: 'https://blog.example.edu',
      staffRoleId: '500000000000000003',
      ingestSince: t('2026-09-01T00:00:00Z'),
      endsAt: t('2026-12-15T00:00:00Z'),
      createdByUserId: '400000000000000009',
      secret: { create: { keyVersion: 1, iv: 'aXY=', authTag: 'dGFn', ciphertext: 'Y2lwaGVy' } },
    },
  });
  const courseId = course.id;
  const sa = await db.student.create({ data: { courseId, ...a, emailVerified: true } });
  const sb = await db.student.create({ data: { courseId, ...b } });
  await db.linkClaim.create({
    data: {
      courseId,
      studentId: sa.id,
      blogUsername: a.blogUsername,
      codeHash: 'a'.repeat(64),
      status: 'confirmed',
      expiresAt: t('2026-09-10T00:00:00Z'),
      confirmedAt: t('2026-09-05T00:00:00Z'),
    },
  });
  await db.linkClaim.create({
    data: { courseId, studentId: sb.id, blogUsername: b.blogUsername, codeHash: 'b'.repeat(64), expiresAt: t('2026-09-10T00:00:00Z') },
  });

  const essay = (s: typeof sa, p: Person, n: number) =>
    db.essay.create({
      data: {
        courseId,
        blogPostId: `${n}01`,
        url: `https://blog.example.edu/2026/09/essay-${n}/`,
        title: `On rivers ${n}`,
        authorStudentId: s.id,
        authorBlogUserId: p.blogUserId,
        publishedAt: t(`2026-09-0${n}T10:00:00Z`),
        modifiedAt: t(`2026-09-0${n}T10:00:00Z`),
        threadNonce: `nonce-${n}`,
        threadState: 'created',
        threadId: `3${tag}0000000000000000${n}`,
      },
    });
  const ea = await essay(sa, a, 1);
  const eb = await essay(sb, b, 2);
  const comment = (data: {
    essayId: string;
    origin: string;
    authorStudentId?: string;
    authorName?: string;
    discordMessageId?: string;
    blogCommentId?: string;
    n: number;
  }) => {
    const { n, ...rest } = data;
    return db.comment.create({
      data: { courseId, ...rest, wordCount: 40 + n, contentHash: `hash-${n}`, mirrorState: 'mirrored', writtenAt: t(`2026-09-1${n}T12:00:00Z`) },
    });
  };
  const caDiscord = await comment({
    essayId: eb.id,
    origin: 'discord',
    authorStudentId: sa.id,
    discordMessageId: `31${tag}0000000000000001`,
    blogCommentId: '9001',
    n: 1,
  });
  const caBlog = await comment({ essayId: eb.id, origin: 'blog', authorStudentId: sa.id, blogCommentId: '9002', n: 2 });
  const cbDiscord = await comment({
    essayId: ea.id,
    origin: 'discord',
    authorStudentId: sb.id,
    discordMessageId: `31${tag}0000000000000003`,
    blogCommentId: '9003',
    n: 3,
  });
  const guest = await comment({ essayId: ea.id, origin: 'blog', authorName: a.displayName, blogCommentId: '9004', n: 4 });

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

  await db.pendingConfirmation.create({
    data: {
      courseId,
      kind: 'roster.remove',
      actorUserId: '400000000000000009',
      payload: JSON.stringify({ studentId: sa.id }),
      expiresAt: t('2026-09-30T00:00:00Z'),
    },
  });
  await db.pendingConfirmation.create({
    data: {
      courseId,
      kind: 'roster.remove',
      actorUserId: '400000000000000009',
      payload: JSON.stringify({ studentId: sb.id }),
      expiresAt: t('2026-09-30T00:00:00Z'),
    },
  });
  await db.jobRun.create({
    data: { jobName: 'reminders', courseId, owner: 'p1', startedAt: t('2026-09-18T23:59:00Z'), outcome: 'failed', error: `DM to ${a.email} failed` },
  });

  return { course, courseId, guildId, a: sa, b: sb, ea, eb, caDiscord, caBlog, cbDiscord, guest, asA, asB };
}
