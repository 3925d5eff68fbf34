// No dead ends: every error a person meets names the option they typed and a command that fixes it,
// /course setup lists every bad option at once, and times are shown in the course's zone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBotWorld, type BotWorld, essayThreadsIn } from '../../support/bot-world.js';
import { enrolClass, inDays, runAs } from '../reviews/class-of-students.js';

let world: BotWorld;
// Each test starts a whole bot world; a machine shared by many test runs needs more than the default 30 s.
vi.setConfig({ testTimeout: 90_000 });

beforeEach(async () => {
  world = await startBotWorld();
});
afterEach(() => world?.close());

/** /course setup with good options, changed by `options` (undefined = the option left out). */
function setup(options: Record<string, unknown>) {
  const all: Record<string, unknown> = { ...world.courseSetupOptions(), ...options };
  return runAs(world, world.instructorId, 'course', 'setup', Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)));
}

/** The options as the person typed them, never the code's names for them. */
const internalNames = /\b(blogUrl|timeZone|quietHoursStart|quietHoursEnd|channelKind|blogKind|endsAt|pollIntervalMinutes|minCommentWords|k)\b/;

describe('/course setup', () => {
  it('names every bad option at once, by the name the person typed, and saves nothing', async () => {
    const reply = await setup({
      time_zone: 'Mars/Olympus',
      blog_url: 'ftp://blog.example',
      quiet_start: '25:00',
      blog_password: undefined,
      ends_on: 'next friday',
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('Nothing was saved');
    for (const option of ['time_zone:', 'blog_url:', 'quiet_start:', 'quiet_end', 'blog_password', 'ends_on:']) expect(reply.content).toContain(option);
    expect(reply.content).not.toMatch(internalNames);
    expect(await world.testDb.db.course.count()).toBe(0);
  });

  it('answers a normal WordPress login password with how to create an Application Password', async () => {
    const reply = await setup({ blog_password: 'correct-horse-battery' });
    expect(reply.content).toContain('Nothing was saved');
    expect(reply.content).toContain('blog_password');
    expect(reply.content).toContain('create an Application Password under Users → Profile');
    expect(reply.content).not.toContain('correct-horse-battery');
    expect(await world.testDb.db.course.count()).toBe(0);
  });
});

describe('after setup', () => {
  beforeEach(() => world.setupCourse());

  it('/course credentials with a normal login password keeps the old ones and says how to make an Application Password', async () => {
    const reply = await runAs(world, world.instructorId, 'course', 'credentials', { blog_user: world.wp.users.bot.login, blog_password: 'my login password' });
    expect(reply.content).toContain('old credentials were kept');
    expect(reply.content).toContain('create an Application Password under Users → Profile');
  });

  it('/course show gives dates and times in the course time zone, not UTC', async () => {
    const shown = await runAs(world, world.instructorId, 'course', 'show');
    expect(shown.content).toMatch(/Announcing essays published since .+ C[SD]T/);
    expect(shown.content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('a round staff cannot fill names the reviews option, and a past due date names due', async () => {
    await enrolClass(world, 3);
    const tooMany = await runAs(world, world.instructorId, 'reviews', 'assign', { name: 'Week 1', due: inDays(5), reviews: 4 });
    expect(tooMany.content).toContain('reviews:');
    expect(tooMany.content).not.toMatch(internalNames);
    const past = await runAs(world, world.instructorId, 'reviews', 'assign', { name: 'Week 1', due: '2020-01-01 10:00', reviews: 1 });
    expect(past.content).toMatch(/^due: /);
    const unknown = await runAs(world, world.instructorId, 'reviews', 'cancel', { round: 'Week 9' });
    expect(unknown.content).toMatch(/^round: /);
    expect(unknown.content).toContain('/reviews list');
    const report = await runAs(world, world.instructorId, 'report', 'participation', { round: 'Week 9' });
    expect(report.content).toMatch(/^round: /);
    const export_ = await runAs(world, world.instructorId, 'privacy', 'export', { student: world.studentIds[1] });
    expect(export_.content).toMatch(/^student: /);
  }, 60_000);

  it('a roster note about an unknown Discord user suggests a command that works, and following it links them', async () => {
    const [alice] = world.studentIds;
    const csv = (discord: string) => ({
      attachment: { filename: 'roster.csv', contentType: 'text/csv', data: Buffer.from(`name,email,discord\nAlice Student,alice@uni.edu,${discord}\n`) },
    });
    const first = await runAs(world, world.instructorId, 'roster', 'import', { file: csv('alcie') });
    const note = /Line 2: (.+)/.exec(first.content)?.[1] ?? '';
    expect(note).toContain('alcie');
    // The note's advice, followed literally: the corrected file (her Discord user id), imported again.
    expect(note).toContain('/roster import');
    expect(note).toMatch(/user id/);
    expect(note).not.toContain('/link');
    const again = await runAs(world, world.instructorId, 'roster', 'import', { file: csv(alice) });
    expect(again.content).not.toContain('Line 2');
    expect((await runAs(world, world.instructorId, 'roster', 'show')).content).toContain(`<@${alice}>`);
  });

  it('roster and link errors name the option typed and the command that fixes it', async () => {
    const [alice, bob] = world.studentIds;
    const badEmail = await runAs(world, world.instructorId, 'roster', 'add', { name: 'Alice Student', email: 'alice-at-uni', user: alice });
    expect(badEmail.content).toMatch(/^email: /);
    await runAs(world, world.instructorId, 'roster', 'add', { name: 'Alice Student', email: 'alice@uni.edu', user: alice });
    const twice = await runAs(world, world.instructorId, 'roster', 'add', { name: 'Alice S.', email: 'alice@uni.edu', user: bob });
    expect(twice.content).toContain('/roster import');
    const badUsername = await world.emu
      .as(alice)
      .runSlashCommand({
        guildId: world.guildId,
        channelId: world.staffChannelId,
        name: 'link',
        subcommand: 'claim',
        options: { blog_username: 'alice smith!' },
      })
      .response(15_000);
    expect(badUsername.content).toMatch(/^blog_username: /);
    const nobody = await runAs(world, world.instructorId, 'roster', 'remove', { email: 'nobody@uni.edu' });
    expect(nobody.content).toMatch(/^email: /);
    expect(nobody.content).toContain('/roster show');
  });

  it('a Discord timestamp in a thread reply reaches the blog in the course time zone, not UTC', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'On the Thaw', content: '<p>Essay.</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    // 2026-01-15 18:00 UTC is noon in Chicago (CST, UTC−6).
    const at = Date.UTC(2026, 0, 15, 18, 0) / 1000;
    world.emu.as(world.studentIds[1]).postMessage(thread.id, { content: `Let us meet on <t:${at}:f> to discuss.` });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 1, 5_000, 'reply recorded');
    await world.bot.syncNow();
    const onBlog = world.wp.state.comments.filter((c) => c.postId === post.id);
    expect(onBlog).toHaveLength(1);
    expect(onBlog[0]!.content).toMatch(/January 15, 2026,? at 12:00\s?PM CST/);
    expect(onBlog[0]!.content).not.toContain('UTC');
  }, 60_000);
});
