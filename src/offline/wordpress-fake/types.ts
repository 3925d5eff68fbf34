// The fake's own records. Dates are instants truncated to whole seconds, as WordPress stores them.

export type Role = 'administrator' | 'editor' | 'author' | 'subscriber';

export interface FakeUser {
  id: number;
  login: string;
  slug: string;
  name: string;
  email: string;
  role: Role;
  /** Application password without spaces (WordPress accepts it with or without). */
  appPassword: string;
  /** Bearer token accepted on the WordPress.com routes. */
  token: string;
  /** Capabilities this account lacks although its role has them (a site that restricts uploads, say). */
  withoutCaps?: string[];
}

export type PostStatus = 'publish' | 'future' | 'draft' | 'pending' | 'private' | 'trash';

export interface FakePost {
  id: number;
  authorId: number;
  title: string;
  content: string;
  excerpt: string;
  status: PostStatus;
  /** Status before trashing, restored by untrash. */
  statusBeforeTrash: PostStatus | null;
  slug: string;
  dateGmt: Date;
  modifiedGmt: Date;
  featuredMediaId: number;
  categoryIds: number[];
  tagIds: number[];
}

export type CommentStatus = 'approved' | 'hold' | 'spam' | 'trash' | 'post-trashed';

export interface FakeComment {
  id: number;
  postId: number;
  parentId: number;
  userId: number;
  authorName: string;
  authorEmail: string;
  content: string;
  dateGmt: Date;
  status: CommentStatus;
}

export interface FakeTerm {
  id: number;
  name: string;
  slug: string;
  taxonomy: 'category' | 'post_tag';
}

export interface FakeMedia {
  id: number;
  sourceUrl: string;
  /** Set for files uploaded through POST /wp/v2/media (served back at sourceUrl). */
  slug?: string;
  mimeType?: string;
  data?: Buffer;
  authorId?: number;
}

export const CAPS: Record<Role, readonly string[]> = {
  administrator: [
    'read',
    'edit_posts',
    'publish_posts',
    'edit_published_posts',
    'edit_others_posts',
    'moderate_comments',
    'list_users',
    'manage_options',
    'unfiltered_html',
    'upload_files',
  ],
  editor: ['read', 'edit_posts', 'publish_posts', 'edit_published_posts', 'edit_others_posts', 'moderate_comments', 'unfiltered_html', 'upload_files'],
  author: ['read', 'edit_posts', 'publish_posts', 'edit_published_posts', 'upload_files'],
  subscriber: ['read'],
};

export function can(user: FakeUser | null, cap: string): boolean {
  return !!user && CAPS[user.role].includes(cap) && !user.withoutCaps?.includes(cap);
}
