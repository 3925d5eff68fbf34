import { renderBlocks } from './discord-blocks.js';
import type { MentionContext } from './discord-special.js';
import { escapeHtml } from './escape-html.js';

export type { MentionContext } from './discord-special.js';

/**
 * Discord message text -> HTML for a WordPress comment. The whole input is HTML-escaped FIRST
 * (the bot's WordPress role may be allowed unfiltered HTML, so no student text may ever reach the
 * page as markup); the renderer then only adds tags from a fixed list — p, br, strong, em, u, del,
 * code, pre, blockquote, ul, ol, li, and a (http/https only, rel="nofollow ugc").
 */
export function discordMarkdownToSafeHtml(markdown: string, ctx: MentionContext): string {
  const escaped = escapeHtml(markdown.replace(/\r\n?/g, '\n').replace(/\u0000/g, ''));
  if (!escaped.trim()) return '';
  return renderBlocks(escaped.split('\n'), ctx);
}
