// Issue 12 item 11: a student chooses how their name appears on the public blog when their thread replies are
// mirrored (full name, first name and initial, or a pseudonym staff approve), and can keep their replies in
// Discord only. Everything starts from what people do: slash commands and replies through the Discord
// emulator with the real bot, and the test reads the comments on the WordPress fake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { runConfirmedAsStaff, staffChannelCommand } from '../../support/staff-command.js';
import { traces } from './db-bytes.js';

let world: BotWorld;
let alice: string;
const ALICE_EMAIL = 'alice.sample@university.test';

const run = (userId: string, name: string, subcommand?: string, options: Record<string, string | boolean> = {}) =>
  staffChannelCommand(world, userId, name, subcommand, options).response(10_000);

/** Staff decide on Alice's pseudonym; their answer, and every DM Alice has had once the bot has run. */
async function decidePseudonym(decision: 'approve' | 'reject') {
  const answer = await run(world.instructorId, 'privacy', 'pseudonym-decision', { student: alice, decision });
  await world.bot.syncNow();
  const dms = world.emu
    .dmsTo(alice)
    .map((m) => m.content)
    .join('\n');
  return { answer, dms };
}

/** Bob's essay on the blog, its thread, and a helper for Alice to reply there and see the blog side settle. */
async function bobsEssayThread() {
  const post = await world.wp.as('student2').publishPost({ title: 'On the Thaw', content: '<p>The reforms mattered.</p>' });
  await world.bot.syncNow();
  const thread = essayThreadsIn(world, world.forumId)[0]!;
  const reply = async (content: string) => {
    const before = await world.testDb.db.comment.count();
    world.emu.as(alice).postMessage(thread.id, { content });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === before + 1, 5_000, 'reply recorded');
    await world.bot.syncNow();
    return world.wp.state.comments.filter((c) => c.postId === post.id && c.content.includes(content));
  };
  return { post, thread, reply };
}

beforeEach(async () => {
  world = await startBotWorld();
  await world.setupCourse();
  alice = world.studentIds[0];
  // Alice is on the roster with her blog account, as staff add a student.
  const added = await run(world.instructorId, 'roster', 'add', {
    name: 'Alice Student',
    email: ALICE_EMAIL,
    user: alice,
    blog_username: world.wp.users.student1.login,
  });
  expect(added.content).not.toMatch(/^⚠|error/i);
});
afterEach(() => world?.close());

describe('how a student’s name appears on the blog', () => {
  it('a student who picks first name and initial appears as “Alice S.” from then on; her earlier comment keeps her full name', async () => {
    const { reply } = await bobsEssayThread();
    const first = await reply('Before choosing: the Thaw was uneven.');
    expect(first.map((c) => c.authorName)).toEqual([world.wp.users.student1.name]);

    const chosen = await run(alice, 'privacy', 'name', { choice: 'first-initial' });
    expect(chosen.ephemeral).toBe(true);
    expect(chosen.content).toContain('Alice S.');
    expect(chosen.content).toContain('earlier comments keep');

    const second = await reply('After choosing: the Thaw was uneven, but real.');
    expect(second).toHaveLength(1);
    expect(second[0]!.authorName).toBe('Alice S.');
    // Not tied to her blog account or her address, which would show her full name or picture beside it.
    expect(second[0]!.userId).toBe(0);
    expect(second[0]!.authorEmail).not.toBe(ALICE_EMAIL);
    expect(world.wp.state.comments.find((c) => c.content.includes('Before choosing'))!.authorName).toBe(world.wp.users.student1.name);
  });

  it('a pseudonym shows on the blog only once staff approve it, and the student is told by DM', async () => {
    const { reply } = await bobsEssayThread();
    const asked = await run(alice, 'privacy', 'name', { choice: 'pseudonym', pseudonym: 'Night Owl' });
    expect(asked.content).toContain('waits for staff approval');
    expect((await reply('While waiting: a thoughtful point.'))[0]!.authorName).toBe(world.wp.users.student1.name);

    // Staff hear of the request in their channel, with the command that decides it.
    const staffNotice = world.emu
      .messagesIn(world.staffChannelId)
      .map((m) => m.content)
      .find((c) => c.includes('Night Owl'));
    expect(staffNotice).toContain('/privacy pseudonym-decision');
    const refused = await run(alice, 'privacy', 'pseudonym-decision', { student: alice, decision: 'approve' });
    expect(refused.content).toContain('Only the staff');
    const pending = await run(world.instructorId, 'privacy', 'pseudonyms');
    expect(pending.content).toContain('Alice Student');
    expect(pending.content).toContain('Night Owl');
    const approved = await decidePseudonym('approve');
    expect(approved.answer.content).toContain('approved');
    expect(approved.dms).toMatch(/Night Owl.*approved/);

    const after = await reply('After approval: another thoughtful point.');
    expect(after[0]!.authorName).toBe('Night Owl');
    expect(after[0]!.authorEmail).not.toBe(ALICE_EMAIL);
    expect(after[0]!.userId).toBe(0);
  });

  it('a rejected pseudonym leaves the course default, and the student is told why by DM', async () => {
    const { reply } = await bobsEssayThread();
    expect((await run(alice, 'privacy', 'name', { choice: 'pseudonym', pseudonym: 'xX_Troll_Xx' })).content).toContain('waits for staff approval');
    const rejected = await decidePseudonym('reject');
    expect(rejected.answer.content).toContain('rejected');
    expect(rejected.dms).toMatch(/xX\\_Troll\\_Xx.*not approved/);
    expect((await reply('After the refusal: a point.'))[0]!.authorName).toBe(world.wp.users.student1.name);
  });

  it('a pseudonym without its text names the option to fill in', async () => {
    const answer = await run(alice, 'privacy', 'name', { choice: 'pseudonym' });
    expect(answer.content).toContain('pseudonym:');
    expect(await world.testDb.db.student.findFirstOrThrow({ select: { pseudonymStatus: true } })).toEqual({ pseudonymStatus: null });
  });

  it('staff set the course default to first name and initial, and a student who chose nothing appears so', async () => {
    const { reply } = await bobsEssayThread();
    const set = await run(world.instructorId, 'course', 'settings', { blog_names: 'first-initial' });
    expect(set.content).toContain('first name and initial');
    expect((await reply('Under the course default: a point.'))[0]!.authorName).toBe('Alice S.');
  });
});

describe('Discord-only replies', () => {
  it('a student who keeps replies in Discord has none written to the blog, and /status says so', async () => {
    const { post, reply } = await bobsEssayThread();
    const on = await run(alice, 'privacy', 'discord-only', { enabled: true });
    expect(on.content).toContain('stay in Discord');
    expect(await reply('Only for the class on Discord.')).toEqual([]);
    expect(world.wp.state.comments.filter((c) => c.postId === post.id)).toEqual([]);
    const status = await run(alice, 'status');
    expect(status.content).toContain('Discord only');
    expect(status.content).toContain('full name');
    await run(alice, 'privacy', 'discord-only', { enabled: false });
    expect(await reply('Now for the blog too.')).toHaveLength(1);
  });

  it('the export holds the student’s choices', async () => {
    await run(alice, 'privacy', 'name', { choice: 'pseudonym', pseudonym: 'Night Owl' });
    await run(alice, 'privacy', 'discord-only', { enabled: true });
    const exported = await run(alice, 'privacy', 'export');
    const file = JSON.parse(exported.attachments[0]!.data.toString('utf8')) as { student: Record<string, unknown> };
    expect(file.student).toMatchObject({ blogNameStyle: 'pseudonym', pseudonym: 'Night Owl', pseudonymStatus: 'pending', discordOnly: true });
  });

  it('a purge removes the student’s choices and leaves no trace of her pseudonym in the database', async () => {
    await run(alice, 'privacy', 'name', { choice: 'pseudonym', pseudonym: 'Night Owl' });
    await decidePseudonym('approve');
    const done = await runConfirmedAsStaff(world, 'privacy', 'purge', { student: alice });
    expect(done.content).toContain('Done');
    expect(await world.testDb.db.student.count()).toBe(0);
    expect(await traces(world.testDb, ['Night Owl'])).toEqual([]);
  });
});
