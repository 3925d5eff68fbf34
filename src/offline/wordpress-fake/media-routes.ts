// wp/v2/media as WordPress answers it, for the bot's uploads of Discord attachments: the file as the raw
// request body named by Content-Disposition (or a multipart "file" field, parsed by the server before
// routing), `upload_files` required, a unique slug (taken from ?slug= or the file name) and a unique file
// name, and the file served back at its source_url under /wp-content/uploads/.
import { WpFail, authCode, type FakeRequest, type FakeResponse } from './http-util.js';
import type { FakeState } from './state.js';
import { can, type FakeMedia } from './types.js';

const UPLOADS = '/wp-content/uploads/';

/** sanitize_title, closely enough: lower case, runs of anything else become one hyphen. */
const sanitize = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The file name of `Content-Disposition: attachment; filename="x.png"` (or filename*=UTF-8''x.png). */
export function dispositionFilename(header: string | undefined): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) return decodeURIComponent(star[1]!.trim());
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  return (plain?.[1] ?? plain?.[2] ?? '').trim() || null;
}

function unique(taken: (candidate: string) => boolean, base: string, join: (base: string, n: number) => string): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) if (!taken(join(base, n))) return join(base, n);
}

function view(state: FakeState, m: FakeMedia, siteUrl: string) {
  const slug = m.slug ?? `media-${m.id}`;
  return {
    id: m.id,
    slug,
    status: 'inherit',
    type: 'attachment',
    link: `${siteUrl}/?attachment_id=${m.id}`,
    author: m.authorId ?? 0,
    title: { rendered: slug },
    media_type: (m.mimeType ?? 'image/jpeg').startsWith('image/') ? 'image' : 'file',
    mime_type: m.mimeType ?? 'image/jpeg',
    source_url: m.sourceUrl,
    media_details: { filesize: m.data?.length ?? 0 },
  };
}

export function uploadMedia(state: FakeState, req: FakeRequest): FakeResponse {
  if (!can(req.user, 'upload_files')) throw new WpFail(authCode(req.user), 'rest_cannot_create', 'Sorry, you are not allowed to upload media on this site.');
  const data = req.raw ?? Buffer.alloc(0);
  if (data.length === 0) throw new WpFail(400, 'rest_upload_no_data', 'No data supplied.');
  const header = req.headers['content-disposition'];
  const filename = dispositionFilename(Array.isArray(header) ? header[0] : header);
  if (!filename) throw new WpFail(400, 'rest_upload_no_content_disposition', 'No Content-Disposition supplied.');
  const dot = filename.lastIndexOf('.');
  const stem = sanitize(dot > 0 ? filename.slice(0, dot) : filename) || 'file';
  const ext = dot > 0 ? sanitize(filename.slice(dot + 1)) : '';
  const month = new Date().toISOString().slice(0, 7).replace('-', '/');
  const fileUrl = (name: string) => `${req.siteUrl}${UPLOADS}${month}/${name}`;
  const file = unique(
    (f) => state.media.some((m) => m.sourceUrl === fileUrl(f)),
    ext ? `${stem}.${ext}` : stem,
    (b, n) => (ext ? b.replace(new RegExp(`\\.${ext}$`), `-${n - 1}.${ext}`) : `${b}-${n - 1}`),
  );
  const wanted = sanitize(req.query.get('slug') ?? '') || stem;
  const slug = unique(
    (s) => state.media.some((m) => m.slug === s),
    wanted,
    (b, n) => `${b}-${n}`,
  );
  const contentType = String(req.headers['content-type'] ?? 'application/octet-stream')
    .split(';')[0]!
    .trim();
  const media: FakeMedia = { id: state.nextId.media++, sourceUrl: fileUrl(file), slug, mimeType: contentType, data, authorId: req.user!.id };
  state.media.push(media);
  return { status: 201, headers: { Location: `${req.siteUrl}/wp-json/wp/v2/media/${media.id}` }, body: view(state, media, req.siteUrl) };
}

/** GET /wp/v2/media (?slug= filters, as for posts) and /wp/v2/media/{id}. */
export function listMedia(state: FakeState, req: FakeRequest): FakeResponse {
  const slugs = (req.query.get('slug') ?? '').split(',').filter(Boolean);
  const items = state.media.filter((m) => !slugs.length || (m.slug !== undefined && slugs.includes(m.slug)));
  return { status: 200, headers: { 'X-WP-Total': String(items.length), 'X-WP-TotalPages': '1' }, body: items.map((m) => view(state, m, req.siteUrl)) };
}

export function getMedia(state: FakeState, req: FakeRequest, id: string): FakeResponse {
  const media = state.media.find((m) => String(m.id) === id);
  if (!media) throw new WpFail(404, 'rest_post_invalid_id', 'Invalid post ID.');
  return { status: 200, body: view(state, media, req.siteUrl) };
}

/**
 * DELETE /wp/v2/media/{id}: attachments have no trash, so WordPress refuses without force=true (501), and
 * deletes the item and its file with it; the file's URL then answers 404 like any missing file.
 */
export function deleteMedia(state: FakeState, req: FakeRequest, id: string): FakeResponse {
  const media = state.media.find((m) => String(m.id) === id);
  if (!media) throw new WpFail(404, 'rest_post_invalid_id', 'Invalid post ID.');
  // WordPress asks delete_posts for one's own upload and delete_others_posts otherwise; the fake's roles hold
  // those exactly where they hold the edit_ capabilities, so it asks those.
  const own = media.authorId === req.user?.id && can(req.user, 'edit_posts');
  if (!own && !can(req.user, 'edit_others_posts'))
    throw new WpFail(authCode(req.user), 'rest_cannot_delete', 'Sorry, you are not allowed to delete this post.');
  const force = req.query.get('force');
  if (force !== 'true' && force !== '1') throw new WpFail(501, 'rest_trash_not_supported', "The post does not support trashing. Set 'force=true' to delete.");
  const previous = view(state, media, req.siteUrl);
  state.media.splice(state.media.indexOf(media), 1);
  return { status: 200, body: { deleted: true, previous } };
}

/** The stored bytes of an uploaded file, as the web server would send them; null when there is none. */
export function uploadedFile(state: FakeState, url: URL): { contentType: string; data: Buffer } | null {
  if (!url.pathname.startsWith(UPLOADS)) return null;
  const media = state.media.find((m) => m.data && new URL(m.sourceUrl).pathname === url.pathname);
  return media ? { contentType: media.mimeType ?? 'application/octet-stream', data: media.data! } : null;
}

export const isMediaUpload = (method: string, pathname: string) => method === 'POST' && /\/wp\/v2\/(?:sites\/[^/]+\/)?media\/?$/.test(pathname);

/**
 * The bytes and headers of an upload request. A multipart body (a browser form, field "file") is turned into
 * the raw form the route reads: the file's bytes, its name as Content-Disposition and its type.
 */
export async function readUpload(body: Buffer, headers: FakeRequest['headers']): Promise<{ raw: Buffer; headers: FakeRequest['headers'] }> {
  const type = String(headers['content-type'] ?? '');
  if (!type.startsWith('multipart/form-data')) return { raw: body, headers };
  const form = await new Response(body, { headers: { 'content-type': type } }).formData();
  const file = form.get('file');
  if (!file || typeof file === 'string') return { raw: Buffer.alloc(0), headers };
  return {
    raw: Buffer.from(await file.arrayBuffer()),
    headers: { ...headers, 'content-type': file.type, 'content-disposition': `attachment; filename="${file.name}"` },
  };
}
