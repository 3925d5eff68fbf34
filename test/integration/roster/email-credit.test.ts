// Crediting a blog comment to a student by e-mail: only where both sides vouch for the address.
// Staff vouch for it (the roster CSV) and the blog vouches for it (the commenter's own account has it).
// A guest comment's e-mail is typed freely by anyone, so it never credits a student.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { settledAnswers } from '../reports/report-world.js';

let world: BotWorld;

beforeEach(async () => {
  world = await startBotWorld();
  await world.setupCourse();
});
afterEach(() => world?.close());

const run = (userId: string, name: string, subcommand: string, options: Record<string, unknown> = {}) =>
  world.emu.as(userId).runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name, subcommand, options: options as never });
const csv = (text: string) => ({ attachment: { filename: 'roster.csv', contentType: 'text/csv', data: Buffer.from(text) } });

async function commentsGivenOnBlog(): Promise<Map<string, number>> {
  const replies = await settledAnswers(run(world.instructorId, 'report', 'participation', { format: 'csv' }));
  const file = replies.flatMap((r) => r.attachments).find((a) => a.filename.endsWith('.csv'))!;
  const [header, ...rows] = parse(file.data.toString('utf8'), { bom: true });
  const column = header!.indexOf('Comments given (blog)');
  return new Map(rows.map((r) => [r[0]!, Number(r[column])]));
}

describe('blog comments credited by e-mail', () => {
  it('credits a registered blog user whose account e-mail is on the staff roster (import or add), and not a guest typing that e-mail', async () => {
    const [alice, bob] = world.studentIds;
    const { student1, student2, admin } = world.wp.users;
    // The bot's blog account may read users' e-mail addresses (list_users): staff give it such an account.
    const creds = await run(world.instructorId, 'course', 'credentials', { blog_user: admin.login, blog_password: admin.appPassword }).response(10_000);
    expect(creds.content).toContain('tested and saved');
    // The roster names Alice by the e-mail her blog account has; nobody has linked a blog account.
    const imported = await run(world.instructorId, 'roster', 'import', {
      file: csv(`name,email,discord\nAlice Student,${student1.email.toUpperCase()},${alice}\n`),
    }).response(10_000);
    expect(imported.content).toContain('Roster imported: 1 added');
    // Bob is added by hand: staff typed his e-mail, which vouches for it just as well.
    const added = await run(world.instructorId, 'roster', 'add', { name: 'Bob Student', email: student2.email, user: bob }).response(10_000);
    expect(added.content).toContain('is on the roster');

    const post = await world.wp.as('admin').publishPost({ title: 'Reading for week 3', content: '<p>Discuss.</p>' });
    await world.bot.syncNow();
    const hers = await world.wp.as('student1').comment(post.id, '<p>Alice, logged in as herself.</p>');
    expect(hers.status).toBe(201);
    expect((await world.wp.as('student2').comment(post.id, '<p>Bob, logged in as himself.</p>')).status).toBe(201);
    // Someone posts as a guest, typing Alice's name and e-mail.
    const guest = await world.wp
      .as('student2')
      .comment(post.id, '<p>Pretending to be Alice.</p>', { author_name: 'Alice Student', author_email: student1.email });
    expect(guest.status).toBe(201);
    expect(guest.json.author).toBe(0);
    await world.bot.syncNow();

    const given = await commentsGivenOnBlog();
    expect(given.get('Alice Student')).toBe(1);
    expect(given.get('Bob Student')).toBe(1);
    const exported = JSON.parse((await run(alice, 'privacy', 'export').response(10_000)).attachments[0]!.data.toString('utf8')) as {
      comments: Array<{ blogCommentId: string }>;
      student: { emailVerified: boolean };
    };
    expect(exported.comments.map((c) => c.blogCommentId)).toEqual([String(hers.json.id)]);
    expect(exported.student.emailVerified).toBe(true);
  });

  it('credits nobody by e-mail when the bot’s blog account cannot read account e-mails (an editor)', async () => {
    const [alice] = world.studentIds;
    await run(world.instructorId, 'roster', 'import', { file: csv(`name,email,discord\nAlice Student,${world.wp.users.student1.email},${alice}\n`) }).response(
      10_000,
    );
    const post = await world.wp.as('student2').publishPost({ title: 'Bob’s essay', content: '<p>An essay.</p>' });
    await world.bot.syncNow();
    expect((await world.wp.as('student1').comment(post.id, '<p>Alice, logged in.</p>')).status).toBe(201);
    await world.wp.as('student2').comment(post.id, '<p>Guest as Alice.</p>', { author_name: 'Alice Student', author_email: world.wp.users.student1.email });
    await world.bot.syncNow();
    // Both comments still reach the thread; neither counts for Alice.
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    await world.emu.waitFor(() => world.emu.messagesIn(thread.id).length >= 3, 10_000, 'both comments mirrored');
    expect((await commentsGivenOnBlog()).get('Alice Student')).toBe(0);
  });
});
