// POST comments with the checks of WP_REST_Comments_Controller::create_item and wp_allow_comment,
// in their order, as observed on WordPress 6.1 (see test/e2e for the same contract run for real).
import { commentJson } from './format.js';
import { int, str, WpFail, type FakeRequest, type FakeResponse } from './http-util.js';
import { statusFromParam, writeContext } from './comments-routes.js';
import type { FakeState } from './state.js';
import { can, type CommentStatus, type FakeComment } from './types.js';

/** check_comment(): held unless the author already has an approved comment (and few links). */
function autoStatus(state: FakeState, c: Omit<FakeComment, 'id' | 'status'>, postAuthorId: number): CommentStatus {
  if (c.userId) {
    const u = state.users.find((x) => x.id === c.userId);
    if (u && (u.id === postAuthorId || can(u, 'moderate_comments'))) return 'approved';
  }
  if ((c.content.match(/<a\s/gi) ?? []).length >= 2) return 'hold';
  if (!state.commentPreviouslyApproved) return 'approved';
  const registered = state.users.find((u) => u.email.toLowerCase() === c.authorEmail.toLowerCase());
  const approvedBefore = state.comments.some(
    (x) => x.status === 'approved' && (registered ? x.userId === registered.id : x.authorName === c.authorName && x.authorEmail === c.authorEmail),
  );
  return approvedBefore ? 'approved' : 'hold';
}

function stripScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<\/?(iframe|object|embed|form)\b[^>]*>/gi, '');
}

export function createComment(state: FakeState, req: FakeRequest): FakeResponse {
  const b = req.body;
  const user = req.user;
  // rest_allow_anonymous_comments is false by default.
  if (!user) throw new WpFail(401, 'rest_comment_login_required', 'Sorry, you must be logged in to comment.');
  const authorId = int(b.author);
  if (authorId !== undefined && authorId !== user.id && !can(user, 'moderate_comments')) {
    throw new WpFail(403, 'rest_comment_invalid_author', "Sorry, you are not allowed to edit 'author' for comments.");
  }
  if (b.status !== undefined && !can(user, 'moderate_comments')) {
    throw new WpFail(403, 'rest_comment_invalid_status', "Sorry, you are not allowed to edit 'status' for comments.");
  }
  const post = state.posts.find((p) => p.id === int(b.post));
  if (!post) throw new WpFail(403, 'rest_comment_invalid_post_id', 'Sorry, you are not allowed to create this comment without a post.');
  if (post.status === 'trash') throw new WpFail(403, 'rest_comment_trash_post', 'Sorry, you are not allowed to create a comment on this post.');
  if (post.status !== 'publish') throw new WpFail(403, 'rest_comment_draft_post', 'Sorry, you are not allowed to create a comment on this post.');
  const parentId = int(b.parent) ?? 0;
  if (parentId && !state.comments.some((c) => c.id === parentId && c.postId === post.id)) {
    throw new WpFail(400, 'rest_comment_invalid_parent', 'Invalid parent comment ID.');
  }
  const raw = str(b.content) ?? '';
  if (raw.trim() === '') throw new WpFail(400, 'rest_comment_content_invalid', 'Invalid comment content.');
  const content = can(user, 'unfiltered_html') ? raw : stripScripts(raw);

  let userId = 0;
  let name = str(b.author_name) ?? '';
  let email = str(b.author_email) ?? '';
  if (authorId !== undefined) {
    const author = state.users.find((u) => u.id === authorId);
    if (!author) throw new WpFail(400, 'rest_comment_author_invalid', 'Invalid comment author ID.');
    userId = author.id;
    name = author.name;
    email = author.email;
  } else if (!name && !email) {
    // Only when no author data is given does a logged-in caller become the author.
    userId = user.id;
    name = user.name;
    email = user.email;
  }
  if (!name || !email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new WpFail(400, 'rest_comment_author_data_required', 'Creating a comment requires valid author name and email values.');
  }

  const duplicate = state.comments.some(
    (c) =>
      c.postId === post.id &&
      c.parentId === parentId &&
      c.status !== 'trash' &&
      c.content === content &&
      (c.authorName === name || (email !== '' && c.authorEmail === email)),
  );
  if (duplicate) throw new WpFail(409, 'comment_duplicate', 'Duplicate comment detected; it looks as though you&#8217;ve already said that!');

  const now = state.now();
  if (!can(user, 'moderate_comments')) {
    // wp_check_comment_flood: by the logged-in user's id, 15 seconds.
    const last = Math.max(0, ...state.comments.filter((c) => c.userId === user.id).map((c) => c.dateGmt.getTime()));
    if (last && now.getTime() - last < state.floodSeconds * 1000) {
      throw new WpFail(400, 'comment_flood', 'You are posting comments too quickly. Slow down.');
    }
  }

  const draft = { postId: post.id, parentId, userId, authorName: name, authorEmail: email, content, dateGmt: now };
  let status = autoStatus(state, draft, post.authorId);
  if (b.status !== undefined) {
    const s = statusFromParam(String(b.status));
    if (s && s !== 'untrash' && s !== 'unspam') status = s;
  }
  const comment: FakeComment = { id: state.nextId.comment++, ...draft, status };
  state.comments.push(comment);
  return { status: 201, body: commentJson(state, req.siteUrl, comment, writeContext(req)) };
}
