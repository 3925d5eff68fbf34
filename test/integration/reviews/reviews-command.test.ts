// /reviews assign + Confirm through the Discord emulator and the real bot (discord.js, router, commands).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { pressButton, staffChannelCommand } from '../../support/staff-command.js';
import { addEssay } from './course-fixture.js';

let world: BotWorld;
let courseId: string;

beforeEach(async () => {
  world = await startBotWorld();
  await world.setupCourse();
  const db = world.testDb.db;
  courseId = (await db.course.findFirstOrThrow({ select: { id: true } })).id;
  for (let i = 0; i < 6; i++) {
    const s = await db.student.create({
      data: {
        courseId,
        displayName: `Student ${i}`,
        email: `s${i}@uni.edu`,
        discordUserId: i < 2 ? world.studentIds[i]! : String(810000000000000000n + BigInt(i)),
      },
    });
    await addEssay(db, courseId, s.id, `Essay ${i}`, new Date('2026-10-01T12:00:00Z'));
  }
});
afterEach(() => world?.close());

function assign(userId: string, name = 'Week 8') {
  return staffChannelCommand(world, userId, 'reviews', 'assign', { name, due: '2099-11-02 17:00', reviews: 2, mode: 'assigned' }).response(10_000);
}

describe('/reviews assign through Discord', () => {
  it('previews with Confirm/Cancel, saves nothing before Confirm, and Confirm twice creates one round', async () => {
    const preview = await assign(world.instructorId);
    expect(preview.ephemeral).toBe(true);
    expect(preview.content).toContain('Preview: round “Week 8”');
    expect(preview.content).toContain('Reviews per student: 2 for 6');
    const buttons = JSON.stringify(preview.components);
    const confirmId = /"custom_id":"(reviews:confirm:[^"]+)"/.exec(buttons)?.[1];
    expect(confirmId).toBeDefined();
    expect(buttons).toContain('reviews:cancel:');
    expect(await world.testDb.db.reviewRound.count()).toBe(0);
    expect(await world.testDb.db.assignment.count()).toBe(0);

    const press = () => pressButton(world, world.instructorId, preview, confirmId);
    // A double click: both presses reach the bot before the first one has removed the buttons.
    const [first, second] = [press(), press()];
    const replies = [await first.response(10_000), await second.response(10_000)].map((r) => r.content).sort();
    expect(replies[0]).toContain('Round “Week 8” created: 12 review(s) assigned');
    expect(replies[1]).toContain('Round “Week 8” was already created (12 review(s)); nothing was added.');
    expect(await world.testDb.db.reviewRound.count()).toBe(1);
    expect(await world.testDb.db.assignment.count()).toBe(12);
    expect(await world.testDb.db.pendingConfirmation.count()).toBe(0);
  });

  it('refuses a student, and Cancel discards the preview', async () => {
    const refused = await assign(world.studentIds[0]);
    expect(refused.content).toMatch(/Only the staff of HIST 214/);
    const preview = await assign(world.instructorId, 'Week 9');
    const cancelId = /"custom_id":"(reviews:cancel:[^"]+)"/.exec(JSON.stringify(preview.components))![1]!;
    const cancelled = await pressButton(world, world.instructorId, preview, cancelId).response(10_000);
    expect(cancelled.content).toContain('Cancelled');
    expect(await world.testDb.db.pendingConfirmation.count()).toBe(0);
    expect(await world.testDb.db.reviewRound.count()).toBe(0);
  });

  it('lists rounds for everyone', async () => {
    const list = await staffChannelCommand(world, world.studentIds[1], 'reviews', 'list').response(10_000);
    expect(list.content).toContain('No review rounds yet');
  });
});
