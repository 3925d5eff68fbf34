// One contract, run twice: against the in-process fake (test/integration/blog/wordpress-source.test.ts)
// and against a real WordPress (test/e2e/wordpress-source.e2e.test.ts). A rule the fake gets wrong
// shows up as a test that passes on one and fails on the other. Its comments part is in
// wordpress-comments-contract.ts, run from here in its place between essays and users.
import { beforeAll, describe, expect, it } from 'vitest';
import { wordpressCommentsContract } from './wordpress-comments-contract.js';
import { blogError, publishEssay, unique } from './wordpress-contract-kit.js';
import { countingFetch, personaFor, sourceFor, type WordPressTestSite } from './wordpress-test-site.js';

export function wordpressSourceContract(getSite: () => WordPressTestSite): void {
  let site: WordPressTestSite;
  beforeAll(() => {
    site = getSite();
  });
  const publish = (title: string) => publishEssay(site, title);

  describe('verify', () => {
    it('reports the site, its time zone and whether the account may moderate', async () => {
      const bot = await sourceFor(site, 'bot').verify();
      expect(bot.canModerate).toBe(true);
      expect(bot.timeZone).toBe(site.timezone);
      expect(bot.siteName.length).toBeGreaterThan(0);
      expect((await sourceFor(site, 'student1').verify()).canModerate).toBe(false);
    });

    it('fails with kind auth on a wrong application password, without leaking it', async () => {
      const password = 'wrongwrongwrongwrongwron';
      const bad = sourceFor(site, 'bot', { auth: { kind: 'application_password', username: site.users.bot.login, password } });
      const e = await blogError(bad.verify());
      expect(e.kind).toBe('auth');
      expect(e.message).not.toContain(password);
      expect(e.message).not.toContain(Buffer.from(`${site.users.bot.login}:${password}`).toString('base64'));
      const post = await publish(unique('Auth check'));
      const e2 = await blogError(
        bad.createComment({
          blogPostId: String(post.id),
          parentBlogCommentId: null,
          contentHtml: 'x',
          authorBlogUserId: null,
          authorName: 'X',
          authorEmail: 'x@example.test',
          requestApproved: false,
        }),
      );
      expect(e2.kind).toBe('auth');
    });
  });

  describe('essays', () => {
    it('lists published essays across pages, in the project shape', async () => {
      const since = new Date(Date.now() - 1000);
      const created: Array<Awaited<ReturnType<typeof publish>>> = [];
      for (let i = 0; i < 5; i++) created.push(await publish(unique(`Paged essay ${i}`)));
      const counting = countingFetch();
      const page = await sourceFor(site, 'bot', { fetch: counting.fetch }).listEssays({ since, perPage: 2 });
      const ids = page.essays.map((e) => e.blogPostId);
      for (const p of created) expect(ids).toContain(String(p.id));
      expect(counting.calls.filter((c) => c.url.includes('/posts')).length).toBeGreaterThanOrEqual(3);
      const essay = page.essays.find((e) => e.blogPostId === String(created[0]!.id))!;
      expect(essay.authorName).toBe(site.users.student1.name);
      expect(essay.authorBlogUserId).toBe(String(site.users.student1.id));
      expect(essay.contentHtml).toContain('It’s “quoted” — and dashed.');
      expect(essay.status).toBe('publish');
      expect(essay.url).toBe(created[0]!.link);
      expect(essay.categories).toEqual(['Uncategorized']);
      expect(essay.publishedAt.toISOString().slice(0, 19)).toBe(created[0]!.date_gmt);
    });

    it('treats since as inclusive although WordPress `after` is exclusive and in blog-local time', async () => {
      const post = await publish(unique('Boundary essay'));
      const publishedAt = new Date(`${post.date_gmt}Z`);
      const at = await sourceFor(site, 'bot').listEssays({ since: publishedAt });
      expect(at.essays.map((e) => e.blogPostId)).toContain(String(post.id));
      const later = await sourceFor(site, 'bot').listEssays({ since: new Date(publishedAt.getTime() + 3 * 3600_000) });
      expect(later.essays.map((e) => e.blogPostId)).not.toContain(String(post.id));
    });

    it('follows unpublishing and trashing with includeModified / getEssay', async () => {
      const since = new Date(Date.now() - 1000);
      const student = personaFor(site, 'student1');
      const draft = await publish(unique('Unpublished essay'));
      await student.unpublishPost(draft.id);
      const page = await sourceFor(site, 'bot').listEssays({ since, includeModified: true });
      expect(page.essays.find((e) => e.blogPostId === String(draft.id))?.status).toBe('draft');
      const published = await sourceFor(site, 'bot').listEssays({ since });
      expect(published.essays.map((e) => e.blogPostId)).not.toContain(String(draft.id));

      const trashed = await publish(unique('Trashed essay'));
      await student.trashPost(trashed.id);
      expect((await sourceFor(site, 'bot').getEssay(String(trashed.id)))?.status).toBe('trash');
      await personaFor(site, 'admin').deletePost(trashed.id);
      expect(await sourceFor(site, 'bot').getEssay(String(trashed.id))).toBeNull();
      expect(await sourceFor(site, 'bot').getEssay('987654')).toBeNull();
    });
  });

  wordpressCommentsContract(getSite);

  describe('users', () => {
    it('finds authors by id and username; unknown ones are null', async () => {
      await publish(unique('Makes student1 an author'));
      const bot = sourceFor(site, 'bot');
      expect(await bot.findUser({ id: String(site.users.student1.id) })).toMatchObject({
        blogUserId: String(site.users.student1.id),
        name: site.users.student1.name,
      });
      expect((await bot.findUser({ username: site.users.student1.login }))?.blogUserId).toBe(String(site.users.student1.id));
      expect(await bot.findUser({ username: 'nobody-here' })).toBeNull();
      expect(await bot.findUser({ id: '987654' })).toBeNull();
    });
  });
}
