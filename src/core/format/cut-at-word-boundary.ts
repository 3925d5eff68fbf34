import { findCut, openFence, type BoundaryKind } from './cut-points.js';

const WORD_KINDS: BoundaryKind[] = ['word', 'segment'];

/** Strips what should not precede an ellipsis: spaces, dangling commas/dashes, a lone backslash. */
function trimTail(text: string): string {
  return text.replace(/[\s,;:\-–—]+$/u, '').replace(/(?<!\\)\\$/, '');
}

/**
 * Shortens `text` to at most `max` characters (String#length) ending in `ellipsis`, cutting only
 * between words (or between Unicode word segments for scripts written without spaces), never
 * inside a markdown link, inline code, a URL, a surrogate pair or an escape; an open code fence is
 * closed. Text that already fits is returned unchanged.
 */
export function cutAtWordBoundary(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return ellipsis.slice(0, Math.max(0, max));
  let budget = max - ellipsis.length;
  for (let attempt = 0; attempt < 3; attempt++) {
    const cut = findCut(text, budget, WORD_KINDS);
    let head = trimTail(text.slice(0, cut));
    const fence = openFence(head);
    if (fence) head += '\n' + fence.replace(/[^`]/g, '');
    if (head.length + ellipsis.length <= max) return head + ellipsis;
    budget -= head.length + ellipsis.length - max; // make room for the fence closer and retry
  }
  return ellipsis;
}
