// Spans of Discord markdown that a cut must not fall inside: masked links, <links>, bare URLs,
// inline code, mentions/timestamps, and a backslash escape with the character it escapes.
const PATTERNS: RegExp[] = [
  /\[(?:\\.|[^\]\\\n])*\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)/g,
  /<(?:https?:\/\/|@|#|a?:|t:|\/)[^>\s]*>/g,
  /https?:\/\/[^\s<>]+/g,
  // Inline code (one or two backticks, one line); fenced blocks are handled by closing the fence.
  /(?<!`)(`{1,2})(?=[^`\n])[^\n]*?[^`\n]\1(?!`)/g,
  /\\[^\s]/g,
];

export type Span = readonly [start: number, end: number];

export function protectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** True when cutting at `index` would split one of the spans. */
export function insideSpan(spans: Span[], index: number): boolean {
  return spans.some(([start, end]) => index > start && index < end);
}
