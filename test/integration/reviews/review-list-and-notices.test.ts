// /reviews list (paged and as CSV) and the DM each student gets when a round is confirmed, driven the way
// people drive them: roster import, essays on the blog, /reviews assign + Confirm, then /reviews list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectHandlers } from '../../../src/sync/effect-registry.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { assignAndConfirm, enrolClass, inDays, pairsOnPage, runAs } from './class-of-students.js';

let world: BotWorld;

beforeEach(async () => {
  world = await startBotWorld();
  await world.setupCourse();
});
afterEach(() => world?.close());

function csvRows(data: Buffer): string[][] {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  return text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('/reviews list for a class of 60', () => {
  it('every pair of a 60-student round can be reached page by page, and the CSV holds the same pairs', async () => {
    const students = await enrolClass(world, 60);
    const due = inDays(10);
    const reply = await assignAndConfirm(world, { name: 'Week 3', due, reviews: 2 });
    expect(reply.content).toContain('Round “Week 3” created: 120 review(s) assigned');

    const seen: Array<[string, string]> = [];
    let pageCount = 1;
    for (let page = 1; page <= pageCount; page++) {
      const shown = await runAs(world, world.instructorId, 'reviews', 'list', { round: 'Week 3', page });
      expect(shown.ephemeral).toBe(true);
      expect(shown.content.length).toBeLessThanOrEqual(2_000);
      pageCount = Number(/Page \d+ of (\d+)/.exec(shown.content)?.[1] ?? 1);
      if (page < pageCount) expect(shown.content).toContain(`Next: /reviews list round:Week 3 page:${page + 1}`);
      seen.push(...pairsOnPage(shown.content));
    }
    expect(pageCount).toBeGreaterThan(1);
    // The truth from the class itself: 60 students × 2 reviews, all different, nobody on their own essay.
    const byName = new Map(students.map((s) => [s.name, s]));
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((p) => p.join('|'))).size).toBe(120);
    for (const s of students) expect(seen.filter(([reviewer]) => reviewer === s.name)).toHaveLength(2);
    for (const [reviewer, title] of seen) expect(byName.get(reviewer)!.essayTitle).not.toBe(title);

    const file = await runAs(world, world.instructorId, 'reviews', 'list', { round: 'Week 3', format: 'csv' });
    expect(file.ephemeral).toBe(true);
    const [header, ...rows] = csvRows(file.attachments[0]!.data);
    expect(header).toEqual(['Reviewer', 'Reviewer Discord name', 'Essay title', 'Essay author', 'Essay URL', 'Due (America/Chicago)', 'Done']);
    const byTitle = new Map(students.map((s) => [s.essayTitle, s]));
    expect(rows.map((r) => `${r[0]}|${r[2]}`).sort()).toEqual(seen.map((p) => p.join('|')).sort());
    for (const [reviewer, discordName, title, author, url, dueCell, done] of rows) {
      expect(discordName).toBe(byName.get(reviewer!)!.discordName);
      expect(author).toBe(byTitle.get(title!)!.name);
      expect(url).toBe(byTitle.get(title!)!.essayUrl);
      expect(dueCell).toBe(due);
      expect(done).toBe('no');
    }
  }, 300_000);

  it('a student who asks sees only the reviews they owe', async () => {
    const students = await enrolClass(world, 4);
    await assignAndConfirm(world, { name: 'Week 1', due: inDays(5), reviews: 2 });
    const own = await runAs(world, students[0]!.discordId, 'reviews', 'list', { round: 'Week 1' });
    expect(own.content).toContain('your reviews');
    const pairs = pairsOnPage(own.content);
    expect(pairs).toHaveLength(2);
    expect(pairs.every(([reviewer]) => reviewer === students[0]!.name)).toBe(true);
  }, 60_000);
});

describe('telling students about a confirmed round', () => {
  it('tells each student once by DM which essays they review and by when, and names closed DMs in the confirm reply', async () => {
    const students = await enrolClass(world, 5);
    const closed = students[2]!;
    world.emu.setDmClosed(closed.discordId);
    const preview = await runAs(world, world.instructorId, 'reviews', 'assign', { name: 'Week 2', due: inDays(6, '17:00'), reviews: 2 });
    const confirmId = /"custom_id":"(reviews:confirm:[^"]+)"/.exec(JSON.stringify(preview.components))![1]!;
    const press = () =>
      world.emu
        .as(world.instructorId)
        .pressButton({ guildId: world.guildId, channelId: world.staffChannelId, messageId: preview.messageId!, customId: confirmId });
    // A double click: both presses reach the bot before the first answer removed the button.
    const [first, second] = [press(), press()];
    const replies = [await first.response(30_000), await second.response(30_000)];
    const reply = replies.find((r) => r.content.includes('created:'))!;
    expect(replies.some((r) => r.content.includes('was already created'))).toBe(true);
    expect(reply.ephemeral).toBe(true);
    // Notices go out while staff wait, for up to a second; on a slow machine the rest wait for the course's
    // outbox and the reply says how many. Either way every student is accounted for exactly once.
    const told = Number(/Told by DM which essays they review and by when: (\d+) student\(s\)\./.exec(reply.content)![1]);
    const waiting = Number(/(\d+) notice\(s\) wait for Discord and are sent automatically/.exec(reply.content)?.[1] ?? 0);
    const closedNamed = reply.content.includes(`DMs closed, not told: ${closed.name}.`);
    expect(told + waiting + (closedNamed ? 1 : 0)).toBe(students.length);
    if (waiting === 0) expect(closedNamed).toBe(true);
    else await world.bot.syncNow();

    const list = await runAs(world, world.instructorId, 'reviews', 'list', { round: 'Week 2' });
    const pairs = pairsOnPage(list.content);
    for (const s of students.filter((x) => x !== closed)) {
      const dms = world.emu.dmsTo(s.discordId).filter((m) => m.content.includes('Peer reviews assigned'));
      expect(dms).toHaveLength(1);
      expect(dms[0]!.content).toContain('round “Week 2”');
      // Due shown in the course's zone (America/Chicago), as typed.
      expect(dms[0]!.content).toMatch(/Due: \*\*.+ at 5:00 PM C[SD]T\*\*/);
      for (const [, title] of pairs.filter(([reviewer]) => reviewer === s.name)) expect(dms[0]!.content).toContain(`“${title}”`);
    }

    // The bot's course tick (as after a restart) drains the outbox again: nobody is told twice.
    await world.bot.syncNow();
    for (const s of students) expect(world.emu.dmsTo(s.discordId).filter((m) => m.content.includes('Peer reviews assigned')).length).toBe(s === closed ? 0 : 1);
  }, 60_000);

  it('a notice Discord accepted just before the bot crashed is not sent again after the restart', async () => {
    const students = await enrolClass(world, 3);
    const preview = await runAs(world, world.instructorId, 'reviews', 'assign', { name: 'Week 4', due: inDays(7), reviews: 1 });
    const pendingId = /reviews:confirm:([^"]+)"/.exec(JSON.stringify(preview.components))![1]!;
    const ctx = world.bot.ctx;
    const course = await ctx.db.course.findFirstOrThrow({ select: { id: true, guildId: true } });
    await confirmRound(ctx.db, pendingId, { userId: world.instructorId, guildId: course.guildId }, new Date());
    // The process dies after Discord answered the first DM and before the outbox recorded it: from the
    // recording transaction on, nothing it does reaches the database any more.
    let dead = false;
    const dyingDb = new Proxy(ctx.db, {
      get(db, key) {
        if (dead) throw new Error('process killed');
        if (key === '$transaction') dead = true;
        return Reflect.get(db, key);
      },
    });
    await expect(drainOutbox({ ...ctx, db: dyingDb }, effectHandlers, { courseIds: [course.id], claimMs: 1 })).rejects.toThrow('process killed');
    expect(students.map((s) => world.emu.dmsTo(s.discordId).length).sort()).toEqual([0, 0, 1]);
    await world.bot.syncNow(); // the restarted bot's course tick
    for (const s of students) expect(world.emu.dmsTo(s.discordId).filter((m) => m.content.includes('Peer reviews assigned'))).toHaveLength(1);
    expect(await ctx.db.outboxItem.count({ where: { kind: 'discord.round_notice', status: 'done' } })).toBe(3);
  }, 60_000);
});
