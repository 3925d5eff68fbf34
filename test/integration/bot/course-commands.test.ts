import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { refuseAuditEntries } from '../../support/failing-audit-insert.js';

let world: BotWorld;

beforeEach(async () => {
  world = await startBotWorld();
});
afterEach(() => world?.close());

function setup(options: Record<string, string>) {
  return world.emu.as(world.instructorId).runSlashCommand({
    guildId: world.guildId,
    channelId: world.staffChannelId,
    name: 'course',
    subcommand: 'setup',
    options: world.courseSetupOptions({
      ...options,
    }),
  });
}

/** `userId` types /course `subcommand` in the staff channel; the bot's answer. */
const run = (userId: string, subcommand: string) =>
  world.emu.as(userId).runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'course', subcommand }).response(10_000);

describe('/course', () => {
  it('names the permissions the bot lacks in the channel and saves nothing', async () => {
    world.emu.setChannelPermissionOverwrites(world.forumId, [
      world.emu.denyBot(world.guildId, PermissionFlagsBits.ManageWebhooks | PermissionFlagsBits.ManageThreads),
    ]);
    const reply = await setup({}).response(10_000);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('Nothing was saved');
    expect(reply.content).toContain('Manage Threads');
    expect(reply.content).toContain('Manage Webhooks');
    expect(await world.testDb.db.course.count()).toBe(0);
  });

  it('refuses a wrong application password and an unknown time zone with what to fix, saving nothing', async () => {
    const badPassword = await setup({ blog_password: 'abcd efgh ijkl mnop qrst uvwx' }).response(10_000);
    expect(badPassword.content).toContain('blog_password was refused: it must be an Application Password');
    expect(badPassword.content).not.toContain('abcd efgh');
    const badZone = await setup({ time_zone: 'Mars/Olympus' }).response(10_000);
    expect(badZone.content).toContain('unknown time zone');
    expect(await world.testDb.db.course.count()).toBe(0);
    expect(await world.testDb.db.blogSecret.count()).toBe(0);
  });

  it('shows, pauses and resumes for staff, refuses students, and never shows the password', async () => {
    await world.setupCourse();
    const shown = await run(world.instructorId, 'show');
    expect(shown.content).toContain('HIST 214');
    expect(shown.content).toContain('credentials: set, encrypted');
    expect(shown.content).not.toContain(world.wp.users.bot.appPassword);
    const refused = await run(world.studentIds[0], 'pause');
    expect(refused.content).toContain('Only the staff of HIST 214');
    expect((await world.testDb.db.course.findFirstOrThrow()).status).toBe('active');
    expect((await run(world.instructorId, 'pause')).content).toContain('paused');
    expect((await world.testDb.db.course.findFirstOrThrow()).status).toBe('paused');
    expect((await run(world.instructorId, 'resume')).content).toContain('active again');
    const audit = await world.testDb.db.auditEntry.findMany({ orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['course.setup', 'access.denied', 'course.pause', 'course.resume']);
  });

  it('leaves the course running when its pause cannot be recorded, and tells staff nothing was changed', async () => {
    await world.setupCourse();
    // The database refuses the pause's audit entry: the pause is that entry and the new status, or nothing.
    await refuseAuditEntries(world.testDb.db, 'course.pause');
    expect((await run(world.instructorId, 'pause')).content).toContain('Nothing was changed');
    expect((await run(world.instructorId, 'show')).content).toContain('**HIST 214** — active');
  });

  it('changes no setting when one of several cannot be recorded', async () => {
    await world.setupCourse();
    const before = (await run(world.instructorId, 'show')).content;
    // The second of the two changes fails: the first must not stay applied on its own.
    await refuseAuditEntries(world.testDb.db, 'course.blog_names');
    const settings = await world.emu
      .as(world.instructorId)
      .runSlashCommand({
        guildId: world.guildId,
        channelId: world.staffChannelId,
        name: 'course',
        subcommand: 'settings',
        options: { min_words: 77, blog_names: 'first-initial' },
      })
      .response(10_000);
    expect(settings.content).toContain('Nothing was changed');
    expect((await run(world.instructorId, 'show')).content).toBe(before);
    expect(before).not.toContain('minimum words: 77');
  });

  it('keeps the staff-post rule as it was when the change cannot be recorded', async () => {
    await world.setupCourse();
    await world.wp.admin.publishPost({ title: 'Welcome', content: '<p>From the instructor.</p>' });
    const staffPosts = (options: Record<string, string>) =>
      world.emu
        .as(world.instructorId)
        .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'course', subcommand: 'staff_posts', options })
        .response(10_000);
    const acceptAgain = await refuseAuditEntries(world.testDb.db, 'course.staff_posts');
    expect((await staffPosts({ category: 'announcements' })).content).toContain('Nothing was changed');
    await acceptAgain();
    // Naming only an account keeps the stored category: none, since the first change never happened.
    expect((await staffPosts({ blog_username: 'admin' })).content).toBe('Staff posts (never essays, never in review rounds): 1 blog account(s).');
  });

  it('refuses a second course in the same channel', async () => {
    await world.setupCourse();
    const again = await setup({ name: 'Another' }).response(10_000);
    expect(again.content).toContain('already hosts the course "HIST 214"');
    expect(await world.testDb.db.course.count()).toBe(1);
  });

  it('imports older essays with /course backfill', async () => {
    await world.wp.admin.publishPost({ title: 'Before setup', content: '<p>old — but wanted</p>', date_gmt: '2026-09-15T10:00:00' });
    await world.setupCourse();
    await world.bot.syncNow();
    expect(essayThreadsIn(world, world.forumId)).toHaveLength(0);
    const reply = await world.emu
      .as(world.instructorId)
      .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'course', subcommand: 'backfill', options: { since: '2026-09-01' } })
      .response(10_000);
    expect(reply.content).toContain('1 essay thread(s)');
    await world.bot.syncNow();
    expect(essayThreadsIn(world, world.forumId).map((t) => t.name)).toEqual(['Before setup']);
  });
});
