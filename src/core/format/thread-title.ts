import { cutAtWordBoundary } from './cut-at-word-boundary.js';
import { DISCORD_LIMITS } from './discord-limits.js';
import { htmlToPlainText } from './html-to-text.js';

export const UNTITLED_ESSAY = 'Untitled essay';

/**
 * A forum post / thread name for an essay: entities decoded and tags dropped (WordPress titles
 * arrive as rendered HTML, e.g. "Stalin&#8217;s"), whitespace collapsed, 1..100 characters.
 * Thread names do not render markdown, so nothing is escaped.
 */
export function threadTitleFor(essayTitle: string): string {
  const text = htmlToPlainText(essayTitle ?? '')
    .replace(/[\u0000-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return UNTITLED_ESSAY;
  return cutAtWordBoundary(text, DISCORD_LIMITS.threadName);
}
