// Identity from the roster, as a new instructor meets it: the roster CSV names each student's blog username,
// students publish on the blog (some before the bot can see their account, one linked late), staff assign a
// round. Nothing here writes a link into the database: every link comes from the roster, /link or the blog.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonIn } from '../../../src/offline/discord-emulator/interaction-builder.js';
import type { BotWorld } from '../../support/bot-world.js';
import { csvAttachment as csv, runAs, startCourseWorld } from '../../support/course-world.js';

let world: BotWorld;

beforeEach(async () => {
  world = await startCourseWorld();
});
afterEach(() => world?.close());

const run = (userId: string, name: string, subcommand: string, options: Record<string, unknown> = {}) => runAs(world, userId, name, subcommand, options);
const inAWeek = () => {
  const d = new Date(Date.now() + 7 * 86_400_000);
  return `${d.toISOString().slice(0, 10)} 23:00`;
};

/** Per-student essay counts read from the participation CSV staff download (header row + one row each). */
async function essayCounts(): Promise<Record<string, string>> {
  const reply = await run(world.instructorId, 'report', 'participation', { format: 'csv' });
  const file = reply.attachments?.[0];
  expect(file, reply.content).toBeDefined();
  const [header, ...rows] = Buffer.from(file!.data)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  const name = header!.indexOf('Student');
  const essays = header!.indexOf('Essays published');
  return Object.fromEntries(rows.map((r) => [r[name]!.replace(/"/g, ''), r[essays]!]));
}

describe('a student is credited through the blog username on the roster', () => {
  it('credits essays to the students the roster names, and a round never assigns anyone their own essay', async () => {
    const [alice, bob] = world.studentIds;
    // The students have not published yet: the bot cannot see their blog accounts at import time.
    await run(world.instructorId, 'roster', 'import', {
      file: csv(`name,email,discord,blog username\nAlice Student,alice@uni.edu,${alice},student1\nBob Student,bob@uni.edu,${bob},student2\n`),
    });
    expect((await run(world.instructorId, 'roster', 'show')).content).toContain(
      'Alice Student — alice@uni.edu — <@' + alice + '> — blog student1 ✗ not linked yet',
    );
    const aliceEssay = await world.wp.as('student1').publishPost({ title: 'Alice on the Thaw', content: '<p>Khrushchev and the thaw.</p>' });
    const bobEssay = await world.wp.as('student2').publishPost({ title: 'Bob on the Gulag', content: '<p>The camps after 1953.</p>' });
    expect(aliceEssay.id).not.toBe(bobEssay.id);
    await run(world.instructorId, 'sync', 'now');

    expect(await essayCounts()).toEqual({ 'Alice Student': '1', 'Bob Student': '1' });
    expect((await run(world.instructorId, 'roster', 'show')).content).toContain('blog student1 ✓ linked');

    const preview = await run(world.instructorId, 'reviews', 'assign', { name: 'Week 1', due: inAWeek(), reviews: 1 });
    expect(preview.content).toContain('• Alice Student → “Bob on the Gulag”');
    expect(preview.content).toContain('• Bob Student → “Alice on the Thaw”');
  });

  it('credits a student added to the roster after their essay arrived, and blocks a round on an essay nobody is credited with', async () => {
    const [alice, bob] = world.studentIds;
    await run(world.instructorId, 'roster', 'import', { file: csv(`name,email,discord,blog username\nAlice Student,alice@uni.edu,${alice},student1\n`) });
    await world.wp.as('student1').publishPost({ title: 'Alice on the Thaw', content: '<p>Khrushchev and the thaw.</p>' });
    await world.wp.as('student2').publishPost({ title: 'Bob on the Gulag', content: '<p>The camps after 1953.</p>' });
    await world.wp.as('admin').publishPost({ title: 'Week 1 announcement', content: '<p>Read chapter 9.</p>' });
    await run(world.instructorId, 'sync', 'now');

    // Bob joins the roster late; his essay is already in its thread and becomes his.
    const added = await run(world.instructorId, 'roster', 'add', { name: 'Bob Student', email: 'bob@uni.edu', user: bob, blog_username: 'student2' });
    expect(added.content).toContain('Blog accounts linked now: 1.');
    expect(await essayCounts()).toEqual({ 'Alice Student': '1', 'Bob Student': '1' });

    // The instructor's post has no student behind it: it blocks the round, and says how to fix it.
    const blocked = await run(world.instructorId, 'reviews', 'assign', { name: 'Week 1', due: inAWeek(), reviews: 1 });
    expect(blocked.content).toContain(
      '⛔ “Week 1 announcement” by admin: its author is not linked to a student on the roster. Link the author of “Week 1 announcement”',
    );
    expect(blocked.content).toContain('exclude_unlinked:True');
    const confirmId = /"custom_id":"(reviews:confirm:[^"]+)"/.exec(JSON.stringify(blocked.components))?.[1];
    expect(buttonIn(blocked.components, confirmId!)?.disabled).toBe(true);

    const chosen = await run(world.instructorId, 'reviews', 'assign', { name: 'Week 1', due: inAWeek(), reviews: 1, exclude_unlinked: true });
    expect(chosen.content).toContain('Left out: 1 essay(s) whose author is not linked to a student.');
    expect(chosen.content).toContain('• Alice Student → “Bob on the Gulag”');
    expect(chosen.content).toContain('• Bob Student → “Alice on the Thaw”');
    const enabledId = /"custom_id":"(reviews:confirm:[^"]+)"/.exec(JSON.stringify(chosen.components))?.[1];
    expect(buttonIn(chosen.components, enabledId!)?.disabled).toBeFalsy();
  });

  it('/link approve links only an account the blog knows, and says so', async () => {
    const [alice] = world.studentIds;
    await run(world.instructorId, 'roster', 'import', { file: csv(`name,email,discord\nAlice Student,alice@uni.edu,${alice}\n`) });
    const unknown = await run(world.instructorId, 'link', 'approve', { user: alice, blog_username: 'alice-typo' });
    expect(unknown.content).toContain('No blog account named alice-typo is visible to the bot.');
    expect(unknown.content).not.toMatch(/is linked/);

    await world.wp.as('student1').publishPost({ title: 'Alice on the Thaw', content: '<p>Khrushchev and the thaw.</p>' });
    await run(world.instructorId, 'sync', 'now');
    expect(await essayCounts()).toEqual({ 'Alice Student': '0' });
    const approved = await run(world.instructorId, 'link', 'approve', { user: alice, blog_username: 'student1' });
    expect(approved.content).toContain(
      `<@${alice}> is linked to the blog account student1 (blog user id ${world.wp.users.student1.id}). Credited to them now: 1 essay(s)`,
    );
    expect(await essayCounts()).toEqual({ 'Alice Student': '1' });
  });

  it('posts by the instructor or in the announcements category are staff posts: never in a round', async () => {
    const [alice, bob] = world.studentIds;
    await run(world.instructorId, 'roster', 'import', {
      file: csv(`name,email,discord,blog username\nAlice Student,alice@uni.edu,${alice},student1\nBob Student,bob@uni.edu,${bob},student2\n`),
    });
    const announcements = world.wp.addTerm('Announcements', 'category');
    await world.wp.as('admin').publishPost({ title: 'Welcome to HIST 214', content: '<p>Read chapter 9.</p>' });
    await world.wp.as('student1').publishPost({ title: 'Alice on the Thaw', content: '<p>Khrushchev and the thaw.</p>' });
    await world.wp.as('student2').publishPost({ title: 'Bob on the Gulag', content: '<p>The camps after 1953.</p>' });
    await world.wp.as('student2').publishPost({ title: 'Study group Tuesday', content: '<p>Room 4.</p>', categories: [announcements] });
    await run(world.instructorId, 'sync', 'now');

    const wrong = await run(world.instructorId, 'course', 'staff_posts', { blog_username: 'student1' });
    expect(wrong.content).toContain('blog_username: student1 is the blog account of Alice Student, a student on the roster.');
    const set = await run(world.instructorId, 'course', 'staff_posts', { blog_username: 'admin', category: 'announcements' });
    expect(set.content).toContain('Staff posts (never essays, never in review rounds): 1 blog account(s), and every post in the category “announcements”.');

    const preview = await run(world.instructorId, 'reviews', 'assign', { name: 'Week 1', due: inAWeek(), reviews: 1 });
    expect(preview.content).toContain('2 essay(s) count');
    expect(preview.content).not.toContain('⛔');
    expect(preview.content).not.toMatch(/Welcome to HIST 214|Study group Tuesday/);
    expect(preview.content).toContain('• Alice Student → “Bob on the Gulag”');
  });
});

describe('/link claim', () => {
  it('links a student who posts their code on the blog before any essay has a thread, and tells them by DM and in /status', async () => {
    const [alice] = world.studentIds;
    await run(world.instructorId, 'roster', 'import', { file: csv(`name,email,discord\nAlice Student,alice@uni.edu,${alice}\n`) });
    // A post from before the course was set up: it never gets a thread, but students can comment on it.
    const welcome = await world.wp.as('admin').publishPost({ title: 'About this blog', content: '<p>Say hello below.</p>', date_gmt: '2020-01-01T00:00:00' });
    const before = await world.emu.as(alice).runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'status' }).response(15_000);
    expect(before.content).toContain('Your blog account is not linked yet, so comments you write **on the blog** cannot count for you');

    const claim = await world.emu
      .as(alice)
      .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'link', subcommand: 'claim', options: { blog_username: 'student1' } })
      .response(15_000);
    const code = /`(CT-[A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(claim.content)?.[1];
    expect(code).toBeDefined();
    expect((await world.wp.as('student1').comment(welcome.id, `My code: ${code}`)).status).toBe(201);
    await run(world.instructorId, 'sync', 'now');

    const dms = await world.emu.waitFor(() => {
      const found = world.emu.dmsTo(alice).filter((m) => m.content.includes('is now linked'));
      return found.length ? found : undefined;
    }, 15_000);
    expect(dms).toHaveLength(1);
    expect(dms[0]!.content).toContain('Your blog account **student1** is now linked to you');
    const after = await world.emu.as(alice).runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'status' }).response(15_000);
    expect(after.content).toContain('Your blog account **student1** is linked');
  });
});
