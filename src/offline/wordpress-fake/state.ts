import type { BlogZone } from '../../blog/wordpress/local-time.js';
import { can, type FakeComment, type FakeMedia, type FakePost, type FakeTerm, type FakeUser, type Role } from './types.js';

export interface FakeSiteOptions {
  siteName?: string;
  /** IANA name (timezone_string); '' to use gmtOffset like a "UTC+2" site. Default America/Chicago. */
  timezone?: string;
  gmtOffset?: number;
  /** WordPress's "comment author must have a previously approved comment" (default on). */
  commentPreviouslyApproved?: boolean;
  /** Seconds between comments of one author for non-moderators (WordPress: 15). */
  floodSeconds?: number;
  /** Injectable clock; defaults to real time plus whatever clock.advance() added. */
  now?: () => Date;
  /** WordPress's permalink setting: 'date' (/2026/11/30/slug/), 'plain' (/?p=12) or 'numeric' (/archives/12). */
  permalinks?: Permalinks;
}

export type Permalinks = 'date' | 'plain' | 'numeric';

export interface FakeState {
  siteName: string;
  timezone: string;
  gmtOffset: number;
  zone: BlogZone;
  commentPreviouslyApproved: boolean;
  floodSeconds: number;
  permalinks: Permalinks;
  users: FakeUser[];
  posts: FakePost[];
  comments: FakeComment[];
  terms: FakeTerm[];
  media: FakeMedia[];
  nextId: { post: number; comment: number; term: number; media: number; user: number };
  now(): Date;
  advance(ms: number): void;
}

const seconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

function token(login: string): string {
  // 24 letters/digits like WordPress's application passwords; deterministic per login is enough here.
  let h = 2166136261;
  let out = '';
  for (let i = 0; out.length < 24; i++) {
    h = Math.imul(h ^ login.charCodeAt(i % login.length) ^ i, 16777619) >>> 0;
    out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[h % 62];
  }
  return out;
}

export function makeUser(id: number, login: string, role: Role, name: string): FakeUser {
  return { id, login, slug: login.toLowerCase(), name, email: `${login}@example.test`, role, appPassword: token(login), token: `wpcom-${token(`t-${login}`)}` };
}

export function createState(opts: FakeSiteOptions = {}): FakeState {
  let offsetMs = 0;
  const base = opts.now ?? (() => new Date());
  const timezone = opts.timezone ?? 'America/Chicago';
  const gmtOffset = opts.gmtOffset ?? 0;
  return {
    siteName: opts.siteName ?? 'Course Blog (fake)',
    timezone,
    gmtOffset,
    zone: timezone ? { iana: timezone, gmtOffsetHours: 0 } : { iana: null, gmtOffsetHours: gmtOffset },
    commentPreviouslyApproved: opts.commentPreviouslyApproved ?? true,
    floodSeconds: opts.floodSeconds ?? 15,
    permalinks: opts.permalinks ?? 'date',
    // Same logins, roles and display names as test/e2e/wordpress/start-wordpress.sh creates.
    users: [
      makeUser(1, 'admin', 'administrator', 'admin'),
      makeUser(2, 'discord-bot', 'editor', 'Discord Bridge'),
      makeUser(3, 'student1', 'author', 'Alice Student'),
      makeUser(4, 'student2', 'author', 'Bob Student'),
    ],
    posts: [],
    comments: [],
    terms: [{ id: 1, name: 'Uncategorized', slug: 'uncategorized', taxonomy: 'category' }],
    media: [],
    nextId: { post: 1, comment: 1, term: 2, media: 1000, user: 5 },
    now: () => seconds(new Date(base().getTime() + offsetMs)),
    advance(ms) {
      offsetMs += ms;
    },
  };
}

/** Whether `user` may see a post that is not published (author of it, or an editor). */
export function canReadPost(user: FakeUser | null, post: FakePost): boolean {
  if (post.status === 'publish') return true;
  return !!user && (post.authorId === user.id || can(user, 'edit_others_posts'));
}

export function canEditPost(user: FakeUser | null, post: FakePost): boolean {
  return !!user && (can(user, 'edit_others_posts') || (post.authorId === user.id && can(user, 'edit_posts')));
}

/** WordPress maps edit_comment to edit_post of the comment's post. */
export function canEditComment(state: FakeState, user: FakeUser | null, c: FakeComment): boolean {
  if (can(user, 'moderate_comments')) return true;
  const post = state.posts.find((p) => p.id === c.postId);
  return !!post && canEditPost(user, post);
}

export function canReadComment(state: FakeState, user: FakeUser | null, c: FakeComment): boolean {
  const post = state.posts.find((p) => p.id === c.postId);
  if (!post || !canReadPost(user, post)) return false;
  if (c.status === 'approved') return true;
  return !!user && (c.userId === user.id || canEditComment(state, user, c));
}

export function hasPublishedPosts(state: FakeState, userId: number): boolean {
  return state.posts.some((p) => p.authorId === userId && p.status === 'publish');
}
