import { insideSpan, protectedSpans, type Span } from './protected-spans.js';

/** Kinds of boundary, from the most to the least natural place to break text. */
export type BoundaryKind = 'paragraph' | 'line' | 'sentence' | 'word' | 'segment' | 'grapheme';

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function candidates(text: string, kind: BoundaryKind, limit: number): number[] {
  const out: number[] = [];
  const upTo = text.slice(0, limit + 1);
  switch (kind) {
    case 'paragraph':
      for (const m of upTo.matchAll(/\n[ \t]*\n/g)) out.push(m.index);
      break;
    case 'line':
      for (const m of upTo.matchAll(/\n/g)) out.push(m.index);
      break;
    case 'sentence':
      // After ., !, ?, … and any closing quotes/brackets, before whitespace.
      for (const m of upTo.matchAll(/[.!?…]+["'”’)\]]*(?=\s)/g)) out.push(m.index + m[0].length);
      break;
    case 'word':
      for (const m of upTo.matchAll(/(?<=\S)\s/g)) out.push(m.index);
      break;
    case 'segment':
      // Word boundaries by Unicode rules: the only sensible breaks in Chinese, Japanese or Thai.
      // A little look-ahead so the boundary at the limit is judged with its real context.
      for (const s of wordSegmenter.segment(text.slice(0, limit + 32))) out.push(s.index);
      if (text.length <= limit) out.push(text.length);
      break;
    case 'grapheme':
      // Never inside a surrogate pair or a combined emoji.
      for (const s of graphemeSegmenter.segment(text.slice(0, limit + 8))) out.push(s.index);
      break;
  }
  return out.filter((i) => i > 0 && i <= limit);
}

function lastAllowed(text: string, kind: BoundaryKind, limit: number, spans: Span[]): number {
  const all = candidates(text, kind, limit);
  for (let k = all.length - 1; k >= 0; k--) {
    const i = all[k]!;
    if (!insideSpan(spans, i)) return i;
  }
  return -1;
}

/**
 * The best index <= limit at which to cut `text`, trying each kind of boundary in order and
 * accepting one only if it keeps at least `minFill` of the limit (so a paragraph break near the
 * start does not waste the message). Falls back to the largest cut found; -1 if none at all.
 */
export function findCut(text: string, limit: number, kinds: BoundaryKind[], minFill = 0.5): number {
  if (text.length <= limit) return text.length;
  const spans = protectedSpans(text);
  let best = -1;
  for (const kind of kinds) {
    const i = lastAllowed(text, kind, limit, spans);
    if (i >= limit * minFill) return i;
    // Only whole-word fallbacks are kept for later; a grapheme cut is the last resort.
    if (i > best && kind !== 'grapheme') best = i;
  }
  if (best > 0) return best;
  // Nothing but a split word (or a protected span longer than the limit) remains.
  const hard = lastAllowed(text, 'grapheme', limit, []);
  return hard > 0 ? hard : Math.min(limit, text.length);
}

/** The opening line (``` plus language) of a code block left open at the end of `text`, or null. */
export function openFence(text: string): string | null {
  let open: string | null = null;
  for (const m of text.matchAll(/^[ \t]*(`{3,})([\w+-]*)[ \t]*$/gm)) {
    if (open === null) open = m[1]! + (m[2] ?? '');
    else if (m[1]!.length >= open.replace(/[^`]/g, '').length && !m[2]) open = null;
  }
  return open;
}
