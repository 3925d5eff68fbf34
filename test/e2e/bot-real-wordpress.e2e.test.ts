import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { onThreadReply } from '../../src/sync/comments/mirror-discord-reply.js';
import { effectHandlers } from '../../src/sync/effect-registry.js';
import { drainOutbox } from '../../src/outbox/outbox-worker.js';
import type { SyncDeps } from '../../src/context.js';
import type { RestPersona } from '../../src/offline/wordpress-fake/index.js';
import { essayThreadsIn, type BotWorld } from '../support/bot-world.js';
import { humanReply } from '../support/incoming-reply.js';
import { startBotOnRealWordPress } from './bot-on-real-wordpress.js';

// The real bot (discord.js against the emulator) against a REAL WordPress: essays become threads and
// the discussion makes the round trip, with the blog's own HTML and moderation in the loop.
const site = inject('wordpress');
let world: BotWorld;
let student: RestPersona;
let admin: RestPersona;

beforeAll(async () => {
  ({ world, student, admin } = await startBotOnRealWordPress(site));
});
afterAll(() => world?.close());

type WpComment = { id: number; parent: number; status: string; author_name: string; content: { raw: string; rendered: string } };

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
    const threads = essayThreadsIn(world, world.forumId);
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
    const first = world.emu
      .as(bob)
      .postMessage(thread.id, { content: '“Fair point” — but isn’t the *release* (déjà vu?) 🤔 a `policy`? See <https://example.org/gulag>' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count({ where: { discordMessageId: first.id } })) === 1, 5_000, 'first reply recorded');
    await world.bot.syncNow();
    const long = Array.from({ length: 66 }, (_, i) => `Sentence ${i} of a long review — with “quotes”.`).join(' ');
    const second = world.emu.as(bob).postMessage(thread.id, { content: long, replyToMessageId: first.id });
    await world.emu.waitFor(
      async () => (await world.testDb.db.comment.count({ where: { discordMessageId: second.id } })) === 1,
      5_000,
      'second reply recorded',
    );
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

  it('keeps two students’ “Agreed.” and one student’s second “Agreed.” as their own comments, and later replies follow', async () => {
    const post = await student.publishPost({ title: 'Short replies', content: '<p>Essay body.</p>' });
    await world.bot.syncNow();
    const thread = world.emu.findThreadByName('Short replies', world.forumId)!;
    const [alice, bob] = world.studentIds;
    const sent = [
      world.emu.as(alice).postMessage(thread.id, { content: 'Agreed.' }),
      world.emu.as(bob).postMessage(thread.id, { content: 'Agreed.' }),
      world.emu.as(bob).postMessage(thread.id, { content: 'Agreed.' }),
      world.emu.as(alice).postMessage(thread.id, { content: 'A later point — made once.' }),
    ];
    const ids = sent.map((m) => m.id);
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count({ where: { discordMessageId: { in: ids } } })) === 4, 5_000, 'replies recorded');
    await world.bot.syncNow();
    await world.bot.syncNow();
    const comments = await commentsOn(post.id);
    expect(comments.map((c) => c.content.raw.includes('Agreed.'))).toEqual([true, true, true, false]);
    expect(comments[3]!.content.raw).toContain('A later point — made once.');
    // Readers see the text only: the bot's marker is an HTML comment.
    expect(comments.every((c) => !/coursethreads/.test(c.content.rendered.replace(/<!--[\s\S]*?-->/g, '')))).toBe(true);
    expect(await world.testDb.db.outboxItem.count({ where: { status: { not: 'done' } } })).toBe(0);
  });

  it('after a crash once WordPress accepted a reply, the retry adopts that reply and never a classmate’s same words', async () => {
    const post = await student.publishPost({ title: 'Crash after accept', content: '<p>Essay body.</p>' });
    await world.bot.syncNow();
    const thread = world.emu.findThreadByName('Crash after accept', world.forumId)!;
    // The bot's own context, with every other blog write "killed" after WordPress accepted it.
    const botCtx = world.bot.ctx as SyncDeps;
    let writes = 0;
    const ctx: SyncDeps = {
      ...botCtx,
      blogFor: async (id) => {
        const blog = await botCtx.blogFor(id);
        return {
          ...blog,
          createComment: async (c) => {
            const created = await blog.createComment(c);
            if (writes++ % 2 === 0) throw new Error('simulated kill after the blog accepted the comment');
            return created;
          },
        };
      },
    };
    const courseId = (await world.testDb.db.course.findFirstOrThrow({ select: { id: true } })).id;
    const people = [
      { id: world.studentIds[0], name: 'Alice Student' },
      { id: world.studentIds[1], name: 'Bob Student' },
    ];
    let messageId = 1_400_000_000_000_000_000n;
    for (const person of [...people, ...people]) {
      messageId += 1n;
      await onThreadReply(
        ctx,
        humanReply({
          messageId: String(messageId),
          threadId: thread.id,
          authorId: person.id,
          authorDisplayName: person.name,
          content: 'Agreed.',
          createdAt: new Date(),
        }),
      );
    }
    for (let round = 0; round < 8 && (await world.testDb.db.outboxItem.count({ where: { status: 'pending' } })) > 0; round += 1) {
      await world.testDb.db.outboxItem.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: new Date(0) } });
      await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
    }
    const comments = await commentsOn(post.id);
    expect(comments).toHaveLength(4);
    const rows = await world.testDb.db.comment.findMany({
      where: { essay: { blogPostId: String(post.id) } },
      select: { blogCommentId: true, authorName: true, author: { select: { displayName: true } } },
    });
    expect(new Set(rows.map((r) => r.blogCommentId)).size).toBe(4);
    const byId = new Map(comments.map((c) => [String(c.id), c]));
    for (const row of rows) expect(byId.get(row.blogCommentId!)?.author_name).toBe(row.author?.displayName ?? row.authorName);
  });
});
