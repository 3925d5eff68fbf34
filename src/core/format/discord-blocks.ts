import { renderInline } from './discord-inline.js';
import type { MentionContext } from './discord-special.js';

// Line patterns on escaped text (">" arrives as "&gt;").
const FENCE_OPEN = /^\s*```([\w+-]*)\s*$/;
const QUOTE_ALL = /^&gt;&gt;&gt; /;
const QUOTE_LINE = /^&gt;(?: |$)/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}\.) +(\S.*)$/;
const HEADING = /^(#{1,3}) +(\S.*)$/;
const SUBTEXT = /^-# +(\S.*)$/;

const isBlockStart = (line: string) => FENCE_OPEN.test(line) || QUOTE_ALL.test(line) || QUOTE_LINE.test(line) || LIST_ITEM.test(line) || HEADING.test(line);

const inline = (text: string, ctx: MentionContext) => renderInline(text, ctx).replace(/\n/g, '<br>\n');

function renderList(items: Array<{ indent: number; marker: string; text: string }>, ctx: MentionContext): string {
  // Items indented deeper than the first belong to a nested list under the previous item.
  const base = items[0]!.indent;
  const ordered = /\d/.test(items[0]!.marker);
  const start = ordered ? parseInt(items[0]!.marker, 10) : 1;
  let html = ordered ? (start !== 1 ? `<ol start="${start}">` : '<ol>') : '<ul>';
  for (let k = 0; k < items.length;) {
    const item = items[k]!;
    let end = k + 1;
    while (end < items.length && items[end]!.indent > base) end++;
    const nested = items.slice(k + 1, end);
    html += `<li>${inline(item.text, ctx)}${nested.length ? renderList(nested, ctx) : ''}</li>`;
    k = end;
  }
  return html + (ordered ? '</ol>' : '</ul>');
}

/** Renders escaped Discord markdown lines as blocks: code, quotes, lists, headings, paragraphs. */
export function renderBlocks(lines: string[], ctx: MentionContext, inQuote = false): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      const close = lines.findIndex((l, k) => k > i && l.trim() === '```');
      if (close !== -1) {
        const code = lines.slice(i + 1, close).join('\n');
        const lang = fence[1] ? ` class="language-${fence[1]}"` : ''; // [\w+-] only: safe as is
        out.push(`<pre><code${lang}>${code}</code></pre>`);
        i = close + 1;
        continue;
      }
    }
    if (!inQuote && QUOTE_ALL.test(line)) {
      // ">>> " quotes everything to the end of the message.
      const inner = [line.replace(QUOTE_ALL, ''), ...lines.slice(i + 1)];
      out.push(`<blockquote>${renderBlocks(inner, ctx, true)}</blockquote>`);
      break;
    }
    if (!inQuote && QUOTE_LINE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE_LINE.test(lines[i]!)) inner.push(lines[i++]!.replace(QUOTE_LINE, ''));
      out.push(`<blockquote>${renderBlocks(inner, ctx, true)}</blockquote>`);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const items: Array<{ indent: number; marker: string; text: string }> = [];
      let m: RegExpExecArray | null;
      while (i < lines.length && (m = LIST_ITEM.exec(lines[i]!))) {
        const item = { indent: m[1]!.replace(/\t/g, '    ').length, marker: m[2]!, text: m[3]! };
        const first = items[0];
        // "- a" then "1. b" at the same depth are two lists, as Discord shows them.
        if (first && item.indent <= first.indent && /\d/.test(item.marker) !== /\d/.test(first.marker)) break;
        items.push(item);
        i++;
      }
      out.push(renderList(items, ctx));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      // Comment HTML has no headings worth having; a bold paragraph keeps the emphasis.
      out.push(`<p><strong>${inline(heading[2]!, ctx)}</strong></p>`);
      i++;
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && (para.length === 0 || !isBlockStart(lines[i]!))) {
      para.push(lines[i]!.replace(SUBTEXT, '$1'));
      i++;
    }
    out.push(`<p>${inline(para.join('\n'), ctx)}</p>`);
  }
  return out.join('\n');
}
