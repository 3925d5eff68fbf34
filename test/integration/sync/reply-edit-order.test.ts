import { describe, expect, it } from 'vitest';
import { onThreadReply, onThreadReplyEdited } from '../../../src/sync/comments/mirror-discord-reply.js';
import type { IncomingThreadMessage } from '../../../src/ports/thread-message.js';
import { bea, useThreadWorld } from './thread-reply-fixture.js';

// Discord edits reach the blog in the order the student made them, judged by Discord's edit time: the text
// a student returns to (A -> B -> A -> B) and an edit event delivered late never leave the blog behind.
const w = useThreadWorld();

/** The message as Discord shows it after an edit `seconds` after it was written. */
const editedTo = (message: IncomingThreadMessage, content: string, seconds: number): IncomingThreadMessage => ({
  ...message,
  content,
  editedAt: new Date(message.createdAt.getTime() + seconds * 1_000),
});
const onBlog = () => w.blogComments().map((c) => c.content);

describe('Discord edits on the blog', () => {
  it('a student who edits A → B → A → B, the blog catching up after each edit, ends with B on the blog', async () => {
    const message = w.reply(bea, 'Version A of my point.');
    await onThreadReply(w.ctx, message);
    await w.drainAll(1);
    for (const [i, text] of ['Version B of my point.', 'Version A of my point.', 'Version B of my point.'].entries()) {
      await onThreadReplyEdited(w.ctx, editedTo(message, text, 10 * (i + 1)));
      await w.drainAll(1);
      expect(onBlog()).toEqual([expect.stringContaining(text)]);
    }
  });

  it('a student who edits A → B → A → B faster than the blog takes them ends with B on the blog', async () => {
    const message = w.reply(bea, 'Version A of my point.');
    await onThreadReply(w.ctx, message);
    for (const [i, text] of ['Version B of my point.', 'Version A of my point.', 'Version B of my point.'].entries()) {
      await onThreadReplyEdited(w.ctx, editedTo(message, text, 10 * (i + 1)));
    }
    await w.drainAll();
    expect(onBlog()).toEqual([expect.stringContaining('Version B of my point.')]);
  });

  // Two edit events handled before the blog caught up with either: the blog ends on the later one by Discord's edit time.
  for (const { name, edits, expected } of [
    {
      name: 'an edit event delivered late never overwrites the newer edit on the blog',
      edits: [
        ['Final wording.', 20],
        ['Second draft.', 10],
      ] as const,
      expected: expect.stringContaining('Final wording.'),
    },
    {
      name: 'an edit followed, before the blog caught up, by a touch-up of capitals only still reaches the blog',
      edits: [
        ['the reworded point.', 10],
        ['The reworded point.', 20],
      ] as const,
      expected: expect.stringMatching(/the reworded point\./i),
    },
  ]) {
    it(name, async () => {
      const message = w.reply(bea, 'First draft.');
      await onThreadReply(w.ctx, message);
      await w.drainAll(1);
      for (const [text, seconds] of edits) await onThreadReplyEdited(w.ctx, editedTo(message, text, seconds));
      await w.drainAll();
      expect(onBlog()).toEqual([expected]);
    });
  }
});
