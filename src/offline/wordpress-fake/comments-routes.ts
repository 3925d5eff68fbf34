import { commentJson, type Context } from './format.js';
import { authCode, dateParam, int, intParam, paginate, str, WpFail, type FakeRequest, type FakeResponse } from './http-util.js';
import { canEditComment, canReadComment, canReadPost, type FakeState } from './state.js';
import { can, type CommentStatus, type FakeComment } from './types.js';

export function findComment(state: FakeState, id: string): FakeComment {
  const c = state.comments.find((x) => String(x.id) === id);
  if (!c) throw new WpFail(404, 'rest_comment_invalid_id', 'Invalid comment ID.');
  return c;
}

/** The context a write answers in: WordPress shows moderators the edit view (with email). */
export const writeContext = (req: FakeRequest): Context => (can(req.user, 'moderate_comments') ? 'edit' : 'view');

function statusFilter(raw: string | null): CommentStatus | 'all' {
  const s = raw ?? 'approve';
  if (s === 'approve' || s === 'approved') return 'approved';
  if (s === 'hold' || s === 'spam' || s === 'trash' || s === 'post-trashed' || s === 'all') return s;
  return 'approved';
}

export function listComments(state: FakeState, req: FakeRequest): FakeResponse {
  const q = req.query;
  if (q.get('context') === 'edit' && !can(req.user, 'moderate_comments')) {
    throw new WpFail(authCode(req.user), 'rest_forbidden_context', 'Sorry, you are not allowed to edit comments.');
  }
  if (q.has('status') && statusFilter(q.get('status')) !== 'approved' && !can(req.user, 'edit_posts')) {
    throw new WpFail(authCode(req.user), 'rest_forbidden_param', 'Query parameter not permitted: status');
  }
  intParam(q, 'per_page', 10, 1, 100);
  const postIds = q.get('post')?.split(',').map(Number) ?? null;
  for (const id of postIds ?? []) {
    const post = state.posts.find((p) => p.id === id);
    if (post && !canReadPost(req.user, post)) {
      throw new WpFail(authCode(req.user), 'rest_cannot_read_post', 'Sorry, you are not allowed to read the post for this comment.');
    }
  }
  const status = statusFilter(q.get('status'));
  const after = dateParam(q, 'after', state.zone);
  const before = dateParam(q, 'before', state.zone);
  const parent = q.get('parent');
  let items = state.comments.filter(
    (c) =>
      (status === 'all' ? c.status === 'approved' || c.status === 'hold' : c.status === status) &&
      (!postIds || postIds.includes(c.postId)) &&
      (parent === null || parent.split(',').includes(String(c.parentId))) &&
      (!after || c.dateGmt > after) &&
      (!before || c.dateGmt < before) &&
      canReadComment(state, req.user, c),
  );
  items = items.sort((a, b) => a.dateGmt.getTime() - b.dateGmt.getTime() || a.id - b.id);
  if ((q.get('order') ?? 'desc') === 'desc') items.reverse();
  const { page, headers } = paginate(req, items, 'rest_comment_invalid_page_number');
  const ctx: Context = q.get('context') === 'edit' ? 'edit' : 'view';
  return { status: 200, headers, body: page.map((c) => commentJson(state, req.siteUrl, c, ctx)) };
}

export function getComment(state: FakeState, req: FakeRequest, id: string): FakeResponse {
  const c = findComment(state, id);
  const ctx: Context = req.query.get('context') === 'edit' ? 'edit' : 'view';
  if (ctx === 'edit' && !canEditComment(state, req.user, c)) {
    throw new WpFail(authCode(req.user), 'rest_forbidden_context', 'Sorry, you are not allowed to edit comments.');
  }
  if (!canReadComment(state, req.user, c)) throw new WpFail(authCode(req.user), 'rest_cannot_read', 'Sorry, you are not allowed to read this comment.');
  return { status: 200, body: commentJson(state, req.siteUrl, c, ctx) };
}

/** WordPress's handle_status_param: the words a moderator may send and what they mean. */
export function statusFromParam(raw: string): CommentStatus | 'untrash' | 'unspam' | null {
  const map: Record<string, CommentStatus | 'untrash' | 'unspam'> = {
    approved: 'approved',
    approve: 'approved',
    '1': 'approved',
    hold: 'hold',
    '0': 'hold',
    spam: 'spam',
    trash: 'trash',
    untrash: 'untrash',
    unspam: 'unspam',
  };
  return map[raw] ?? null;
}

export function updateComment(state: FakeState, req: FakeRequest, id: string): FakeResponse {
  const c = findComment(state, id);
  if (!canEditComment(state, req.user, c)) throw new WpFail(authCode(req.user), 'rest_cannot_edit', 'Sorry, you are not allowed to edit this comment.');
  const b = req.body;
  if (b.status !== undefined) {
    if (!can(req.user, 'moderate_comments')) throw new WpFail(403, 'rest_comment_invalid_status', "Sorry, you are not allowed to edit 'status' for comments.");
    const s = statusFromParam(String(b.status));
    if (s === 'untrash' || s === 'unspam') c.status = 'hold';
    else if (s) c.status = s;
  }
  if (str(b.content) !== undefined) {
    if (str(b.content)!.trim() === '') throw new WpFail(400, 'rest_comment_content_invalid', 'Invalid comment content.');
    c.content = str(b.content)!;
  }
  if (str(b.author_name) !== undefined) c.authorName = str(b.author_name)!;
  if (str(b.author_email) !== undefined) c.authorEmail = str(b.author_email)!;
  if (int(b.post) !== undefined) c.postId = int(b.post)!;
  return { status: 200, body: commentJson(state, req.siteUrl, c, writeContext(req)) };
}

/** DELETE without force: to the trash (410 when already there); force=true: gone. */
export function deleteComment(state: FakeState, req: FakeRequest, id: string): FakeResponse {
  const c = findComment(state, id);
  if (!canEditComment(state, req.user, c)) throw new WpFail(authCode(req.user), 'rest_cannot_delete', 'Sorry, you are not allowed to delete this comment.');
  const force = req.query.get('force') === 'true' || req.query.get('force') === '1';
  if (force) {
    const previous = commentJson(state, req.siteUrl, c, 'edit');
    state.comments = state.comments.filter((x) => x !== c);
    return { status: 200, body: { deleted: true, previous } };
  }
  if (c.status === 'trash') throw new WpFail(410, 'rest_already_trashed', 'The comment has already been trashed.');
  c.status = 'trash';
  return { status: 200, body: commentJson(state, req.siteUrl, c, 'edit') };
}
