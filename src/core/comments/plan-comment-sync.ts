import type { BlogCommentStatus } from '../types.js';

/** What the bot knows of a comment it has recorded before. */
export interface StoredComment {
  origin: 'blog' | 'discord';
  contentHash: string;
  /** 'approved' | 'hold' | 'spam' | 'trash' | 'deleted' */
  blogStatus: string;
  /** A blog-born comment whose mirror was taken out of the thread (held, spam, trash, deleted). */
  removed: boolean;
}

export type CommentSyncAction =
  | { kind: 'ignore' }
  /** A new approved blog comment: record it and post its mirror. */
  | { kind: 'post' }
  /** A Discord reply's blog copy changed moderation status: mark the student's message. */
  | { kind: 'mark'; status: BlogCommentStatus }
  /** A mirrored blog comment is no longer public: its mirror leaves the thread. */
  | { kind: 'remove'; status: BlogCommentStatus | 'deleted' }
  /** A removed blog comment is approved again: its mirror comes back (with its current text). */
  | { kind: 'restore' }
  /** The text of a mirrored blog comment changed on the blog. */
  | { kind: 'edit' };

/**
 * Decides what one listed blog comment means for the thread. Pure: the caller supplies the fingerprint
 * of the listed text and whether it is the echo of a Discord reply still being written to the blog.
 */
export function planListedComment(input: {
  stored: StoredComment | null;
  status: BlogCommentStatus;
  contentHash: string;
  echoOfDiscordReply: boolean;
}): CommentSyncAction {
  const { stored, status } = input;
  if (!stored) return status === 'approved' && !input.echoOfDiscordReply ? { kind: 'post' } : { kind: 'ignore' };
  if (stored.origin === 'discord') return stored.blogStatus === status ? { kind: 'ignore' } : { kind: 'mark', status };
  if (stored.removed) return status === 'approved' ? { kind: 'restore' } : { kind: 'ignore' };
  if (status !== 'approved') return { kind: 'remove', status };
  return input.contentHash === stored.contentHash ? { kind: 'ignore' } : { kind: 'edit' };
}

/**
 * A recorded comment the listing did not show. Only a listing known to be complete (every status the
 * bot may read, every page) proves the comment is gone; anything less removes nothing.
 */
export function planUnlistedComment(input: { stored: StoredComment; listingComplete: boolean }): CommentSyncAction {
  if (!input.listingComplete || input.stored.origin !== 'blog' || input.stored.removed) return { kind: 'ignore' };
  return { kind: 'remove', status: 'deleted' };
}
