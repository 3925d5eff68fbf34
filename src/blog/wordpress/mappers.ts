// wp/v2 shapes -> the project's own types. Nothing outside the adapter sees a WordPress field name.
import type { BlogComment, BlogCommentStatus, BlogUser, Essay, EssayStatus } from '../../core/types.js';
import { parseGmt, parseLocal, type BlogZone } from './local-time.js';
import type { WpComment, WpPost, WpUser } from './schemas.js';

function postDate(gmt: string | null, local: string, zone: BlogZone): Date {
  // date_gmt is authoritative; old drafts report it as null, then the local date plus zone is used.
  return gmt ? parseGmt(gmt) : parseLocal(local, zone);
}

export function essayStatus(wpStatus: string): EssayStatus {
  switch (wpStatus) {
    case 'publish':
    case 'draft':
    case 'private':
    case 'pending':
    case 'trash':
      return wpStatus;
    // Scheduled: not readable by students yet, which is what 'draft' means to the bot.
    case 'future':
    default:
      return 'draft';
  }
}

export function toEssay(post: WpPost, zone: BlogZone): Essay {
  const embedded = post._embedded;
  const terms = (embedded?.['wp:term'] ?? []).flat();
  const author = embedded?.author?.[0];
  return {
    blogPostId: String(post.id),
    url: post.link,
    title: post.title.rendered,
    contentHtml: post.content.rendered,
    excerptHtml: post.excerpt?.rendered || null,
    authorBlogUserId: post.author ? String(post.author) : null,
    authorName: author?.name ?? '',
    publishedAt: postDate(post.date_gmt, post.date, zone),
    modifiedAt: postDate(post.modified_gmt, post.modified, zone),
    status: essayStatus(post.status),
    featuredImageUrl: embedded?.['wp:featuredmedia']?.[0]?.source_url ?? null,
    categories: terms.filter((t) => t.taxonomy === 'category').map((t) => t.name),
    tags: terms.filter((t) => t.taxonomy === 'post_tag').map((t) => t.name),
  };
}

export function commentStatus(wpStatus: string): BlogCommentStatus {
  if (wpStatus === 'approved' || wpStatus === 'approve' || wpStatus === '1') return 'approved';
  if (wpStatus === 'spam') return 'spam';
  if (wpStatus === 'trash' || wpStatus === 'post-trashed') return 'trash';
  return 'hold';
}

/** Our status -> the value WordPress's `status` query parameter takes. */
export function wpCommentStatusParam(status: BlogCommentStatus): string {
  return status === 'approved' ? 'approve' : status;
}

export function toBlogComment(c: WpComment): BlogComment {
  const avatars = c.author_avatar_urls ?? {};
  const biggest = Object.keys(avatars).sort((a, b) => Number(b) - Number(a))[0];
  return {
    blogCommentId: String(c.id),
    blogPostId: String(c.post),
    parentBlogCommentId: c.parent ? String(c.parent) : null,
    authorBlogUserId: c.author ? String(c.author) : null,
    authorName: c.author_name,
    authorEmail: c.author_email || null,
    authorAvatarUrl: biggest ? avatars[biggest]! : null,
    contentHtml: c.content.rendered,
    createdAt: parseGmt(c.date_gmt),
    status: commentStatus(c.status),
    url: c.link,
  };
}

export function toBlogUser(u: WpUser): BlogUser {
  return { blogUserId: String(u.id), username: u.username ?? u.slug ?? null, name: u.name, email: u.email ?? null };
}
