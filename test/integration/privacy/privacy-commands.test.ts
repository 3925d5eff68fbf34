import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/shared/logger.js';
import { testSecretKeys } from '../../support/course-fixture.js';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { confirmAsStaff, pressButton, runConfirmedAsStaff, staffChannelCommand } from '../../support/staff-command.js';

let world: BotWorld;
let logText: string;
let courseId: string;
const emails = { alice: 'alice.sample@university.test', bob: 'bob.sample@university.test' };

beforeEach(async () => {
  logText = '';
  const log = createLogger(
    'trace',
    new Writable({
      write(chunk, _enc, done) {
        logText += String(chunk);
        done();
      },
    }),
  );
  world = await startBotWorld({ log });
  await world.setupCourse();
  courseId = (await world.testDb.db.course.findFirstOrThrow()).id;
  const [alice, bob] = world.studentIds;
  await world.testDb.db.student.createMany({
    data: [
      {
        courseId,
        displayName: 'Alice Student',
        email: emails.alice,
        discordUserId: alice,
        blogUserId: String(world.wp.users.student1.id),
        blogUsername: world.wp.users.student1.login,
      },
      {
        courseId,
        displayName: 'Bob Student',
        email: emails.bob,
        discordUserId: bob,
        blogUserId: String(world.wp.users.student2.id),
        blogUsername: world.wp.users.student2.login,
      },
    ],
  });
});
afterEach(() => world?.close());

const run = (userId: string, subcommand: string, options: Record<string, string | boolean> = {}, name = 'privacy') =>
  staffChannelCommand(world, userId, name, subcommand, options);

describe('/privacy', () => {
  it('gives a student their own data as a JSON file, and nothing about a peer', async () => {
    const [alice, bob] = world.studentIds;
    const own = await run(alice, 'export').response(10_000);
    expect(own.ephemeral).toBe(true);
    expect(own.attachments, own.content).toHaveLength(1);
    const file = JSON.parse(own.attachments[0]!.data.toString('utf8')) as { student: { email: string; displayName: string } };
    expect(file.student.email).toBe(emails.alice);
    expect(JSON.stringify(file)).not.toContain(emails.bob);
    const peer = await run(alice, 'export', { student: bob }).response(10_000);
    expect(peer.content).toContain('only your own data');
    expect(peer.attachments).toHaveLength(0);
  });

  it('lets staff export a student, and audits that look', async () => {
    const staffExport = await run(world.instructorId, 'export', { student: world.studentIds[1] }).response(10_000);
    expect(JSON.parse(staffExport.attachments[0]!.data.toString('utf8')).student.email).toBe(emails.bob);
    expect(await world.testDb.db.auditEntry.count({ where: { action: 'privacy.export' } })).toBe(1);
  });

  it('purges a student only after staff confirm, and refuses students', async () => {
    const refused = await run(world.studentIds[0], 'purge', { student: world.studentIds[1] }).response(10_000);
    expect(refused.content).toContain('Only the staff');
    const ix = run(world.instructorId, 'purge', { student: world.studentIds[1] });
    const ask = await ix.response(10_000);
    expect(ask.content).toContain('Delete all personal data of **Bob Student**');
    expect(await world.testDb.db.student.count()).toBe(2); // nothing before Confirm
    // Two presses before either is answered (a double click): the purge runs once.
    const press = () => pressButton(world, world.instructorId, ask);
    const [first, second] = [press(), press()];
    const answers = [(await first.response(10_000)).content, (await second.response(10_000)).content].sort();
    expect(answers[0]).toContain('Done');
    expect(answers[1]).toContain('already confirmed');
    expect(await world.testDb.db.student.findMany({ select: { displayName: true } })).toEqual([{ displayName: 'Alice Student' }]);
    expect(await world.testDb.db.auditEntry.count({ where: { action: 'roster.purge' } })).toBe(1);
  });
});

describe('/roster remove purge:true', () => {
  it('offers the same confirmed purge, and deletes nothing before Confirm', async () => {
    const ask = await run(world.instructorId, 'remove', { user: world.studentIds[0], purge: true }, 'roster').response(10_000);
    expect(ask.content).toContain('Delete all personal data of **Alice Student**');
    expect(await world.testDb.db.student.count()).toBe(2);
    const done = await confirmAsStaff(world, ask);
    expect(done.content).toContain('Done');
    expect(await world.testDb.db.student.findMany({ select: { displayName: true } })).toEqual([{ displayName: 'Bob Student' }]);
  });
});

describe('/course credentials and archive', () => {
  it('keeps the old credentials when the new ones are refused, and replaces them when they work', async () => {
    const before = await world.testDb.db.blogSecret.findFirstOrThrow();
    const bad = await run(world.instructorId, 'credentials', { blog_user: world.wp.users.bot.login, blog_password: 'wrong pass word here' }, 'course').response(
      10_000,
    );
    expect(bad.content).toContain('old credentials were kept');
    expect((await world.testDb.db.blogSecret.findFirstOrThrow()).ciphertext).toBe(before.ciphertext);
    const good = await run(
      world.instructorId,
      'credentials',
      { blog_user: world.wp.users.bot.login, blog_password: world.wp.users.bot.appPassword },
      'course',
    ).response(10_000);
    expect(good.content).toContain('tested and saved');
    expect((await world.testDb.db.blogSecret.findFirstOrThrow()).ciphertext).not.toBe(before.ciphertext);
  });

  it('archives the course after confirmation: personal data gone, course no longer served', async () => {
    const done = await runConfirmedAsStaff(world, 'course', 'archive');
    expect(done.content).toContain('archived');
    expect(await world.testDb.db.student.count()).toBe(0);
    expect(await world.testDb.db.blogSecret.count()).toBe(0);
    expect((await world.testDb.db.course.findFirstOrThrow()).status).toBe('archived');
  });
});

describe('logs', () => {
  it('contain no secret and no email address after a whole scene at trace level', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'Logged essay', content: '<p>Body.</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    world.emu.as(world.studentIds[1]).postMessage(thread.id, { content: `Write to me at ${emails.bob}?` });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 1, 5_000, 'reply recorded');
    await world.bot.syncNow();
    await world.wp.as('student2').comment(post.id, '<p>Blog side.</p>');
    await world.bot.syncNow();
    await run(world.studentIds[0], 'export').response(10_000);
    await run(world.instructorId, 'credentials', { blog_user: world.wp.users.bot.login, blog_password: 'wrong pass word here' }, 'course').response(10_000);
    expect(logText.length).toBeGreaterThan(100); // the scene did log
    const secrets = [world.wp.users.bot.appPassword, 'wrong pass word here', world.emu.botToken, ...Object.values(testSecretKeys), world.wp.users.bot.token];
    for (const secret of secrets) expect(logText.includes(secret), `a secret appears in the log`).toBe(false);
    expect(logText.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []).toEqual([]);
  });
});
