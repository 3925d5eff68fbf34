import { escapeHtml, safeHref, unescapeHtml } from './escape-html.js';

export interface AttachmentLink {
  filename: string;
  url: string;
}

/**
 * Appends links to a Discord message's attachments. Links, not <img>: the blog should not hotlink
 * (and Discord CDN URLs are signed and expire, so whoever needs them lasting must re-host them).
 */
export function appendAttachmentLinks(html: string, attachments: AttachmentLink[]): string {
  const links = attachments.flatMap((a) => {
    const href = safeHref(escapeHtml(a.url));
    const name = escapeHtml(a.filename.trim() || 'attachment');
    return href ? [`<a href="${href}" rel="nofollow ugc">${name}</a>`] : [];
  });
  if (!links.length) return html;
  const label = links.length === 1 ? 'Attachment' : 'Attachments';
  return `${html}${html ? '\n' : ''}<p>${label}: ${links.join(', ')}</p>`;
}

/** Which attachment a URL names, whatever its signature: a Discord CDN URL's query (ex, is, hm) changes over time. */
export function attachmentKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/**
 * Points the attachment links of a reply's HTML (see appendAttachmentLinks) at the copies uploaded to the
 * blog's media library; links without an uploaded copy stay as they are.
 */
export function relinkAttachments(html: string, uploaded: Array<{ from: string; to: string }>): string {
  if (!uploaded.length) return html;
  const copies = new Map(uploaded.map((u) => [attachmentKey(u.from), u.to]));
  return html.replace(/<a href="([^"]*)"( rel="nofollow ugc">)/g, (whole, href: string, rest: string) => {
    const copy = copies.get(attachmentKey(unescapeHtml(href)));
    const safe = copy ? safeHref(escapeHtml(copy)) : null;
    return safe ? `<a href="${safe}"${rest}` : whole;
  });
}
