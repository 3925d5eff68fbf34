import { describe, expect, it } from 'vitest';
import { onThreadReply } from '../../../src/sync/comments/mirror-discord-reply.js';
import { bea, cal, dee, useThreadWorld, type Person } from './thread-reply-fixture.js';

// Short replies repeat: two classmates both write "Agreed.", one student writes "Great post!" twice. Each
// reply is its own comment on the blog, and a retry adopts only the comment it wrote itself.
const w = useThreadWorld();

/** The first reply is written and reaches the blog; then the later ones are written, and all drained. */
async function replyAfterTheFirstReachedTheBlog(first: [Person, string], ...later: Array<[Person, string]>): Promise<void> {
  await onThreadReply(w.ctx, w.reply(...first));
  await w.drainAll(1);
  for (const reply of later) await onThreadReply(w.ctx, w.reply(...reply));
  await w.drainAll();
}

const count = (author: Person, text: string) => w.blogComments().filter((c) => c.authorName === author.displayName && c.content.includes(text)).length;

describe('identical short replies in one thread', () => {
  it("a classmate's identical comment does not swallow a reply, nor hold up the ones after it", async () => {
    await replyAfterTheFirstReachedTheBlog([bea, 'Agreed.'], [cal, 'Agreed.'], [bea, 'And the memoirs show it.']);
    expect(count(bea, 'Agreed.')).toBe(1);
    expect(count(cal, 'Agreed.')).toBe(1);
    expect(count(bea, 'And the memoirs show it.')).toBe(1);
    expect(await w.testDb.db.outboxItem.count({ where: { status: { not: 'done' } } })).toBe(0);
  });

  it('a student who writes “Great post!” twice gets two comments on the blog', async () => {
    await replyAfterTheFirstReachedTheBlog([bea, 'Great post!'], [bea, 'Great post!'], [cal, 'A later reply.']);
    expect(count(bea, 'Great post!')).toBe(2);
    expect(count(cal, 'A later reply.')).toBe(1);
  });

  it('a retry after the blog accepted a reply adopts that reply, never a classmate’s with the same text', async () => {
    // Every other try "dies" after WordPress accepted the comment and before the bot recorded it.
    w.killAfterTheBlogAccepts((call) => call % 2 === 0);
    const people = [bea, cal, dee];
    for (const person of [...people, ...people]) await onThreadReply(w.ctx, w.reply(person, 'Agreed.'));
    await w.drainAll(10);
    for (const person of people) expect(count(person, 'Agreed.')).toBe(2);
    expect(w.blogComments()).toHaveLength(6);
    // Each Discord reply is tied to a comment by its own author, none shared.
    const rows = await w.testDb.db.comment.findMany({ where: { origin: 'discord' }, select: { blogCommentId: true, authorName: true } });
    expect(new Set(rows.map((r) => r.blogCommentId)).size).toBe(6);
    for (const row of rows) expect(w.blogComments().find((c) => String(c.id) === row.blogCommentId)?.authorName).toBe(row.authorName);
  });

  it('replies with the same text under different parents each reach the blog under their own parent', async () => {
    const first = w.reply(bea, 'First point.');
    const second = w.reply(cal, 'Second point.');
    await onThreadReply(w.ctx, first);
    await onThreadReply(w.ctx, second);
    await w.drainAll(1);
    await onThreadReply(w.ctx, w.reply(dee, 'Agreed.', { replyToMessageId: first.messageId }));
    await onThreadReply(w.ctx, w.reply(dee, 'Agreed.', { replyToMessageId: second.messageId }));
    await w.drainAll();
    const byText = (text: string) => w.blogComments().find((c) => c.content.includes(text))!.id;
    const agreed = w.blogComments().filter((c) => c.content.includes('Agreed.'));
    expect(agreed.map((c) => c.parentId).sort()).toEqual([byText('First point.'), byText('Second point.')].sort());
  });
});
