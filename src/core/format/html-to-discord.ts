import TurndownService from 'turndown';
import { escapeDiscordText, markdownLinkTarget, neutraliseMentions } from './discord-escape.js';
import { isDeceptiveLinkText } from './deceptive-link-text.js';
import { asDom, hasClass, type DomNode } from './dom-node.js';
import { cleanWordPressHtml, isReadMoreText } from './wordpress-cleanup.js';
import { tidyMarkdown } from './tidy-markdown.js';

// Elements whose text must never reach Discord (scripts, forms, media players, the document head).
const DROPPED = [
  'script',
  'style',
  'noscript',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'canvas',
  'video',
  'audio',
  'template',
  'head',
  'title',
  'img',
  'picture',
  'source',
] as const;

/** http(s) links only; Discord cannot open anything else and relative links have no base here. */
function linkTarget(href: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return markdownLinkTarget(url.href);
  } catch {
    return null;
  }
}

function createService(): TurndownService {
  const td = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*', // Discord's "_" italics only work at word edges
    strongDelimiter: '**',
    br: '', // Discord shows a newline as a line break; no trailing spaces needed
  });
  td.escape = escapeDiscordText;

  // Trimmed so a dropped leading image or shortcode leaves no stray indent.
  td.addRule('paragraph', { filter: 'p', replacement: (c) => `\n\n${c.trim()}\n\n` });

  td.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const text = content.replace(/\s*\n\s*/g, ' ').trim();
      if (!text) return '';
      const level = Number(asDom(node).nodeName.charAt(1));
      // Discord renders # ## ### only; deeper levels read best as a bold line.
      return level <= 3 ? `\n\n${'#'.repeat(level)} ${text}\n\n` : `\n\n**${text}**\n\n`;
    },
  });

  td.addRule('link', {
    filter: (node) => asDom(node).nodeName === 'A',
    replacement: (content, node) => {
      const text = content.replace(/\s*\n\s*/g, ' ').trim();
      const target = linkTarget(asDom(node).getAttribute('href'));
      if (!text) return '';
      if (!target) return content;
      const plain = (asDom(node).textContent ?? '').trim();
      // A link whose text is its own address reads best as a bare (preview-free) link.
      if (plain === target || linkTarget(plain) === target) return `<${target}>`;
      // Text that names another address would hide where the link goes: show the real target instead.
      if (isDeceptiveLinkText(plain, target)) return `<${target}>`;
      // Angle brackets keep Discord from attaching a preview card for every link in an essay.
      return `[${text}](<${target}>)`;
    },
  });

  td.addRule('blockquote', {
    filter: 'blockquote',
    replacement: (content) => {
      // Discord has no nested quotes; blank lines would end the quote, so they are dropped.
      const lines = content
        .split('\n')
        .map((l) => l.replace(/^(> ?)+/, '').trimEnd())
        .filter((l) => l.trim() !== '');
      return lines.length ? `\n\n${lines.map((l) => `> ${l}`).join('\n')}\n\n` : '';
    },
  });

  td.addRule('list-item', {
    filter: 'li',
    replacement: (content, node) => {
      const n = asDom(node);
      let prefix = '- ';
      const parent = n.parentNode;
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1') || 1;
        const index = Array.prototype.indexOf.call(parent.children ?? [], n);
        prefix = `${start + index}. `;
      }
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '')
        .replace(/\n/g, '\n' + ' '.repeat(prefix.length));
      return prefix + body + (n.nextSibling ? '\n' : '');
    },
  });

  td.addRule('pre', {
    filter: 'pre',
    replacement: (_content, node) => {
      const n = asDom(node);
      const code = (n.textContent ?? '').replace(/\n$/, '');
      const cls = n.firstChild?.nodeName === 'CODE' ? (n.firstChild.getAttribute('class') ?? '') : '';
      const lang = /language-([\w+-]+)/.exec(cls)?.[1] ?? '';
      // A fence longer than any backtick run inside keeps the block closed where the author meant.
      const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      return `\n\n${fence}${lang}\n${code}\n${fence}\n\n`;
    },
  });

  td.addRule('strike', { filter: ['del', 's', 'strike'], replacement: (c) => (c.trim() ? `~~${c}~~` : '') });
  td.addRule('underline', { filter: ['u', 'ins'], replacement: (c) => (c.trim() ? `__${c}__` : '') });
  td.addRule('hr', { filter: 'hr', replacement: () => '\n\n' });
  td.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (c) => (c.trim() ? `\n\n*${c.trim()}*\n\n` : ''),
  });
  // Discord has no tables: one line per row, cells separated by a middle dot.
  td.addRule('table-cell', {
    filter: ['td', 'th'],
    replacement: (c, node) => c.trim() + ((node as unknown as DomNode).nextSibling ? ' · ' : ''),
  });
  td.addRule('table-row', { filter: 'tr', replacement: (c) => `\n${c}\n` });
  // Hidden text (screen-reader labels) and theme "Continue reading" links.
  td.addRule('wp-noise', {
    filter: (node) => {
      const n = asDom(node);
      if (hasClass(n, 'screen-reader-text', 'more-link', 'link-more', 'sharedaddy', 'jp-relatedposts')) return true;
      return n.nodeName === 'A' && isReadMoreText(n.textContent ?? '');
    },
    replacement: () => '',
  });

  // Added last on purpose: turndown tries the most recently added rule first.
  td.addRule('dropped', {
    filter: (node) => (DROPPED as readonly string[]).includes(asDom(node).nodeName.toLowerCase()),
    replacement: () => '',
  });
  return td;
}

const service = createService();

/**
 * Converts blog HTML (a post body, excerpt or comment) into Discord markdown that reads like the
 * original: typography (curly quotes, dashes, accents) untouched, formatting mapped to what Discord
 * renders, WordPress noise removed, stray markdown characters escaped and mentions defused.
 */
export function htmlToDiscordMarkdown(html: string): string {
  if (!html.trim()) return '';
  const markdown = service.turndown(cleanWordPressHtml(html));
  return neutraliseMentions(tidyMarkdown(markdown));
}
