const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Escapes the five characters that matter in HTML text and (quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Exact inverse of escapeHtml (and nothing more: other entities stay as they are). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => HTML_UNESCAPES[e]!);
}

/**
 * The href for a link, or null unless it is an absolute http(s) URL. Takes escaped text (the
 * renderer escapes first) and returns a value safe inside a double-quoted attribute.
 */
export function safeHref(escapedUrl: string): string | null {
  try {
    const url = new URL(unescapeHtml(escapedUrl));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return escapeHtml(url.href);
  } catch {
    return null;
  }
}
