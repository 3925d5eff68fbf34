// The privacy tests' course (export, purge of a student, purge of a course): two people whose names, emails
// and ids are spread through every table the bot writes, so a test can check each one is exported or gone.
import type { Db } from '../../../src/db/client.js';
import { seedCourseRecords } from './seed-course-records.js';

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
  // A reply written in Discord and mirrored to the blog: comment n has Discord message 31…n and blog comment 900n.
  const discordComment = (essayId: string, authorStudentId: string, n: number) =>
    comment({ essayId, origin: 'discord', authorStudentId, discordMessageId: `31${tag}000000000000000${n}`, blogCommentId: `900${n}`, n });
  const caDiscord = await discordComment(eb.id, sa.id, 1);
  const caBlog = await comment({ essayId: eb.id, origin: 'blog', authorStudentId: sa.id, blogCommentId: '9002', n: 2 });
  const cbDiscord = await discordComment(ea.id, sb.id, 3);
  const guest = await comment({ essayId: ea.id, origin: 'blog', authorName: a.displayName, blogCommentId: '9004', n: 4 });

  // What the bot recorded about them: rounds, reminders, audit, effects, previews, job runs.
  const { asA, asB } = await seedCourseRecords(db, { courseId, guildId, tag, a, b, sa, sb, ea, eb, caDiscord, caBlog, cbDiscord });

  return { course, courseId, guildId, a: sa, b: sb, ea, eb, caDiscord, caBlog, cbDiscord, guest, asA, asB };
}
