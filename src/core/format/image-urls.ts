import { unescapeHtml } from './escape-html.js';

const IMG_TAG = /<img\b[^>]*>/gi;
const SRC = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** The http(s) addresses of the images in blog HTML, in order (data: and relative URLs cannot be shown). */
export function imageUrls(html: string): string[] {
  return (html.match(IMG_TAG) ?? []).flatMap((tag) => {
    const src = SRC.exec(tag);
    const url = unescapeHtml((src?.[1] ?? src?.[2] ?? src?.[3] ?? '').trim());
    return /^https?:\/\/\S+$/i.test(url) ? [url] : [];
  });
}
