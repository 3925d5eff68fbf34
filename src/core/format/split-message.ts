import { cutAtWordBoundary } from './cut-at-word-boundary.js';
import { findCut, openFence, type BoundaryKind } from './cut-points.js';

const KINDS: BoundaryKind[] = ['paragraph', 'line', 'sentence', 'word', 'segment'];

export interface SplitOptions {
  max: number;
  /** At most this many chunks; the last one is cut and ends with `overflowNote`. */
  maxChunks?: number;
  overflowNote?: string;
}

/**
 * Splits Discord markdown into messages of at most `max` characters, breaking at a paragraph,
 * line, sentence or word boundary (in that order of preference) and never inside a link, inline
 * code or URL. A code block split across messages is closed and reopened so each part renders.
 */
export function splitMessage(text: string, options: SplitOptions): string[] {
  const { max, maxChunks = Infinity, overflowNote = '' } = options;
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    if (chunks.length === maxChunks - 1) {
      chunks.push(cutAtWordBoundary(rest, max - overflowNote.length) + overflowNote);
      return chunks;
    }
    // Room for a fence closer, in case the cut lands inside a code block.
    const reserve = rest.includes('```') ? 8 : 0;
    const cut = findCut(rest, max - reserve, KINDS);
    let head = rest.slice(0, cut).trimEnd();
    let tail = rest.slice(cut).trimStart();
    const fence = openFence(head);
    if (fence) {
      head += '\n' + fence.replace(/[^`]/g, '');
      tail = `${fence}\n${tail}`;
    }
    chunks.push(head);
    rest = tail;
  }
  if (rest) chunks.push(rest);
  return chunks;
}
