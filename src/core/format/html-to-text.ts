import TurndownService from 'turndown';
import { asDom } from './dom-node.js';
import { cleanWordPressHtml } from './wordpress-cleanup.js';

const SILENT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'IFRAME', 'TEMPLATE', 'HEAD', 'SVG', 'IMG', 'FORM']);

// Same parser as the markdown conversion (turndown), but every element reduces to its text:
// entities decoded, block elements separated by blank lines, nothing escaped.
function createService(): TurndownService {
  const td = new TurndownService({ br: '' });
  td.escape = (s: string) => s;
  td.addRule('plain', {
    filter: () => true,
    replacement: (content, node) => {
      const n = asDom(node);
      if (SILENT.has(n.nodeName)) return '';
      if (n.nodeName === 'BR') return '\n';
      if (n.nodeName === 'LI') return `\n${content.trim()}\n`;
      return n.isBlock ? `\n\n${content}\n\n` : content;
    },
  });
  return td;
}

const service = createService();

/** Visible text of an HTML fragment (entities decoded, &nbsp; as a space, paragraphs kept apart). */
export function htmlToPlainText(html: string): string {
  if (!html.trim()) return '';
  return service
    .turndown(cleanWordPressHtml(html))
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
