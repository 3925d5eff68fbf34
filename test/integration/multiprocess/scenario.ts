// What people do in the multi-process suite: publish essays on the course blogs, reply in the threads
// (Discord) and under the posts (blog), and what instructors do: start a review round in every course.
import type { Db } from '../../../src/db/client.js';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { previewRound } from '../../../src/reviews/preview-round.js';
import type { DiscordEmulator, EmuChannel } from '../../../src/offline/discord-emulator/index.js';
import type { WorldCourse } from '../../support/bot-process/multi-course-world.js';

export interface Essay {
  course: WorldCourse;
  postId: number;
  link: string;
  title: string;
  author: 'student1' | 'student2';
}

export interface Reply {
  essay: Essay;
  /** Written in the thread by the other student; must reach the blog once. */
  discordToken: string;
  /** Written on the blog by the other student; must reach the thread once. */
  blogToken: string;
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, explain?: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${explain ? `:\n${await explain()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function publishEssays(courses: WorldCourse[], author: 'student1' | 'student2', label: string): Promise<Essay[]> {
  return Promise.all(
    courses.map(async (course) => {
      const title = `${label} — course ${course.index}: “Thaw” or freeze?`;
      const post = await course.wp.as(author).publishPost({ title, content: `<p>${label} essay for course ${course.index} — argued at length.</p>` });
      return { course, postId: post.id, link: post.link, title, author };
    }),
  );
}

/** The essay's thread, found the way a reader would: its starter message links the post. */
export function threadForEssay(emu: DiscordEmulator, essay: Essay): EmuChannel | undefined {
  return emu.threadsIn(essay.course.forumId).find((t) => emu.messagesIn(t.id)[0]?.content.includes(essay.link));
}

/** Short on purpose (under the 25-word minimum), so review assignments stay open and reminders are due. */
export async function writeReplies(emu: DiscordEmulator, essays: Essay[], label: string): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const essay of essays) {
    const other = essay.course.students.find((s) => s.wpLogin !== essay.author)!;
    const thread = threadForEssay(emu, essay)!;
    const discordToken = `d-${label}-${essay.course.index}-${essay.postId}`;
    const blogToken = `b-${label}-${essay.course.index}-${essay.postId}`;
    emu.as(other.discordId).postMessage(thread.id, { content: `I’d push back — ${discordToken}` });
    const res = await essay.course.wp.as(other.wpLogin).comment(essay.postId, `<p>Agreed — ${blogToken}</p>`);
    if (res.status !== 201) throw new Error(`blog comment refused: ${res.status} ${JSON.stringify(res.json)}`);
    replies.push({ essay, discordToken, blogToken });
  }
  return replies;
}

/** A round in every course: each student reviews the other's essays, due in 20 hours (the 24 h reminder is due now). */
export async function createRounds(db: Db, courses: WorldCourse[]): Promise<void> {
  const now = new Date();
  for (const course of courses) {
    const preview = await previewRound(db, {
      courseId: course.courseId,
      actorUserId: course.students[0].discordId,
      name: 'Peer review 1',
      dueAt: new Date(now.getTime() + 20 * 3_600_000),
      k: 1,
      mode: 'assigned',
      filter: {},
      now,
    });
    await confirmRound(db, preview.pendingId, { userId: course.students[0].discordId, guildId: course.guildId }, now);
  }
}

/** One 24-hour reminder per open assignment, addressed to the reviewer's Discord id. */
export async function expectedReminders(db: Db): Promise<Array<{ assignmentId: string; discordId: string }>> {
  const open = await db.assignment.findMany({ where: { status: 'pending' }, select: { id: true, reviewer: { select: { discordUserId: true } } } });
  return open.map((a) => ({ assignmentId: a.id, discordId: a.reviewer.discordUserId! }));
}

/** What is still waiting, for a failure message: outbox rows not done, and how long job runs took. */
export async function backlog(db: Db): Promise<string> {
  const now = Date.now();
  const rows = await db.outboxItem.findMany({
    where: { status: { not: 'done' } },
    select: { kind: true, status: true, attempts: true, lastError: true, nextAttemptAt: true },
    take: 15,
  });
  const runs = await db.jobRun.findMany({
    where: { finishedAt: { not: null } },
    select: { jobName: true, owner: true, startedAt: true, finishedAt: true, outcome: true, summary: true },
  });
  const byJob = new Map<string, number[]>();
  for (const r of runs)
    byJob.set(`${r.jobName} ${r.owner} ${r.outcome}`, [
      ...(byJob.get(`${r.jobName} ${r.owner} ${r.outcome}`) ?? []),
      r.finishedAt!.getTime() - r.startedAt.getTime(),
    ]);
  const jobs = [...byJob].map(([k, ms]) => `${k}: ${ms.length} runs, max ${Math.max(...ms)} ms`);
  const last = runs.slice(-6).map((r) => `${r.jobName} ${r.owner}: ${r.summary}`);
  return [
    ...rows.map((r) => `${r.kind} ${r.status} attempts=${r.attempts} next in ${r.nextAttemptAt.getTime() - now} ms: ${r.lastError?.slice(0, 160)}`),
    ...jobs,
    ...last,
  ].join('\n');
}
