// /report reminders, /report health and /report audit through the emulator and the real bot.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { reportWorldForFile, settledAnswers } from './report-world.js';

const w = reportWorldForFile(30);

async function report(subcommand: string, options: Record<string, number> = {}): Promise<string> {
  const { world } = w;
  const replies = await settledAnswers(
    world.emu.as(world.instructorId).runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'report', subcommand, options }),
  );
  expect(replies.every((r) => r.ephemeral)).toBe(true);
  for (const r of replies) expect(r.content.length).toBeLessThanOrEqual(2000);
  return replies.map((r) => r.content).join('\n');
}

describe('/report reminders', () => {
  it('counts sent, postponed for quiet hours, failed (closed DMs) and pending per stage, as the rows say', async () => {
    const text = await report('reminders');
    const closed = new Set(w.sim.students.filter((s) => s.dmClosedAt).map((s) => s.id));
    const labels: Record<string, string> = { before_48h: '48 h before', before_24h: '24 h before', before_2h: '2 h before', at_due: 'at due' };
    const studentReminders = w.sim.reminders.filter((r) => r.assignmentId !== null);
    let checked = 0;
    for (const [stage, label] of Object.entries(labels)) {
      const rows = studentReminders.filter((r) => r.stage === stage);
      if (rows.length === 0) continue;
      const expected = [
        rows.filter((r) => r.status === 'sent').length,
        rows.filter((r) => r.postponedUntil !== null).length,
        rows.filter((r) => r.status !== 'pending' && closed.has(r.studentId!) && r.deliveredVia !== 'dm').length,
        rows.filter((r) => r.status === 'pending').length,
      ];
      const line = text.split('\n').find((l) => l.startsWith(label))!;
      expect(line, label).toBeDefined();
      expect(line.slice(label.length).trim().split(/\s+/).map(Number)).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Total');
    expect(text).not.toContain('overdue_digest'); // staff digests are not student reminders
    expect(text).toMatch(/failed for another reason/);
  });
});

describe('/report health', () => {
  it('shows jobs, outbox, blog, missing permissions, and each process with its shards and leases', async () => {
    const { world, courseId } = w;
    const db = world.testDb.db;
    const now = w.clock.now();
    const ago = (min: number) => new Date(now.getTime() - min * 60_000);
    await db.jobRun.createMany({
      data: [
        { jobName: 'course-sync', owner: 'host-a:1:aaa', startedAt: ago(30), finishedAt: ago(29), outcome: 'ok', summary: 'old run' },
        { jobName: 'course-sync', owner: 'host-a:1:aaa', startedAt: ago(2), finishedAt: ago(1), outcome: 'ok', summary: '1 course(s) polled' },
        { jobName: 'reminder-sweep', owner: 'host-b:2:bbb', startedAt: ago(5), finishedAt: ago(5), outcome: 'failed', error: 'database is locked' },
      ],
    });
    await db.processHeartbeat.createMany({
      data: [
        { owner: 'host-a:1:aaa', hostname: 'host-a', pid: 1, shardIds: '[0,1]', startedAt: ago(600), lastSeenAt: ago(0.2) },
        { owner: 'host-b:2:bbb', hostname: 'host-b', pid: 2, shardIds: '[2]', startedAt: ago(600), lastSeenAt: ago(30) },
      ],
    });
    const lease = (name: string, owner: string) => ({
      name,
      owner,
      fencingToken: 3,
      expiresAt: new Date(now.getTime() + 60_000),
      acquiredAt: ago(10),
      renewedAt: ago(0.2),
    });
    await db.jobLease.createMany({ data: [lease(`course:${courseId}`, 'host-a:1:aaa'), lease('outbox-drain', 'host-a:1:aaa')] });
    await db.outboxItem.createMany({
      data: [
        ...[1, 2, 3].map((i) => ({ courseId, kind: 'comment', dedupeKey: `p${i}`, orderKey: 'e1', payload: '{}', status: 'pending' })),
        ...[1, 2].map((i) => ({ courseId, kind: 'comment', dedupeKey: `d${i}`, orderKey: 'e2', payload: '{}', status: 'dead', lastError: 'HTTP 500' })),
      ],
    });
    await db.course.update({ where: { id: courseId }, data: { blogFailingSince: ago(90), blogLastError: 'blog answered HTTP 503' } });
    world.emu.setChannelPermissionOverwrites(world.forumId, [world.emu.denyBot(world.guildId, PermissionFlagsBits.ManageWebhooks)]);

    const text = await report('health');
    expect(text).toMatch(/course-sync\*\*: ok <t:\d+:R> in 60\.0 s — 1 course\(s\) polled/);
    expect(text).not.toContain('old run');
    expect(text).toMatch(/reminder-sweep\*\*: failed .* database is locked · 1 failed run\(s\) in 24 h/);
    expect(text).toContain('3 waiting');
    expect(text).toContain('2 dead letter(s)');
    expect(text).toMatch(/unreachable since <t:\d+:f> — blog answered HTTP 503/);
    expect(text).toContain(`essays channel <#${world.forumId}>: missing Manage Webhooks`);
    expect(text).toContain(`staff channel <#${world.staffChannelId}>: all permissions granted`);
    const procA = text.split('\n').find((l) => l.includes('host-a:1:aaa') && l.includes('pid 1'))!;
    expect(procA).toContain('🟢');
    expect(procA).toContain('shards 0, 1');
    expect(procA).toContain('2 lease(s): **HIST 214** (this course), outbox-drain');
    const procB = text.split('\n').find((l) => l.includes('host-b:2:bbb'))!;
    expect(procB).toContain('stale');
    expect(procB).toContain('shards 2');
    expect(procB).toContain('0 lease(s)');
    expect(text).toContain('This course is served by `host-a:1:aaa`');
  });
});

describe('/report audit', () => {
  it('lists recent staff actions, newest first, and records the look itself', async () => {
    const { world, courseId } = w;
    const db = world.testDb.db;
    const target = w.sim.students[7]!;
    // After the real /course setup entry (written at the machine's time, not the test clock's).
    await db.auditEntry.create({
      data: {
        courseId,
        guildId: world.guildId,
        actorUserId: world.instructorId,
        action: 'roster.add',
        targetStudentId: target.id,
        details: JSON.stringify({ email: target.email }),
        createdAt: new Date(Date.now() + 60_000),
      },
    });
    await db.auditEntry.create({
      data: { courseId, guildId: world.guildId, actorUserId: world.instructorId, action: 'course.pause', createdAt: new Date(Date.now() + 120_000) },
    });
    const text = await report('audit', { limit: 5 });
    const lines = text.split('\n').filter((l) => l.startsWith('• '));
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(lines[0]).toContain('**course.pause**');
    const add = lines.find((l) => l.includes('roster.add'))!;
    expect(add).toContain(`<@${world.instructorId}>`);
    expect(add).toContain(`→ ${target.displayName}`);
    expect(add).not.toContain(target.email); // shortened even for staff
    const looks = await db.auditEntry.count({ where: { courseId, action: 'report.audit', actorUserId: world.instructorId } });
    expect(looks).toBe(1);
  });
});
