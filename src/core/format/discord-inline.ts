import { isDeceptiveLinkText } from './deceptive-link-text.js';
import { unescapeHtml } from './escape-html.js';
import { link, matchBareUrl, matchSpecial, type MentionContext } from './discord-special.js';

// Discord's inline markers, longest first so "***" is not read as "**" + "*".
const DELIMITERS: Array<[string, (inner: string) => string]> = [
  ['***', (x) => `<strong><em>${x}</em></strong>`],
  ['**', (x) => `<strong>${x}</strong>`],
  ['__', (x) => `<u>${x}</u>`],
  ['~~', (x) => `<del>${x}</del>`],
  // A blog page cannot hide a spoiler; the text is shown plainly rather than lost.
  ['||', (x) => x],
  ['*', (x) => `<em>${x}</em>`],
  ['_', (x) => `<em>${x}</em>`],
];

const MAX_DEPTH = 6;
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const ENTITY_AT = /&(?:amp|lt|gt|quot|#39);/y;

/** Index of the delimiter closing the one opened at `open`, or -1. */
function findClose(s: string, d: string, open: number): number {
  const from = open + d.length;
  if (isSpace(s[from])) return -1; // "* not emphasis*"
  if (d === '_' && isWordChar(s[open - 1])) return -1; // snake_case stays as typed
  let j = s.indexOf(d, from + 1);
  while (j !== -1) {
    const single = d === '*' || d === '_';
    const doubled = single && (s[j + 1] === d || s[j - 1] === d);
    const ok = !doubled && !(single && isSpace(s[j - 1])) && !(d === '_' && isWordChar(s[j + 1]));
    if (ok) return j;
    j = s.indexOf(d, j + (doubled ? 2 : 1));
  }
  return -1;
}

function codeSpan(s: string, i: number): { html: string; end: number } | null {
  let n = 0;
  while (s[i + n] === '`') n++;
  const fence = '`'.repeat(n);
  let j = s.indexOf(fence, i + n);
  // The closing run must be exactly as long as the opening one.
  while (j !== -1 && s[j + n] === '`') j = s.indexOf(fence, j + n + 1);
  if (j === -1 || j === i + n) return null;
  let code = s.slice(i + n, j);
  if (n >= 3) code = code.replace(/^\w*\n/, ''); // ```lang on one line
  return { html: `<code>${code.trim() === '' ? code : code.replace(/^ (.*) $/s, '$1')}</code>`, end: j + n };
}

function maskedLink(s: string, i: number, ctx: MentionContext, depth: number): { html: string; end: number } | null {
  const m = /\[([^\]\n]+)\]\((?:&lt;(https?:\/\/(?:(?!&gt;)\S)+)&gt;|(https?:\/\/[^\s()]*(?:\([^\s()]*\)[^\s()]*)*))(?:\s+&quot;[^\n]*?&quot;)?\)/y;
  m.lastIndex = i;
  const found = m.exec(s);
  if (!found) return null;
  const target = found[2] ?? found[3]!;
  // Text naming another address would hide where the link goes: the blog shows the real target.
  const deceptive = isDeceptiveLinkText(unescapeHtml(found[1]!), unescapeHtml(target));
  const html = deceptive ? link(target) : link(target, renderInline(found[1]!, ctx, depth + 1, false));
  return html ? { html, end: i + found[0].length } : null;
}

/**
 * Renders Discord inline markdown. `s` is ALREADY HTML-escaped, so every character copied through
 * is safe as is, and the only markup in the result is what this function writes.
 */
export function renderInline(s: string, ctx: MentionContext, depth = 0, links = true): string {
  let out = '';
  let i = 0;
  outer: while (i < s.length) {
    const c = s[i]!;
    if (c === '\\') {
      ENTITY_AT.lastIndex = i + 1;
      const entity = ENTITY_AT.exec(s);
      const next = s[i + 1];
      if (entity) {
        out += entity[0];
        i += 1 + entity[0].length;
        continue;
      }
      // Discord drops the backslash before any punctuation and shows the character literally.
      if (next !== undefined && /[^\p{L}\p{N}\s]/u.test(next)) {
        out += next;
        i += 2;
        continue;
      }
    }
    if (c === '`') {
      const code = codeSpan(s, i);
      if (code) {
        out += code.html;
        i = code.end;
        continue;
      }
      while (s[i] === '`') out += s[i++];
      continue;
    }
    if (c === '&' && s.startsWith('&lt;', i)) {
      const special = matchSpecial(s, i, ctx);
      if (special) {
        out += special.html;
        i = special.end;
        continue;
      }
    }
    if (links && c === '[') {
      const l = maskedLink(s, i, ctx, depth);
      if (l) {
        out += l.html;
        i = l.end;
        continue;
      }
    }
    if (links && c === 'h' && !isWordChar(s[i - 1])) {
      const url = matchBareUrl(s, i);
      if (url) {
        out += url.html;
        i = url.end;
        continue;
      }
    }
    if (depth < MAX_DEPTH) {
      for (const [d, wrap] of DELIMITERS) {
        if (!s.startsWith(d, i)) continue;
        const close = findClose(s, d, i);
        if (close === -1) continue;
        out += wrap(renderInline(s.slice(i + d.length, close), ctx, depth + 1, links));
        i = close + d.length;
        continue outer;
      }
    }
    out += c;
    i++;
  }
  return out;
}
