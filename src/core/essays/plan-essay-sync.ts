import type { Essay } from '../types.js';

/** What the bot knows of an essay it has seen before. */
export interface StoredEssay {
  blogStatus: 'published' | 'unpublished' | 'deleted';
  renderedHash: string | null;
  threadState: 'pending' | 'created' | 'locked';
}

export type EssaySyncAction =
  | { kind: 'ignore'; reason: 'not_published' | 'before_ingest_start' | 'unchanged' }
  | { kind: 'create' }
  | { kind: 'update' }
  /** Published again after it was unpublished or trashed: unlock the thread and mirror again. */
  | { kind: 'reopen' }
  | { kind: 'close'; reason: 'unpublished' | 'deleted' };

/**
 * Decides what a polled essay means for its thread. Pure: the caller supplies the hash of what the
 * starter message would show now, so edits that change nothing visible cost no Discord call.
 */
export function planEssaySync(input: {
  stored: StoredEssay | null;
  incoming: Pick<Essay, 'status' | 'publishedAt'>;
  renderedHash: string;
  /** Essays published before this are not announced (no flood at setup); backfill passes an earlier date. */
  announceSince: Date;
}): EssaySyncAction {
  const published = input.incoming.status === 'publish';
  if (!input.stored) {
    if (!published) return { kind: 'ignore', reason: 'not_published' };
    if (input.incoming.publishedAt < input.announceSince) return { kind: 'ignore', reason: 'before_ingest_start' };
    return { kind: 'create' };
  }
  if (!published) {
    if (input.stored.blogStatus !== 'published') return { kind: 'ignore', reason: 'unchanged' };
    return { kind: 'close', reason: input.incoming.status === 'deleted' || input.incoming.status === 'trash' ? 'deleted' : 'unpublished' };
  }
  if (input.stored.blogStatus !== 'published') return { kind: 'reopen' };
  if (input.stored.renderedHash === input.renderedHash) return { kind: 'ignore', reason: 'unchanged' };
  return { kind: 'update' };
}

/**
 * Newest time among essays, to move the poll cursor; never moves it backwards, and never past `notAfter`
 * (when the listing was requested, on the bot's clock): a scheduled post or a blog whose clock runs ahead
 * carries dates that have not happened yet, and a cursor past them would hide essays published before them.
 * A cursor already beyond `notAfter` (written before this rule) is brought back to it.
 */
export function advanceCursor(current: Date | null, essays: Array<Pick<Essay, 'modifiedAt' | 'publishedAt'>>, notAfter: Date): Date | null {
  let cursor = current;
  for (const essay of essays) {
    const t = essay.modifiedAt > essay.publishedAt ? essay.modifiedAt : essay.publishedAt;
    if (!cursor || t > cursor) cursor = t;
  }
  return cursor && cursor > notAfter ? notAfter : cursor;
}
