import { escapeHtml, safeHref } from './escape-html.js';

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
