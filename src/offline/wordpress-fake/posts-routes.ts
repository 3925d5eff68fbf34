import { createHash } from 'node:crypto';
import { parseLocal } from '../../blog/wordpress/local-time.js';
import { postJson } from './format.js';
import { authCode, dateParam, embedSet, int, paginate, str, WpFail, type FakeRequest, type FakeResponse } from './http-util.js';
import { canEditPost, canReadPost, type FakeState } from './state.js';
import { can, type FakePost, type PostStatus } from './types.js';

const STATUSES: PostStatus[] = ['publish', 'future', 'draft', 'pending', 'private', 'trash'];

function findPost(state: FakeState, id: string): FakePost {
  const post = state.posts.find((p) => String(p.id) === id);
  if (!post) throw new WpFail(404, 'rest_post_invalid_id', 'Invalid post ID.');
  return post;
}

function compare(orderby: string, a: FakePost, b: FakePost): number {
  if (orderby === 'modified') return a.modifiedGmt.getTime() - b.modifiedGmt.getTime() || a.id - b.id;
  if (orderby === 'id') return a.id - b.id;
  if (orderby === 'title') return a.title.localeCompare(b.title);
  return a.dateGmt.getTime() - b.dateGmt.getTime() || a.id - b.id;
}

/**
 * WP-Cron publishes a scheduled post once its date has passed, on the next request (wp_publish_post
 * changes only the status: `modified` keeps the time of the last edit).
 */
function publishDuePosts(state: FakeState): void {
  const now = state.now();
  for (const p of state.posts) if (p.status === 'future' && p.dateGmt <= now) p.status = 'publish';
}

/**
 * GET posts. Real WordPress sends no ETag / Last-Modified on REST lists; the fake adds them the
 * way a caching proxy in front of a blog does, so the adapter's conditional requests are tested.
 */
export function listPosts(state: FakeState, req: FakeRequest): FakeResponse {
  publishDuePosts(state);
  const q = req.query;
  const statuses = (q.get('status') ?? 'publish')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of statuses) {
    if (!STATUSES.includes(s as PostStatus) && s !== 'any') throw new WpFail(400, 'rest_invalid_param', 'Invalid parameter(s): status');
    if (s !== 'publish' && !can(req.user, 'edit_posts')) {
      throw new WpFail(400, 'rest_invalid_param', 'Invalid parameter(s): status', {
        params: { status: 'Status is forbidden.' },
        details: { status: { code: 'rest_forbidden_status', message: 'Status is forbidden.', data: { status: authCode(req.user) } } },
      });
    }
  }
  const wanted = new Set(statuses.includes('any') ? STATUSES.filter((s) => s !== 'trash') : statuses);
  const after = dateParam(q, 'after', state.zone);
  const before = dateParam(q, 'before', state.zone);
  const modifiedAfter = dateParam(q, 'modified_after', state.zone);
  const author = q.get('author');
  let items = state.posts.filter(
    (p) =>
      wanted.has(p.status) &&
      canReadPost(req.user, p) &&
      (!after || p.dateGmt > after) && // exclusive, as WordPress's date_query 'after'
      (!before || p.dateGmt < before) &&
      (!modifiedAfter || p.modifiedGmt > modifiedAfter) &&
      (!author || author.split(',').includes(String(p.authorId))),
  );
  const orderby = q.get('orderby') ?? 'date';
  items = items.sort((a, b) => compare(orderby, a, b));
  if ((q.get('order') ?? 'desc') === 'desc') items.reverse();
  const { page, headers } = paginate(req, items, 'rest_post_invalid_page_number');
  const body = page.map((p) => postJson(state, req.siteUrl, p, embedSet(q)));

  const etag = `"${createHash('sha1')
    .update(JSON.stringify([headers, body]))
    .digest('hex')
    .slice(0, 20)}"`;
  headers.ETag = etag;
  const newest = Math.max(0, ...items.map((p) => p.modifiedGmt.getTime()));
  if (newest > 0) headers['Last-Modified'] = new Date(newest).toUTCString();
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  if (inm !== undefined ? inm === etag : typeof ims === 'string' && newest > 0 && newest <= Date.parse(ims)) {
    return { status: 304, headers };
  }
  return { status: 200, headers, body };
}

export function getPost(state: FakeState, req: FakeRequest, id: string): FakeResponse {
  publishDuePosts(state);
  const post = findPost(state, id);
  if (!canReadPost(req.user, post)) throw new WpFail(authCode(req.user), 'rest_forbidden', 'Sorry, you are not allowed to do that.');
  return { status: 200, body: postJson(state, req.siteUrl, post, embedSet(req.query)) };
}

function applyFields(state: FakeState, req: FakeRequest, post: FakePost, isNew: boolean): void {
  const b = req.body;
  const now = state.now();
  if (str(b.title) !== undefined) post.title = str(b.title)!;
  if (str(b.content) !== undefined) post.content = str(b.content)!;
  if (str(b.excerpt) !== undefined) post.excerpt = str(b.excerpt)!;
  if (int(b.featured_media) !== undefined) post.featuredMediaId = int(b.featured_media)!;
  if (Array.isArray(b.categories)) post.categoryIds = b.categories.map(Number);
  if (Array.isArray(b.tags)) post.tagIds = b.tags.map(Number);
  if (int(b.author) !== undefined && int(b.author) !== post.authorId) {
    if (!can(req.user, 'edit_others_posts')) throw new WpFail(403, 'rest_cannot_edit_others', 'Sorry, you are not allowed to update posts as this user.');
    post.authorId = int(b.author)!;
  }
  const dateGmt = str(b.date_gmt);
  const dateLocal = str(b.date);
  const datedExplicitly = !!(dateGmt || dateLocal);
  if (dateGmt) post.dateGmt = new Date(/Z$/i.test(dateGmt) ? dateGmt : `${dateGmt}Z`);
  else if (dateLocal) post.dateGmt = parseLocal(dateLocal, state.zone);
  const status = str(b.status) as PostStatus | undefined;
  if (status !== undefined) {
    if (!STATUSES.includes(status)) throw new WpFail(400, 'rest_invalid_param', 'Invalid parameter(s): status');
    if (status === 'publish' && !can(req.user, 'publish_posts'))
      throw new WpFail(403, 'rest_cannot_publish', 'Sorry, you are not allowed to publish posts in this post type.');
    // A draft published without an explicit date takes the moment of publishing.
    if (status === 'publish' && !datedExplicitly && (isNew || post.status === 'draft' || post.status === 'pending')) post.dateGmt = now;
    post.status = status === 'publish' && post.dateGmt > now ? 'future' : status;
  }
  post.modifiedGmt = now;
  post.slug ||=
    post.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || String(post.id);
}

export function createPost(state: FakeState, req: FakeRequest): FakeResponse {
  if (!can(req.user, 'edit_posts')) throw new WpFail(authCode(req.user), 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.');
  const now = state.now();
  const post: FakePost = {
    id: state.nextId.post++,
    authorId: req.user!.id,
    title: '',
    content: '',
    excerpt: '',
    status: 'draft',
    statusBeforeTrash: null,
    slug: '',
    dateGmt: now,
    modifiedGmt: now,
    featuredMediaId: 0,
    categoryIds: [1],
    tagIds: [],
  };
  applyFields(state, req, post, true);
  state.posts.push(post);
  return { status: 201, body: postJson(state, req.siteUrl, post, null) };
}

export function updatePost(state: FakeState, req: FakeRequest, id: string): FakeResponse {
  const post = findPost(state, id);
  if (!canEditPost(req.user, post)) throw new WpFail(authCode(req.user), 'rest_cannot_edit', 'Sorry, you are not allowed to edit this post.');
  applyFields(state, req, post, false);
  return { status: 200, body: postJson(state, req.siteUrl, post, null) };
}

/** DELETE: to the trash (its comments become 'post-trashed'), or gone for good with force=true. */
export function deletePost(state: FakeState, req: FakeRequest, id: string): FakeResponse {
  const post = findPost(state, id);
  if (!canEditPost(req.user, post)) throw new WpFail(authCode(req.user), 'rest_cannot_delete', 'Sorry, you are not allowed to delete this post.');
  const before = postJson(state, req.siteUrl, post, null);
  if (req.query.get('force') === 'true' || req.query.get('force') === '1') {
    state.posts = state.posts.filter((p) => p !== post);
    state.comments = state.comments.filter((c) => c.postId !== post.id);
    return { status: 200, body: { deleted: true, previous: before } };
  }
  if (post.status === 'trash') throw new WpFail(410, 'rest_already_trashed', 'The post has already been deleted.');
  post.statusBeforeTrash = post.status;
  post.status = 'trash';
  post.modifiedGmt = state.now();
  for (const c of state.comments) if (c.postId === post.id && (c.status === 'approved' || c.status === 'hold')) c.status = 'post-trashed';
  return { status: 200, body: postJson(state, req.siteUrl, post, null) };
}
