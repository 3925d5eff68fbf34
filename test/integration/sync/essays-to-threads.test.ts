import { describe, expect, it } from 'vitest';
import { syncContext } from '../../support/course-fixture.js';
import { SyncWorld, useWorld } from './sync-world.js';

// Written for these tests in the style of real course-blog essays: curly quotes, em dashes, long paragraphs.
const essayHtml = (n: number) =>
  `<p>Despite the “excesses” of the era, essay ${n} argues that some reforms—the release of prisoners above all—mattered.</p>\n` +
  `<p>As one historian notes, the “silence” that followed was itself a verdict; it’s hard to read it otherwise.</p>`;

const w = useWorld(new SyncWorld({ wordpress: () => ({ timezone: 'America/Chicago' }) }));
const tick = () => w.pollEssaysAndDrain();

describe('essays become threads', () => {
  it('publishes 3 essays as 3 threads with title, author, excerpt and link, style intact', async () => {
    const posts = [];
    for (const n of [1, 2, 3]) posts.push(await w.wp.as('student1').publishPost({ title: `Destination ${n}: “Reform” — and After`, content: essayHtml(n) }));
    await tick();
    expect(w.chat.threads).toHaveLength(3);
    for (const [i, post] of posts.entries()) {
      const thread = w.chat.threads.find((t) => t.messages[0]!.content.includes(post.link))!;
      expect(thread.title).toBe(`Destination ${i + 1}: “Reform” — and After`);
      const starter = thread.messages[0]!;
      expect(starter.content).toContain('Alice Student');
      expect(starter.embed?.url).toBe(post.link);
      expect(starter.embed?.description).toContain('the “silence” that followed was itself a verdict; it’s hard');
      expect(starter.embed?.description).toContain('reforms—the release');
    }
    const essays = await w.testDb.db.essay.findMany({ select: { threadState: true, threadId: true } });
    expect(essays.every((e) => e.threadState === 'created' && e.threadId)).toBe(true);
  });

  it('stays at 3 threads after a second run and after a restart with a new context', async () => {
    for (const n of [1, 2, 3]) await w.wp.as('student1').publishPost({ title: `Essay ${n}`, content: essayHtml(n) });
    await tick();
    await tick();
    w.ctx = syncContext(w.testDb.db, w.chat, w.clock); // a restarted process: new caches, same database
    await tick();
    expect(w.chat.threads).toHaveLength(3);
    expect(await w.testDb.db.outboxItem.count({ where: { status: { not: 'done' } } })).toBe(0);
  });

  it('reconciles a crash between the Discord call and the database write instead of creating a second thread', async () => {
    for (const n of [1, 2, 3]) await w.wp.as('student1').publishPost({ title: `Essay ${n}`, content: essayHtml(n) });
    w.chat.crashAfter('createEssayThread', 2);
    await tick();
    expect(w.chat.threads).toHaveLength(3); // the calls happened, two results were never recorded
    expect(await w.testDb.db.essay.count({ where: { threadId: null } })).toBe(2);
    w.clock.advance(60 * 60_000); // past the retry backoff
    await tick();
    expect(w.chat.threads).toHaveLength(3);
    const essays = await w.testDb.db.essay.findMany({ select: { threadId: true } });
    expect(new Set(essays.map((e) => e.threadId)).size).toBe(3);
    expect(essays.every((e) => e.threadId)).toBe(true);
  });

  it('follows an edit (title and starter) and locks the thread when the essay is unpublished', async () => {
    const post = await w.wp.as('student1').publishPost({ title: 'First title', content: essayHtml(1) });
    await tick();
    await w.wp.as('student1').updatePost(post.id, { title: 'Second title', content: '<p>Rewritten—entirely.</p>' });
    await tick();
    const thread = w.chat.threads[0]!;
    expect(thread.title).toBe('Second title');
    expect(thread.messages[0]!.embed?.description).toContain('Rewritten—entirely.');
    await w.wp.as('student1').unpublishPost(post.id);
    await tick();
    expect(thread.locked).toBe(true);
    expect(thread.title).toBe('[removed] Second title');
    expect(thread.messages.at(-1)!.content).toContain('no longer published');
    expect(w.chat.threads).toHaveLength(1);
  });

  it('publishes nothing on the first run after setup when the blog already has 200 older posts', async () => {
    for (let n = 0; n < 200; n += 1) {
      const day = String(1 + (n % 28)).padStart(2, '0');
      await w.wp.admin.publishPost({ title: `Old ${n}`, content: '<p>old</p>', date_gmt: `2026-03-${day}T10:00:00` });
    }
    await tick();
    expect(w.chat.threads).toHaveLength(0);
    expect(await w.testDb.db.essay.count()).toBe(0);
  });
});
