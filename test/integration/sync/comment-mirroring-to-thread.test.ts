// Blog comments reaching the essay's thread: mirrored once, edits and moderation followed (held, approved
// again, trashed), masked links shown with their real target, and no echo of the bot's own comments.
import { describe, expect, it } from 'vitest';
import { onThreadReply } from '../../../src/sync/comments/mirror-discord-reply.js';
import { pollBlogComments } from '../../../src/sync/comments/poll-blog-comments.js';
import { blogComments, chat, courseId, ctx, drain, postId, reply, threadId, useCommentMirroringWorld, wp } from './comment-mirroring-world.js';

useCommentMirroringWorld();

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
