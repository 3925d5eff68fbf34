// The weekly digest job against the real bot and emulator: posts once the course's weekday and hour
// have come, with the same numbers (no e-mail) and a chart, at most once per course per ISO week —
// across two processes racing, a restart, and a Discord outage.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.js';
import { weeklyDigestJob } from '../../../src/jobs/weekly-digest-job.js';
import { runWeeklyDigest } from '../../../src/reports/weekly-digest.js';
import { byName, groundTruth, numbersOf } from './ground-truth.js';
import { reportWorldForFile } from './report-world.js';

const w = reportWorldForFile(30);
const job = weeklyDigestJob();
const EMAIL = /[^\s@'"]+@[^\s@]+\.[a-z]{2,}/i;

const processCtx = (owner: string): Context => ({ ...w.world.bot.ctx, owner });
const digests = () => w.world.emu.messagesIn(w.world.staffChannelId).filter((m) => m.content.includes('Weekly digest'));
const deps = () => ({ db: w.world.testDb.db, chat: w.world.bot.ctx.chat, log: w.world.bot.ctx.log });

describe('weekly digest', () => {
  it('waits for the course’s weekday and hour (Monday 09:00 in Chicago)', async () => {
    w.clock.set(new Date('2026-03-23T13:59:00Z')); // Monday 08:59 CDT
    expect(await job.run(processCtx('proc-a'))).toContain('1 not_yet');
    expect(digests()).toHaveLength(0);
  });

  it('posts once when two processes run it at the same time, with the numbers, a chart and no e-mail', async () => {
    w.clock.set(new Date('2026-03-23T14:05:00Z'));
    await Promise.all([job.run(processCtx('proc-a')), job.run(processCtx('proc-b'))]);
    const posted = digests();
    expect(posted).toHaveLength(1);
    const message = posted[0]!;
    expect(message.content).toContain('Weekly digest — HIST 214 — 2026-W13');
    expect(message.content).not.toMatch(EMAIL);
    expect(message.attachments.map((a) => a.filename).sort()).toEqual(['weekly-digest-2026-W13.csv', 'weekly-digest-2026-W13.png']);
    const csv = message.attachments.find((a) => a.filename.endsWith('.csv'))!.data!;
    expect(csv.toString('utf8')).not.toMatch(EMAIL);
    const [header, ...records] = parse(csv.toString('utf8'), { bom: true });
    expect(header).not.toContain('Email');
    // The same numbers as the report, at the digest's own moment (an essay scheduled for Mar 21 is out by now).
    const truth = byName(groundTruth({ ...w.sim, now: w.clock.now() }));
    expect(records.map((r) => r.slice(1).map(Number))).toEqual(truth.map(numbersOf));
    const chart = message.attachments.find((a) => a.filename.endsWith('.png'))!;
    expect(chart.data!.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Alt text for staff using a screen reader: the review totals in words, from the same truth.
    const reviewed = truth.filter((t) => t.done + t.late + t.pending + t.overdue > 0);
    expect(chart.description).toContain(`peer reviews for ${reviewed.length} students: ${reviewed.reduce((n, t) => n + t.done, 0)} done`);
    const row = await w.world.testDb.db.reminder.findUniqueOrThrow({ where: { dedupeKey: `${w.courseId}:weekly_digest:2026-W13` } });
    expect(row).toMatchObject({ stage: 'weekly_digest', status: 'sent', deliveredVia: 'staff_channel', discordMessageId: message.id });
  });

  it('does not post again after a restart in the same week', async () => {
    w.clock.set(new Date('2026-03-26T20:00:00Z')); // Thursday
    // Leases are timed by the database's clock, which a test cannot move: days have passed, so proc-a's
    // lease has long run out; say so to the database.
    await w.world.testDb.db.jobLease.updateMany({ data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await job.run(processCtx('proc-restarted'))).toContain('1 already_done');
    expect(digests()).toHaveLength(1);
  });

  it('records the intent first: two unfenced calls racing still post once', async () => {
    w.clock.set(new Date('2026-03-30T14:01:00Z')); // next Monday, 09:01 CDT
    const outcomes = (await Promise.all([runWeeklyDigest(deps(), w.courseId, w.clock.now()), runWeeklyDigest(deps(), w.courseId, w.clock.now())])).sort();
    expect(outcomes).toContain('sent');
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(digests()).toHaveLength(2);
  });

  it('retries after a Discord outage, once, and never doubles', async () => {
    w.clock.set(new Date('2026-04-06T14:01:00Z'));
    w.world.emu.failNext({ method: 'POST', routeMatch: `/channels/${w.world.staffChannelId}/messages`, status: 500, times: 10 });
    expect(await runWeeklyDigest(deps(), w.courseId, w.clock.now())).toBe('retry');
    expect(digests()).toHaveLength(2);
    // discord.js retries a 5xx itself; the remaining failures are absorbed by later runs.
    w.clock.set(new Date('2026-04-06T14:11:00Z'));
    let outcome = await runWeeklyDigest(deps(), w.courseId, w.clock.now());
    while (outcome === 'retry') outcome = await runWeeklyDigest(deps(), w.courseId, w.clock.now());
    expect(outcome).toBe('sent');
    expect(await runWeeklyDigest(deps(), w.courseId, w.clock.now())).toBe('already_done');
    expect(digests()).toHaveLength(3);
  });

  it('does not resend a digest whose send was interrupted (result unknown)', async () => {
    const db = w.world.testDb.db;
    w.clock.set(new Date('2026-04-13T14:01:00Z'));
    // A process died between recording the intent and hearing back from Discord.
    await db.reminder.create({
      data: {
        courseId: w.courseId,
        dedupeKey: `${w.courseId}:weekly_digest:2026-W16`,
        stage: 'weekly_digest',
        status: 'pending',
        scheduledFor: w.clock.now(),
        createdAt: w.clock.now(),
      },
    });
    expect(await runWeeklyDigest(deps(), w.courseId, w.clock.now())).toBe('in_progress');
    w.clock.set(new Date('2026-04-13T14:30:00Z'));
    expect(await runWeeklyDigest(deps(), w.courseId, w.clock.now())).toBe('interrupted');
    expect(await runWeeklyDigest(deps(), w.courseId, w.clock.now())).toBe('already_done');
    expect(digests()).toHaveLength(3);
  });
});
