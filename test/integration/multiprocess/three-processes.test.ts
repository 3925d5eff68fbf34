// Issue 8's proof with real processes: PostgreSQL started here, the Discord emulator with 2 shards and
// 20 guilds (a course each, every course on its own WordPress fake), and 3 bot processes: P0 on shard 0,
// P1 on shard 1, P2 on both (so killing any one leaves every guild connected; courses are not tied to
// shards: the leases in the database spread them). Essays are published, replies written in Discord and
// on the blogs, reminder rounds created, and the process holding the most courses is SIGKILLed mid-work.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BotProcess } from '../../support/bot-process/spawn-bot-process.js';
import { essayThreadsIn } from '../../support/bot-world.js';
import { postgresAvailable } from '../../support/postgres-server.js';
import { useProcessFleet } from './process-fleet.js';
import { backlog, createRounds, expectedReminders, publishEssays, threadForEssay, waitUntil, writeReplies, type Essay, type Reply } from './scenario.js';

const LEASE_SECONDS = 3;
const TICK_SECONDS = 1;
const available = postgresAvailable();

describe.skipIf(!available.ok)(`3 bot processes, 2 shards, 20 guilds on PostgreSQL${available.ok ? '' : ` — skipped: ${available.reason}`}`, () => {
  const fleet = useProcessFleet({ courses: 20, shardCount: 2, logDirPrefix: 'ct-multiprocess-' });
  let procs: BotProcess[] = [];

  beforeAll(async () => {
    const start = (name: string, shards: number[]) => fleet.start(name, { shards, leaseSeconds: LEASE_SECONDS, tickSeconds: TICK_SECONDS, sweepSeconds: 2 });
    procs = await Promise.all([start('P0', [0]), start('P1', [1]), start('P2', [0, 1])]);
  }, 120_000);

  it("does every thread, comment and reminder exactly once and takes the killed process's courses over within one lease period", async () => {
    const { db, watch } = fleet;
    const { emu, courses } = fleet.world;
    // Each process identified on its shards (P2 on both): every guild has a gateway session even after one kill.
    expect(
      emu.gateway.log
        .filter((e) => e.event === 'identify')
        .map((e) => e.shard?.join('/'))
        .sort(),
    ).toEqual(['0/2', '0/2', '1/2', '1/2']);

    // Wave 1: an essay in every course; replies start while the threads are still being created.
    const essays: Essay[] = await publishEssays(courses, 'student1', 'Wave one');
    await waitUntil(() => essays.filter((e) => threadForEssay(emu, e)).length >= 8, 60_000, 'first threads');
    const replies: Reply[] = await writeReplies(
      emu,
      essays.filter((e) => threadForEssay(emu, e)),
      'early',
    );

    // Kill the process holding the most courses, in the middle of that work.
    const owners = await watch.current();
    const held = (p: BotProcess) => [...owners].filter(([, owner]) => owner === p.owner).map(([courseId]) => courseId);
    const victim = [...procs].sort((a, b) => held(b).length - held(a).length)[0]!;
    const orphaned = held(victim);
    expect(orphaned.length).toBeGreaterThan(0);
    const killedAt = Date.now();
    expect(await victim.kill('SIGKILL')).toBe('SIGKILL');
    const survivors = procs.filter((p) => p !== victim);

    // Wave 2 after the kill, replies in every remaining thread, then a review round in every course. The
    // round comes after the kill on purpose: a reminder interrupted between its DM and its "sent" mark is
    // retried only once its intent is 10 minutes stale (docs/adr/0003), longer than this test runs.
    essays.push(...(await publishEssays(courses, 'student2', 'Wave two')));
    await waitUntil(() => essays.every((e) => threadForEssay(emu, e)), 90_000, 'a thread for every essay');
    const replied = new Set(replies.map((r) => r.essay));
    replies.push(
      ...(await writeReplies(
        emu,
        essays.filter((e) => !replied.has(e)),
        'late',
      )),
    );
    await waitUntil(async () => (await db.essay.count({ where: { authorStudentId: { not: null } } })) === essays.length, 30_000, 'essays linked to students');
    await createRounds(db, courses);
    const reminders = await expectedReminders(db);

    const missing = async (): Promise<string> => {
      const notOnBlog = replies.filter((r) => !r.essay.course.wp.state.comments.some((c) => c.content.includes(r.discordToken))).length;
      const notMirrored = replies.filter(
        (r) => !emu.messagesIn(threadForEssay(emu, r.essay)!.id).some((m) => m.webhook_id && m.content.includes(r.blogToken)),
      ).length;
      const unsent = reminders.length - (await db.reminder.count({ where: { status: 'sent', stage: 'before_24h' } }));
      return notOnBlog + notMirrored + unsent === 0
        ? ''
        : `${notOnBlog} replies not on the blog, ${notMirrored} blog comments not in Discord, ${unsent} reminders not sent`;
    };
    await waitUntil(
      async () => (await missing()) === '',
      120_000,
      'every reply mirrored and every reminder sent',
      async () => `${await missing()}\n${await backlog(db)}`,
    );
    // Two more lease periods: anything duplicated late (a retry, a second owner) would show now.
    await new Promise((r) => setTimeout(r, 2 * LEASE_SECONDS * 1_000));

    // Threads: exactly one per essay, nothing else in the forums.
    for (const course of courses) {
      const mine = essays.filter((e) => e.course === course);
      expect(
        essayThreadsIn({ emu }, course.forumId)
          .map((t) => t.name)
          .sort(),
      ).toEqual(mine.map((e) => e.title).sort());
    }
    // Comments: each Discord reply once on its blog; each blog comment once in its thread.
    for (const r of replies) {
      expect(r.essay.course.wp.state.comments.filter((c) => c.content.includes(r.discordToken))).toHaveLength(1);
      const thread = threadForEssay(emu, r.essay)!;
      expect(emu.messagesIn(thread.id).filter((m) => m.content.includes(r.blogToken))).toHaveLength(1);
    }
    expect(await db.comment.count({ where: { origin: 'discord' } })).toBe(replies.length);
    // DMs: the round's notice once per student (confirmed after the kill, sent by whichever process holds the
    // course), and one reminder per assignment; none twice.
    const isRoundNotice = (m: { content: string }) => m.content.startsWith('📝 **Peer reviews assigned**');
    for (const course of courses) {
      for (const s of course.students) {
        const owed = reminders.filter((r) => r.discordId === s.discordId).length;
        expect(emu.dmsTo(s.discordId).filter(isRoundNotice)).toHaveLength(1);
        expect(emu.dmsTo(s.discordId).filter((m) => !isRoundNotice(m))).toHaveLength(owed);
      }
    }
    expect(await db.outboxItem.count({ where: { status: { not: 'done' } } })).toBe(0);

    // Every course still served, by the survivors only, and both of them take a share.
    // A lease may lapse for a moment on a loaded machine (a tick slower than the 3 s lease) and be taken again
    // at the next tick: what matters is that the survivors, and only they, hold every course.
    const survivorOwners = new Set(survivors.map((p) => p.owner));
    let now = new Map<string, string>();
    const servedBySurvivors = async () => {
      now = await watch.current();
      return now.size === courses.length && [...now.values()].every((o) => survivorOwners.has(o));
    };
    await waitUntil(servedBySurvivors, 3 * LEASE_SECONDS * 1_000, 'every course held by a survivor', async () => JSON.stringify([...(await watch.current())]));
    expect([...now.keys()].sort()).toEqual(courses.map((c) => c.courseId).sort());
    expect([...now.values()].every((o) => survivorOwners.has(o))).toBe(true);
    // The killed process's courses: taken over within one lease period plus one job tick, where a tick is
    // the wait for the next run (TICK_SECONDS) plus that run itself, measured from the survivors' JobRun rows.
    const takeover = watch.takenOverAfter(orphaned, killedAt, [...survivorOwners]);
    const worst = Math.max(...takeover.values());
    const leaseMs = LEASE_SECONDS * 1_000;
    const tickRuns = await db.jobRun.findMany({
      where: {
        owner: { in: [...survivorOwners] },
        startedAt: { gte: new Date(killedAt), lte: new Date(killedAt + leaseMs + TICK_SECONDS * 1_000) },
        finishedAt: { not: null },
      },
      select: { startedAt: true, finishedAt: true },
    });
    const longestRun = Math.max(0, ...tickRuns.map((r) => r.finishedAt!.getTime() - r.startedAt.getTime()));
    const bound = leaseMs + TICK_SECONDS * 1_000 + longestRun;
    process.stdout.write(
      `takeover after SIGKILL of ${victim.name} (${orphaned.length} courses): worst ${worst} ms; bound ${bound} ms = lease ${leaseMs} + tick period ${TICK_SECONDS * 1_000} + longest run ${longestRun}\n`,
    );
    expect(worst).toBeLessThanOrEqual(bound);
  }, 400_000);
});
