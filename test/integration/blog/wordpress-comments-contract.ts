// The comments part of the WordPress source contract (run by wordpress-contract.ts, so against the fake and
// a real WordPress alike): create, list, update and trash as the bot, held comments, a student's refused
// status and flood limit, writing as a blog user, duplicates.
import { beforeAll, describe, expect, it } from 'vitest';
import { blogError, publishEssay, unique } from './wordpress-contract-kit.js';
import { personaFor, sourceFor, type WordPressTestSite } from './wordpress-test-site.js';

export function wordpressCommentsContract(getSite: () => WordPressTestSite): void {
  let site: WordPressTestSite;
  beforeAll(() => {
    site = getSite();
  });
  const publish = (title: string) => publishEssay(site, title);

  describe('comments', () => {
    const relay = (postId: number, content: string, extra: Record<string, unknown> = {}) => ({
      blogPostId: String(postId),
      parentBlogCommentId: null,
      contentHtml: content,
      authorBlogUserId: null,
      authorName: 'Discord Carol',
      authorEmail: 'carol@discord.invalid',
      requestApproved: true,
      ...extra,
    });

    it('creates an approved comment as the bot, lists it, updates it and trashes it', async () => {
      const post = await publish(unique('Comment essay'));
      const bot = sourceFor(site, 'bot');
      await bot.verify();
      const c = await bot.createComment(relay(post.id, 'Great point about “reform”.'));
      expect(c.status).toBe('approved');
      expect(c.authorName).toBe('Discord Carol');
      expect(c.blogPostId).toBe(String(post.id));
      const listed = await bot.listComments({ blogPostId: String(post.id) });
      expect(listed.map((x) => x.blogCommentId)).toEqual([c.blogCommentId]);
      expect(listed[0]!.contentHtml).toContain('Great point about “reform”.');

      const reply = await bot.createComment(relay(post.id, 'A reply', { parentBlogCommentId: c.blogCommentId }));
      expect(reply.parentBlogCommentId).toBe(c.blogCommentId);
      const since = await bot.listComments({ blogPostId: String(post.id), since: reply.createdAt });
      expect(since.map((x) => x.blogCommentId)).toContain(reply.blogCommentId);

      const updated = await bot.updateComment(c.blogCommentId, 'Edited on Discord');
      expect(updated.contentHtml).toContain('Edited on Discord');
      expect((await bot.getComment(c.blogCommentId))?.contentHtml).toContain('Edited on Discord');

      await bot.trashComment(c.blogCommentId);
      expect((await bot.getComment(c.blogCommentId))?.status).toBe('trash');
      await bot.trashComment(c.blogCommentId); // already trashed: not an error
      expect((await bot.listComments({ blogPostId: String(post.id) })).map((x) => x.blogCommentId)).not.toContain(c.blogCommentId);
      expect((await bot.listComments({ blogPostId: String(post.id), statuses: ['trash'] })).map((x) => x.blogCommentId)).toContain(c.blogCommentId);
      expect(await bot.getComment('987654')).toBeNull();
    });

    it('holds a name/email comment unless approval is asked for, and lists held ones for moderators', async () => {
      const post = await publish(unique('Held essay'));
      const bot = sourceFor(site, 'bot');
      const held = await bot.createComment(
        relay(post.id, 'Needs a look', { authorName: 'New Person', authorEmail: 'new@discord.invalid', requestApproved: false }),
      );
      expect(held.status).toBe('hold');
      expect((await bot.listComments({ blogPostId: String(post.id) })).map((x) => x.blogCommentId)).not.toContain(held.blogCommentId);
      const mod = await bot.listComments({ blogPostId: String(post.id), statuses: ['approved', 'hold'] });
      expect(mod.find((x) => x.blogCommentId === held.blogCommentId)?.authorEmail).toBe('new@discord.invalid');
    });

    it('a student (no moderation) is refused status, is held, and is flood-limited', async () => {
      const post = await publish(unique('Student essay'));
      const student = sourceFor(site, 'student2');
      const refused = await blogError(student.createComment(relay(post.id, 'Approve me', { authorBlogUserId: null, requestApproved: true })));
      expect(refused.kind).toBe('auth');
      expect(refused.status).toBe(403);
      // WordPress lets a user comment once per 15 s, site-wide: another e2e file may just have commented as
      // student2, so a flood answer here waits the window out once (the second comment below is the one under test).
      let first = await personaFor(site, 'student2').comment(post.id, unique('First thought'));
      if (first.status === 400 && (first.json as { code?: unknown }).code === 'comment_flood') {
        await new Promise((resolve) => setTimeout(resolve, 16_000));
        first = await personaFor(site, 'student2').comment(post.id, unique('First thought'));
      }
      expect(first.status).toBe(201);
      expect(first.json.status).toBe('hold');
      const e = await blogError(
        student.createComment({
          ...relay(post.id, unique('Second thought')),
          authorName: site.users.student2.name,
          authorEmail: site.users.student2.email,
          requestApproved: false,
        }),
      );
      expect(e.kind).toBe('flood');
      expect(e.transient).toBe(true);
    });

    // After the student test: a comment written as student2 counts for WordPress's flood check.
    it('writes as a blog user when given their id', async () => {
      const post = await publish(unique('As-user essay'));
      const c = await sourceFor(site, 'bot').createComment(relay(post.id, 'Written for Bob', { authorBlogUserId: String(site.users.student2.id) }));
      expect(c.authorBlogUserId).toBe(String(site.users.student2.id));
      expect(c.authorName).toBe(site.users.student2.name);
      expect(c.status).toBe('approved');
    });

    it('maps duplicates to kind duplicate', async () => {
      const post = await publish(unique('Duplicate essay'));
      const bot = sourceFor(site, 'bot');
      await bot.createComment(relay(post.id, 'Said once'));
      const e = await blogError(bot.createComment(relay(post.id, 'Said once')));
      expect(e.kind).toBe('duplicate');
      expect(e.status).toBe(409);
      expect(e.transient).toBe(false);
    });
  });
}
