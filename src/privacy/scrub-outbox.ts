import type { Tx } from '../db/client.js';
import { courseOutboxTexts, deleteOutboxItem, rewriteOutboxTexts } from '../db/repositories/erase-outbox.js';
import type { Scrubber } from './scrub-identifiers.js';

/**
 * Effects whose payload carries a comment's words or its author's name. For a purged author they are
 * deleted while they could still run (pending, or dead and revivable by /sync retry): the bot must not
 * publish a removed student's words under their name afterwards. Done ones keep only the comment id.
 */
// An upload's payload names the student's attachment: one still waiting would put their file on the blog after the purge.
const COMMENT_CONTENT_KINDS = new Set([
  'blog.create_comment',
  'blog.update_comment',
  'discord.post_blog_comment',
  'discord.edit_blog_comment',
  'blog.upload_attachment',
]);

function commentIdOf(payload: string): string | null {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (parsed && typeof parsed === 'object' && 'commentId' in parsed && typeof parsed.commentId === 'string') return parsed.commentId;
  } catch {
    // Not JSON: nothing to match on; the text scrub below still applies.
  }
  return null;
}

export interface OutboxScrubCounts {
  deleted: number;
  redacted: number;
}

/**
 * Removes a purged student from the course's outbox. Effects that only name ids (trash a comment, mark a
 * reaction) keep running, so the blog and Discord stay in step; every other payload, result and error
 * text loses the student's identifiers (e.g. a thread starter naming them as the essay's author).
 */
export async function scrubOutbox(tx: Tx, input: { courseId: string; commentIds: Set<string>; scrubber: Scrubber }): Promise<OutboxScrubCounts> {
  const items = await courseOutboxTexts(tx, input.courseId);
  const counts: OutboxScrubCounts = { deleted: 0, redacted: 0 };
  for (const item of items) {
    const commentId = commentIdOf(item.payload);
    if (commentId && input.commentIds.has(commentId) && COMMENT_CONTENT_KINDS.has(item.kind)) {
      if (item.status === 'done') {
        await rewriteOutboxTexts(tx, item.id, { payload: JSON.stringify({ commentId, redacted: true }), lastError: null });
        counts.redacted += 1;
      } else {
        await deleteOutboxItem(tx, item.id);
        counts.deleted += 1;
      }
      continue;
    }
    const payload = input.scrubber.json(item.payload);
    const result = item.result === null ? null : input.scrubber.json(item.result);
    const lastError = item.lastError === null ? null : input.scrubber.text(item.lastError);
    if (payload !== item.payload || result !== item.result || lastError !== item.lastError) {
      await rewriteOutboxTexts(tx, item.id, { payload, result, lastError });
      counts.redacted += 1;
    }
  }
  return counts;
}
