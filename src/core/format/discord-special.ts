import { escapeHtml, safeHref } from './escape-html.js';
import { formatDateInZone, type TimestampStyle } from './format-date.js';

/** What the renderer needs to know about the server to show mentions as names. */
export interface MentionContext {
  resolveUser(id: string): string | null;
  resolveChannel(id: string): string | null;
  resolveRole(id: string): string | null;
  /** Course time zone for <t:...> timestamps (default UTC). */
  timeZone?: string;
  locale?: string;
}

type Special = { html: string; end: number } | null;

// All patterns run on *escaped* text, hence &lt; &gt; and the &amp; in role mentions.
const PATTERNS: Array<[RegExp, (m: RegExpExecArray, ctx: MentionContext) => string | null]> = [
  [/&lt;@!?(\d{1,25})&gt;/y, (m, ctx) => '@' + escapeHtml(ctx.resolveUser(m[1]!) ?? 'unknown-user')],
  [/&lt;@&amp;(\d{1,25})&gt;/y, (m, ctx) => '@' + escapeHtml(ctx.resolveRole(m[1]!) ?? 'unknown-role')],
  [/&lt;#(\d{1,25})&gt;/y, (m, ctx) => '#' + escapeHtml(ctx.resolveChannel(m[1]!) ?? 'unknown-channel')],
  [/&lt;a?:(\w{1,32}):\d{1,25}&gt;/y, (m) => `:${m[1]}:`],
  [/&lt;\/([\w\- ]{1,100}):\d{1,25}&gt;/y, (m) => `/${m[1]}`],
  [/&lt;t:(-?\d{1,13})(?::([tTdDfFR]))?&gt;/y, (m, ctx) => timestamp(m, ctx)],
  [/&lt;(https?:\/\/(?:(?!&gt;|&lt;)\S)+)&gt;/y, (m) => link(m[1]!)],
];

function timestamp(m: RegExpExecArray, ctx: MentionContext): string | null {
  const date = new Date(Number(m[1]) * 1000);
  if (Number.isNaN(date.getTime())) return null;
  const style = (m[2] ?? 'f') as TimestampStyle;
  try {
    return escapeHtml(formatDateInZone(date, ctx.timeZone ?? 'UTC', style, ctx.locale ?? 'en-US'));
  } catch {
    return null; // unknown time zone or a date Intl cannot show: leave the text as typed
  }
}

export function link(escapedUrl: string, escapedText?: string): string | null {
  const href = safeHref(escapedUrl);
  return href ? `<a href="${href}" rel="nofollow ugc">${escapedText ?? escapedUrl}</a>` : null;
}

/** Mentions, custom emoji, timestamps and <links> starting at `i` (which points at "&lt;"). */
export function matchSpecial(s: string, i: number, ctx: MentionContext): Special {
  for (const [pattern, render] of PATTERNS) {
    pattern.lastIndex = i;
    const m = pattern.exec(s);
    if (!m) continue;
    const html = render(m, ctx);
    if (html !== null) return { html, end: i + m[0].length };
  }
  return null;
}

/** A bare http(s) URL at `i`, minus trailing punctuation that belongs to the sentence. */
export function matchBareUrl(s: string, i: number): Special {
  const m = /https?:\/\/[^\s]+/y;
  m.lastIndex = i;
  const found = m.exec(s);
  if (!found) return null;
  let url = found[0].split(/&lt;|&gt;|&quot;/)[0]!;
  for (;;) {
    const trimmed = url.replace(/(?:[.,:;!?’”]|&#39;)$/, '');
    const unbalanced = trimmed.endsWith(')') && (trimmed.match(/\(/g) ?? []).length < (trimmed.match(/\)/g) ?? []).length;
    const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (next === url) break;
    url = next;
  }
  const html = link(url);
  return html ? { html, end: i + url.length } : null;
}
