import { beforeEach, describe, expect, it } from 'vitest';
import { chooseBlogName } from '../../../src/privacy/blog-name-choice.js';
import { onThreadReply } from '../../../src/sync/comments/mirror-discord-reply.js';
import { bea, useThreadWorld } from './thread-reply-fixture.js';

// A reply written under a chosen name (issue 12 item 11) whose first try "dies" after WordPress accepted the
// comment: the retry must find that comment, even if the student changed their choice in between, and never
// write a second one under the new name.
const w = useThreadWorld();
let studentId: string;
// Runs after the world's own start: vitest runs before-each hooks in the order they were added.
beforeEach(async () => {
  // Bea on the roster (what /roster add records).
  studentId = (
    await w.testDb.db.student.create({
      data: { courseId: w.courseId, displayName: bea.displayName, discordUserId: bea.discordUserId, email: 'bea@university.test' },
      select: { id: true },
    })
  ).id;
});

describe('a reply under a chosen name, retried after a crash', () => {
  it('is written once, under the name chosen when it was written', async () => {
    await chooseBlogName(w.testDb.db, { courseId: w.courseId, studentId, choice: 'first-initial', pseudonym: null, now: w.clock.now() });
    w.killAfterTheBlogAccepts((call) => call === 0); // the first try only
    await onThreadReply(w.ctx, w.reply(bea, 'A point worth making.'));
    await w.drainAll(1);
    // She changes her mind before the retry runs: the reply already written keeps the name it was written under.
    await chooseBlogName(w.testDb.db, { courseId: w.courseId, studentId, choice: 'full', pseudonym: null, now: w.clock.now() });
    await w.drainAll(5);
    expect(w.blogComments().map((c) => c.authorName)).toEqual(['Bea R.']);
    expect(await w.testDb.db.outboxItem.count({ where: { status: { not: 'done' } } })).toBe(0);
  });
});
