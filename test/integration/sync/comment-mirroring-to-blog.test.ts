// Discord replies reaching the blog as comments: text and formatting carried over safely, edits and deletions
// followed, bots ignored, and each reply delivered exactly once through outages and interrupted tries.
import { describe, expect, it } from 'vitest';
import { onThreadReply, onThreadReplyDeleted, onThreadReplyEdited } from '../../../src/sync/comments/mirror-discord-reply.js';
import { blogComments, clock, ctx, drain, reply, testDb, useCommentMirroringWorld, wp } from './comment-mirroring-world.js';

useCommentMirroringWorld();

describe('Discord replies become blog comments', () => {
  it('carries curly quotes, dashes, accents, emoji, code, links and reply chains to the blog', async () => {
    const first = reply('“Fair point” — but isn’t the *release* of prisoners (déjà vu?) 🤔 a `policy`? See <https://example.org/gulag>');
    await onThreadReply(ctx, first);
    await drain();
    const second = reply('Agreed — and **more** so.', { replyToMessageId: first.messageId });
    await onThreadReply(ctx, second);
    await drain();
    const [a, b] = blogComments();
    expect(a!.content).toContain('“Fair point” — but isn’t the <em>release</em> of prisoners (déjà vu?) 🤔 a <code>policy</code>?');
    expect(a!.content).toContain('href="https://example.org/gulag"');
    expect(a!.status).toBe('approved');
    expect(b!.parentId).toBe(a!.id);
    expect(b!.content).toContain('<strong>more</strong>');
  });

  it('cannot inject HTML through the bot', async () => {
    await onThreadReply(ctx, reply('<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))'));
    await drain();
    const [comment] = blogComments();
    expect(comment!.content).not.toMatch(/<script|<img|href="javascript:/i);
    expect(comment!.content).toContain('&lt;script&gt;');
  });

  it('keeps a 3000-character reply whole on the blog', async () => {
    const long = Array.from({ length: 66 }, (_, i) => `Sentence ${i} of a long review — with “quotes”.`).join(' ');
    expect(long.length).toBeGreaterThan(2_900);
    await onThreadReply(ctx, reply(long));
    await drain();
    expect(blogComments()[0]!.content).toContain('Sentence 65 of a long review — with “quotes”.');
  });

  it('follows edits and deletions, and ignores bots, webhooks and system messages', async () => {
    const message = reply('First version of my comment.');
    await onThreadReply(ctx, message);
    await drain();
    await onThreadReplyEdited(ctx, { ...message, content: 'Second version of my comment.', editedAt: new Date(message.createdAt.getTime() + 60_000) });
    await drain();
    expect(blogComments()[0]!.content).toContain('Second version');
    await onThreadReplyDeleted(ctx, message.messageId);
    await drain();
    expect(blogComments()[0]!.status).toBe('trash');
    expect(await onThreadReply(ctx, reply('from a bot', { fromBotOrWebhook: true }))).toBe('ignored');
    expect(await onThreadReply(ctx, reply('pinned a message', { isSystem: true }))).toBe('ignored');
    await drain();
    expect(blogComments()).toHaveLength(1);
  });

  it('records the same Discord message once even when delivered twice', async () => {
    const message = reply('Delivered twice by a gateway replay.');
    expect(await onThreadReply(ctx, message)).toBe('mirrored');
    expect(await onThreadReply(ctx, message)).toBe('ignored');
    await drain();
    expect(blogComments()).toHaveLength(1);
  });

  it('delivers 50 replies written while the blog is down for 30 minutes, in order, exactly once', async () => {
    await wp.goDown();
    for (let i = 0; i < 50; i += 1) {
      await onThreadReply(ctx, reply(`Reply number ${i} while the blog is down.`));
      await drain();
      clock.advance(36_000); // 50 x 36 s = 30 minutes
    }
    expect(blogComments()).toHaveLength(0);
    await wp.comeUp();
    clock.advance(60 * 60_000); // past every backoff
    for (let round = 0; round < 5 && blogComments().length < 50; round += 1) {
      await drain();
      clock.advance(60 * 60_000);
    }
    const texts = blogComments().map((c) => /Reply number (\d+)/.exec(c.content)?.[1]);
    expect(texts).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
  });

  it('never duplicates a comment when every try is interrupted after the blog accepted it', async () => {
    // The bot "dies" after the blog call and before recording: the next try must find the comment.
    for (let i = 0; i < 10; i += 1) await onThreadReply(ctx, reply(`Interrupted reply ${i}: a point — made once.`));
    const realBlogFor = ctx.blogFor;
    let crashes = 0;
    ctx.blogFor = async (id) => {
      const blog = await realBlogFor(id);
      return {
        ...blog,
        verify: () => blog.verify(),
        listComments: (q) => blog.listComments(q),
        createComment: async (c) => {
          const created = await blog.createComment(c);
          if (crashes++ % 2 === 0) throw new Error('simulated kill after the blog accepted the comment');
          return created;
        },
      };
    };
    for (let round = 0; round < 10; round += 1) {
      await drain();
      clock.advance(60 * 60_000);
    }
    const texts = blogComments().map((c) => /Interrupted reply (\d+)/.exec(c.content)?.[1]);
    expect(texts.sort()).toEqual(Array.from({ length: 10 }, (_, i) => String(i)).sort());
    expect(await testDb.db.comment.count({ where: { blogCommentId: null } })).toBe(0);
  });
});
