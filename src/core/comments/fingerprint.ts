import { createHash } from 'node:crypto';

/**
 * A fingerprint of what a comment says, robust to the HTML WordPress adds (paragraphs, entities,
 * smart quotes from wptexturize) so the same text matches on both sides without keeping a copy of it.
 */
export function textFingerprint(htmlOrText: string): string {
  const text = htmlOrText
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#8217;|&#8216;|&rsquo;|&lsquo;|[‘’]/g, "'")
    .replace(/&#8220;|&#8221;|&ldquo;|&rdquo;|[“”]/g, '"')
    .replace(/&#8211;|&#8212;|&ndash;|&mdash;|[–—]/g, '-')
    .replace(/&#8230;|&hellip;|…/g, '...')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#0?34;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
