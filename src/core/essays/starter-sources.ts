import { htmlToPlainText, imageUrls } from '../format/index.js';
import type { Essay } from '../types.js';

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');
// What WordPress (or a theme) appends to an excerpt it cut: " […]", "…", "Continue reading".
const CUT_MARKS = /(?:\s*(?:\[\s*…\s*\]|…|\.\.\.)|\s*(?:continue reading|read more)\b.*)+$/i;

/**
 * The HTML the starter's excerpt is taken from. WordPress builds an automatic excerpt by stripping every tag
 * from the content and cutting it after 55 words, which glues list items into one run-on line
 * ("Bread queuesThe 1956 amnesty"). So the excerpt is used only when it says something of its own (written by
 * the student); when it is just the start of the content, the content itself is excerpted, lists intact.
 */
export function excerptSourceHtml(essay: Pick<Essay, 'excerptHtml' | 'contentHtml'>): string {
  const excerpt = essay.excerptHtml?.trim() ? essay.excerptHtml : null;
  if (!excerpt) return essay.contentHtml;
  const excerptText = withoutSpaces(htmlToPlainText(excerpt).replace(CUT_MARKS, ''));
  const contentText = withoutSpaces(htmlToPlainText(essay.contentHtml));
  return excerptText === '' || contentText.startsWith(excerptText) ? essay.contentHtml : excerpt;
}

/** The first http(s) image in the HTML, for an essay made only of pictures (its excerpt has no text). */
export function firstImageUrl(html: string): string | null {
  return imageUrls(html)[0] ?? null;
}
