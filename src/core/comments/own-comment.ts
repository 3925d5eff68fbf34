import type { BlogComment } from '../types.js';
import { discordMessageIdOf } from './discord-marker.js';
import { textFingerprint } from './fingerprint.js';

/** What the bot wrote (or would write) on the blog for one Discord message. */
export interface OwnCommentKey {
  discordMessageId: string;
  blogPostId: string;
  parentBlogCommentId: string | null;
  /** The student's linked blog account, if any (the bot writes as it where it may). */
  authorBlogUserId: string | null;
  authorName: string;
}

/**
 * Whether a blog comment is the one the bot wrote for this Discord message: its marker names the message, and
 * post, parent and author agree. Text alone never decides: classmates write the same "Agreed.". The name is
 * compared loosely because WordPress stores it escaped (`&` as `&amp;`) and trimmed; the account id is accepted
 * too, since WordPress names a comment written as an account by that account's display name.
 */
export function isOwnComment(comment: BlogComment, key: OwnCommentKey): boolean {
  if (discordMessageIdOf(comment.contentHtml) !== key.discordMessageId) return false;
  if (comment.blogPostId !== key.blogPostId) return false;
  if ((comment.parentBlogCommentId ?? null) !== key.parentBlogCommentId) return false;
  const sameAccount = key.authorBlogUserId !== null && comment.authorBlogUserId === key.authorBlogUserId;
  return sameAccount || textFingerprint(comment.authorName) === textFingerprint(key.authorName);
}
