import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../support/bot-world.js';
import { createRestPersona, type RestPersona } from '../support/wordpress-fake/index.js';

// The real bot (discord.js against the emulator) against a REAL WordPress: essays become threads and
// the discussion makes the round trip, with the blog's own HTML and moderation in the loop.
const site = inject('wordpress');
let world: BotWorld;
let student: RestPersona;
let admin: RestPersona;

beforeAll(async () => {
  world = await startBotWorld({ blog: { url: site.url, username: site.users.bot.login, appPassword: site.users.bot.appPassword } });
  student = createRestPersona(site.url, site.users.student1.login, site.users.student1.appPassword);
  admin = createRestPersona(site.url, site.users.admin.login, site.users.admin.appPassword);
  await world.setupCourse();
});
afterAll(() => world?.close());

type WpComment = { id: number; parent: number; status: string; content: { raw: string; rendered: string } };

/** WordPress's status=all leaves trash out: ask for it when a test needs it. */
async function commentsOn(postId: number, status: 'all' | 'trash' = 'all'): Promise<WpComment[]> {
  const result = await admin.request('GET', 'comments', { query: { post: postId, context: 'edit', per_page: 100, status, orderby: 'id', order: 'asc' } });
  return result.json;
}

describe('the bot with a real WordPress', () => {
  it('turns 3 essays into 3 threads, once, with their style intact', async () => {
    const titles = ['On the “Thaw” — Part I', 'On the “Thaw” — Part II', 'Déjà vu: Reform’s Limits'];
    for (const title of titles) {
      await student.publishPost({ title, content: '<p>The reforms—some of them—mattered; the “silence” that followed was itself a verdict.</p>' });
    }
    await world.bot.syncNow();
    await world.bot.syncNow();
    const threads = world.emu.threadsIn(world.forumId);
    expect(threads.map((t) => t.name).sort()).toEqual([...titles].sort());
    const starter = world.emu.messagesIn(threads[0]!.id)[0]!;
    const embed = starter.embeds[0] as { description: string };
    expect(embed.description).toContain('The reforms—some of them—mattered; the “silence” that followed was itself a verdict.');
  });

  it('makes the round trip: Discord replies reach the blog exactly as written, blog comments reach the thread', async () => {
    const post = await student.publishPost({ title: 'Round trip', content: '<p>Essay body.</p>' });
    await world.bot.syncNow();
    const thread = world.emu.findThreadByName('Round trip', world.forumId)!;
    const [, bob] = world.studentIds;
    const first = world.emu.as(bob).postMessage(thread.id, { content: '“Fair point” — but isn’t the *release* (déjà vu?) 🤔 a `policy`? See <https://example.org/gulag>' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count({ where: { discordMessageId: first.id } })) === 1, 5_000, 'first reply recorded');
    await world.bot.syncNow();
    const long = Array.from({ length: 66 }, (_, i) => `Sentence ${i} of a long review — with “quotes”.`).join(' ');
    const second = world.emu.as(bob).postMessage(thread.id, { content: long, replyToMessageId: first.id });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count({ where: { discordMessageId: second.id } })) === 1, 5_000, 'second reply recorded');
    await world.bot.syncNow();

    const comments = await commentsOn(post.id);
    expect(comments).toHaveLength(2);
    expect(comments.every((c) => c.status === 'approved')).toBe(true);
    expect(comments[0]!.content.raw).toContain('“Fair point” — but isn’t the <em>release</em> (déjà vu?) 🤔 a <code>policy</code>?');
    expect(comments[0]!.content.raw).toContain('href="https://example.org/gulag"');
    expect(comments[1]!.parent).toBe(comments[0]!.id);
    expect(comments[1]!.content.raw).toContain('Sentence 65 of a long review — with “quotes”.');

    // The instructor answers on the blog (a moderator: WordPress's 15 s flood limit for students stays
    // untouched for the suites that share this server); it appears in the thread, and is not echoed back.
    const created = await admin.comment(post.id, '<p>Agreed — and the memoirs show it.</p>');
    expect(created.status).toBe(201);
    await world.bot.syncNow();
    await world.bot.syncNow();
    const mirrored = world.emu.messagesIn(thread.id).filter((m) => m.webhook_id);
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.content).toContain('Agreed — and the memoirs show it.');
    expect(await commentsOn(post.id)).toHaveLength(3);

    // Edit and delete in Discord follow on the blog.
    world.emu.as(bob).editMessage(thread.id, first.id, 'Edited on Discord — “still” fair.');
    await world.emu.waitFor(async () => (await world.testDb.db.outboxItem.count({ where: { kind: 'blog.update_comment' } })) === 1, 5_000, 'edit recorded');
    await world.bot.syncNow();
    expect((await commentsOn(post.id))[0]!.content.raw).toContain('Edited on Discord — “still” fair.');
    world.emu.as(bob).deleteMessage(thread.id, second.id);
    await world.emu.waitFor(async () => (await world.testDb.db.outboxItem.count({ where: { kind: 'blog.trash_comment' } })) === 1, 5_000, 'deletion recorded');
    await world.bot.syncNow();
    expect((await commentsOn(post.id, 'trash')).map((c) => c.id)).toEqual([comments[1]!.id]);
  });
});
