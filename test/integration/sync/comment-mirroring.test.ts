import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onThreadReply, onThreadReplyDeleted, onThreadReplyEdited } from '../../../src/sync/comments/mirror-discord-reply.js';
import type { IncomingThreadMessage } from '../../../src/ports/thread-message.js';
import { pollBlogComments } from '../../../src/sync/comments/poll-blog-comments.js';
import { effectHandlers } from '../../../src/sync/effect-registry.js';
import { pollCourseEssays } from '../../../src/sync/essays/poll-essays.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import type { SyncContext } from '../../../src/sync/sync-context.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createCourse, syncContext } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

let testDb: TestDb;
let wp: WordPressFake;
let chat: MemoryChat;
let clock: ManualClock;
let ctx: SyncContext;
let courseId: string;
let postId: number;
let threadId: string;
let nextMessageId = 5_000_000;

function reply(content: string, extra: Partial<IncomingThreadMessage> = {}): IncomingThreadMessage {
  nextMessageId += 1;
  return {
    messageId: String(nextMessageId),
    threadId,
    authorId: '700000000000000001',
    authorDisplayName: 'Bea Reviewer',
    fromBotOrWebhook: false,
    isSystem: false,
    content,
    replyToMessageId: null,
    attachments: [],
    users: {},
    channels: {},
    roles: {},
    createdAt: clock.now(),
    ...extra,
  };
}

const drain = () => drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
const blogComments = () => wp.state.comments.filter((c) => c.postId === postId);

beforeEach(async () => {
  testDb = await createTestDb();
  // Readers' blog comments are approved at once unless a test holds them (WordPress's "previously approved" rule off).
  wp = await startWordPressFake({ floodSeconds: 0, commentPreviouslyApproved: false });
  chat = new MemoryChat();
  clock = new ManualClock(new Date());
  ctx = syncContext(testDb.db, chat, clock);
  courseId = await createCourse(testDb.db, {
    blogUrl: wp.url,
    username: wp.users.bot.login,
    appPassword: wp.users.bot.appPassword,
    ingestSince: new Date(Date.now() - 60_000),
  });
  postId = (await wp.as('student1').publishPost({ title: 'On Reform', content: '<p>Essay.</p>' })).id;
  await pollCourseEssays(ctx, courseId);
  await drain();
  threadId = chat.threads[0]!.id;
});

afterEach(async () => {
  await wp.close();
  await testDb.close();
});

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

describe('blog comments appear in the thread', () => {
  it('mirrors an approved blog comment once, follows its edit, and removes it when trashed', async () => {
    const created = await wp.as('student2').comment(postId, '<p>Great essay — “truly”.</p>');
    expect(created.status).toBe(201);
    await pollBlogComments(ctx, courseId);
    await drain();
    await pollBlogComments(ctx, courseId);
    await drain();
    const mirrored = chat.visibleMessages(threadId).filter((m) => m.viaWebhook);
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.username).toBe('Bob Student');
    expect(mirrored[0]!.content).toContain('Great essay — “truly”.');
    const comment = wp.state.comments.find((c) => c.id === created.json.id)!;
    comment.content = '<p>Great essay — edited.</p>';
    await pollBlogComments(ctx, courseId);
    await drain();
    expect(chat.visibleMessages(threadId).filter((m) => m.viaWebhook)[0]!.content).toContain('edited');
    await wp.admin.moderateComment(comment.id, 'trash');
    await pollBlogComments(ctx, courseId);
    await drain();
    expect(chat.visibleMessages(threadId).filter((m) => m.viaWebhook)).toHaveLength(0);
  });

  it('does not mirror held comments until they are approved', async () => {
    const created = await wp.as('student2').comment(postId, '<p>Held at first.</p>', {});
    const id = created.json.id as number;
    await wp.admin.moderateComment(id, 'hold');
    await pollBlogComments(ctx, courseId);
    await drain();
    expect(chat.visibleMessages(threadId).filter((m) => m.viaWebhook)).toHaveLength(0);
    await wp.admin.moderateComment(id, 'approved');
    await pollBlogComments(ctx, courseId);
    await drain();
    expect(chat.visibleMessages(threadId).filter((m) => m.viaWebhook)).toHaveLength(1);
  });

  it('a comment held for moderation leaves the thread and comes back once each time it is approved again', async () => {
    const created = await wp.as('student2').comment(postId, '<p>Worth a second look — “really”.</p>');
    const id = created.json.id as number;
    const mirrors = () => chat.visibleMessages(threadId).filter((m) => m.viaWebhook);
    const pollAndDrain = async () => {
      await pollBlogComments(ctx, courseId);
      await drain();
    };
    await pollAndDrain();
    expect(mirrors()).toHaveLength(1);
    for (let round = 0; round < 2; round += 1) {
      await wp.admin.moderateComment(id, 'hold');
      await pollAndDrain();
      expect(mirrors()).toHaveLength(0);
      await wp.admin.moderateComment(id, 'approved');
      await pollAndDrain();
      await pollAndDrain();
      expect(mirrors()).toHaveLength(1);
      expect(mirrors()[0]!.content).toContain('Worth a second look — “really”.');
    }
  });

  it('a comment held and approved again before the bot catches up is shown once, with its new text', async () => {
    const created = await wp.as('student2').comment(postId, '<p>First words.</p>');
    const id = created.json.id as number;
    await pollBlogComments(ctx, courseId);
    await drain();
    await wp.admin.moderateComment(id, 'hold');
    await pollBlogComments(ctx, courseId);
    wp.state.comments.find((c) => c.id === id)!.content = '<p>Better words.</p>';
    await wp.admin.moderateComment(id, 'approved');
    await pollBlogComments(ctx, courseId);
    await drain();
    await pollBlogComments(ctx, courseId);
    await drain();
    const mirrors = chat.visibleMessages(threadId).filter((m) => m.viaWebhook);
    expect(mirrors.map((m) => m.content.split('\n').slice(1).join('\n'))).toEqual(['Better words.']);
  });

  it('a Discord reply held on the blog shows ⏳ each time it is held, and loses it each time it is approved', async () => {
    const message = reply('A reply the blog will hold, twice.');
    await onThreadReply(ctx, message);
    await drain();
    const blogId = blogComments()[0]!.id;
    const hourglass = () => chat.threads[0]!.messages.find((m) => m.id === message.messageId)?.reactions.has('⏳') ?? false;
    for (let round = 0; round < 2; round += 1) {
      await wp.admin.moderateComment(blogId, 'hold');
      await pollBlogComments(ctx, courseId);
      await drain();
      expect(hourglass(), `held, round ${round}`).toBe(true);
      await wp.admin.moderateComment(blogId, 'approved');
      await pollBlogComments(ctx, courseId);
      await drain();
      expect(hourglass(), `approved, round ${round}`).toBe(false);
    }
  });

  it('a link whose text is a different address shows its real target in the thread', async () => {
    await wp.as('student2').comment(postId, '<p>Before commenting, <a href="https://evil.example/login">https://discord.com/verify</a> please.</p>');
    await pollBlogComments(ctx, courseId);
    await drain();
    const [mirror] = chat.visibleMessages(threadId).filter((m) => m.viaWebhook);
    // What a reader sees: no masked link may show an address as its text, and the real target is on screen.
    const maskedTexts = [...mirror!.content.matchAll(/\[([^\]]*)\]\(<?([^)>]*)>?\)/g)].map((m) => m[1]!);
    expect(maskedTexts.filter((text) => /discord\.com|https?:/i.test(text))).toEqual([]);
    expect(mirror!.content).toContain('https://evil.example/login');
  });

  it('produces no echo: 100 Discord replies make exactly 100 blog comments and 0 mirror messages', async () => {
    for (let i = 0; i < 100; i += 1) await onThreadReply(ctx, reply(`Loop check ${i}.`));
    await drain();
    await pollBlogComments(ctx, courseId);
    await drain();
    expect(blogComments()).toHaveLength(100);
    expect(chat.visibleMessages(threadId).filter((m) => m.viaWebhook)).toHaveLength(0);
  });
});
