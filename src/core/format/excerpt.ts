import { cutAtWordBoundary } from './cut-at-word-boundary.js';
import { htmlToDiscordMarkdown } from './html-to-discord.js';
import { markdownBlocks } from './markdown-blocks.js';

const isHeading = (block: string) => /^#{1,3} |^\*\*[^\n]*\*\*$/.test(block);

/**
 * Fits Discord markdown into `maxChars`: whole paragraphs while they fit, then — if a useful amount
 * of room is left — the next paragraph cut at a word boundary with an ellipsis. A heading is never
 * left dangling at the end.
 */
export function excerptFromMarkdown(markdown: string, maxChars: number): string {
  if (markdown.length <= maxChars) return markdown;
  const blocks = markdownBlocks(markdown);
  const kept: string[] = [];
  let used = 0;
  for (const block of blocks) {
    const sep = kept.length ? 2 : 0;
    if (used + sep + block.length <= maxChars) {
      kept.push(block);
      used += sep + block.length;
      continue;
    }
    const room = maxChars - used - sep;
    // Half a paragraph reads better than a short excerpt, but not when only a sliver would fit.
    if (kept.length === 0 || (room >= 80 && room >= maxChars * 0.4)) {
      const partial = cutAtWordBoundary(block, room);
      if (partial.length > 1) kept.push(partial);
    }
    break;
  }
  while (kept.length > 1 && isHeading(kept[kept.length - 1]!)) kept.pop();
  const result = kept.join('\n\n');
  return result.length <= maxChars ? result : cutAtWordBoundary(result, maxChars);
}

/** A Discord-ready excerpt of blog HTML, at most `maxChars` long. */
export function excerptFromHtml(html: string, maxChars: number): string {
  return excerptFromMarkdown(htmlToDiscordMarkdown(html), maxChars);
}
