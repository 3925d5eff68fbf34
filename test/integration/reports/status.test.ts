// /status through the emulator: a student sees only their own reviews (with links and due times in
// their own zone) and their own numbers, equal to the ground truth; nothing about a peer.
import { beforeAll, describe, expect, it } from 'vitest';
import { groundTruth } from './ground-truth.js';
import { reportWorldForFile, settledAnswers } from './report-world.js';

const w = reportWorldForFile(30);
// Runs after the world's own beforeAll (before-hooks run in the order they are declared).
beforeAll(async () => {
  await w.world.testDb.db.student.update({ where: { id: w.sim.students[0]!.id }, data: { timeZone: 'Asia/Tokyo' } });
});

async function status(userId: string): Promise<string> {
  const { world } = w;
  const replies = await settledAnswers(world.emu.as(userId).runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'status' }));
  expect(replies.every((r) => r.ephemeral)).toBe(true);
  return replies.map((r) => r.content).join('\n');
}

/** What a student's /status must list: their assignments in active rounds, not cancelled. */
function ownAssignments(index: number) {
  const s = w.sim.students[index]!;
  const active = new Set(w.sim.rounds.filter((r) => r.status === 'active').map((r) => r.id));
  return w.sim.assignments.filter((a) => a.reviewerStudentId === s.id && a.status !== 'cancelled' && active.has(a.roundId));
}

describe('/status', () => {
  it('lists the caller’s own reviews with thread and blog links, due times and what counts as done', async () => {
    const text = await status(w.world.studentIds[0]);
    const mine = ownAssignments(0);
    expect(mine.length).toBeGreaterThan(1);
    const titles = new Set([...text.matchAll(/“(Essay \d+)”/g)].map((m) => m[1]));
    const essays = new Map(w.sim.essays.map((e) => [e.id, e]));
    expect(titles).toEqual(new Set(mine.map((a) => essays.get(a.essayId)!.title)));
    for (const a of mine) {
      const e = essays.get(a.essayId)!;
      expect(text).toContain(`https://discord.com/channels/${w.world.guildId}/${e.threadId}`);
      expect(text).toContain(e.url);
    }
    for (const r of w.sim.rounds.filter((x) => mine.some((a) => a.roundId === x.id))) expect(text).toContain(`<t:${Math.floor(r.dueAt.getTime() / 1000)}:F>`);
    expect(text).not.toContain('Dropped'); // the cancelled round is gone
    expect(text).toContain('at least 25 words');
    expect(text).toContain('Asia/Tokyo');
    expect(text).toContain('13:59'); // Week 3 is due 2026-03-24 04:59 UTC = 13:59 in Tokyo
  });

  it('shows the caller’s own participation numbers, equal to the ground truth', async () => {
    const text = await status(w.world.studentIds[1]);
    const t = groundTruth(w.sim).find((r) => r.studentId === w.sim.students[1]!.id)!;
    expect(text).toContain(
      `${t.essays} essay(s) published · ${t.givenDiscord + t.givenBlog} comment(s) on classmates’ essays (${t.givenDiscord} in Discord, ${t.givenBlog} on the blog) · ${t.received} comment(s) received`,
    );
    expect(text).toContain(`reviews: ${t.done} done, ${t.late} late, ${t.pending} pending, ${t.overdue} overdue · ${t.remindersSent} reminder(s) sent to you`);
  });

  it('says nothing about any peer: no names, addresses, or essays they were not asked to review', async () => {
    for (const [index, userId] of w.world.studentIds.entries()) {
      const text = await status(userId);
      for (const [i, s] of w.sim.students.entries()) {
        expect(text).not.toContain(s.email);
        if (i !== index) expect(text).not.toContain(s.displayName);
      }
      expect(text).not.toContain('Guest');
      const allowed = new Set(ownAssignments(index).map((a) => w.sim.essays.find((e) => e.id === a.essayId)!.threadId));
      for (const m of text.matchAll(/discord\.com\/channels\/\d+\/(\d+)/g)) expect(allowed.has(m[1]!)).toBe(true);
    }
  });

  it('tells someone who is not on the roster what to do', async () => {
    const text = await status(w.world.instructorId);
    expect(text).toContain('You are not on the roster of HIST 214');
  });
});
