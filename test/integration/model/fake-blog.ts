import { BlogError, type BlogSource, type CommentQuery, type EssayPage, type EssayQuery } from '../../../src/ports/blog-source.js';
import type { BlogComment, BlogCommentStatus, Essay, NewBlogComment } from '../../../src/core/types.js';
import type { Remote } from './faults.js';

/** The blog as its people and WordPress leave it: what the blog side shows. */
export interface BlogPost {
  id: number;
  url: string;
  title: string;
  status: 'publish' | 'draft';
  date: Date;
  modified: Date;
  authorName: string;
}

export interface BlogCommentRow {
  id: number;
  postId: number;
  authorName: string;
  authorEmail: string;
  contentHtml: string;
  date: Date;
  status: BlogCommentStatus;
  /** Written by the bot (a mirrored Discord reply), as opposed to a reader on the blog. */
  viaBot: boolean;
}

export class BlogState {
  posts: BlogPost[] = [];
  comments: BlogCommentRow[] = [];
  nextCommentId = 1;
  constructor(readonly siteUrl: string) {}

  post(id: number): BlogPost | undefined {
    return this.posts.find((p) => p.id === id);
  }
}

function toEssay(post: BlogPost): Essay {
  return {
    blogPostId: String(post.id),
    url: post.url,
    title: post.title,
    contentHtml: `<p>Essay ${post.id}.</p>`,
    excerptHtml: null,
    authorBlogUserId: null,
    authorName: post.authorName,
    publishedAt: post.date,
    modifiedAt: post.modified,
    status: post.status,
    featuredImageUrl: null,
    categories: [],
    tags: [],
  };
}

function toComment(state: BlogState, c: BlogCommentRow): BlogComment {
  return {
    blogCommentId: String(c.id),
    blogPostId: String(c.postId),
    parentBlogCommentId: null,
    authorBlogUserId: null,
    authorName: c.authorName,
    authorEmail: c.authorEmail,
    authorAvatarUrl: null,
    contentHtml: c.contentHtml,
    createdAt: c.date,
    status: c.status,
    url: `${state.post(c.postId)!.url}#comment-${c.id}`,
  };
}

/**
 * A BlogSource over BlogState with WordPress's rules that matter here (inclusive `since` after the
 * adapter's overlap, 409 comment_duplicate, no comments on unpublished posts). Every call goes through
 * `remote`, which is where the faults of one process are injected.
 */
export class FakeBlog implements BlogSource {
  constructor(
    private readonly state: BlogState,
    private readonly remote: Remote,
    private readonly now: () => Date,
  ) {}

  verify() {
    return this.remote.call('blog', 'verify', () => ({ siteName: 'Model blog', canModerate: true, timeZone: 'UTC' }));
  }

  listEssays(query: EssayQuery): Promise<EssayPage> {
    return this.remote.call('blog', 'listEssays', () => {
      const since = query.since?.getTime() ?? -Infinity;
      const essays = this.state.posts
        .filter(
          (p) => (query.includeModified || p.status === 'publish') && (p.date.getTime() >= since || (query.includeModified && p.modified.getTime() >= since)),
        )
        .map(toEssay);
      return { essays, notModified: false, etag: null, lastModified: null };
    });
  }

  getEssay(blogPostId: string) {
    return this.remote.call('blog', 'getEssay', () => {
      const post = this.state.post(Number(blogPostId));
      return post ? toEssay(post) : null;
    });
  }

  listComments(query: CommentQuery) {
    return this.remote.call('blog', 'listComments', () => {
      const statuses = query.statuses?.length ? query.statuses : ['approved'];
      const since = query.since?.getTime() ?? -Infinity;
      return this.state.comments
        .filter((c) => statuses.includes(c.status) && c.date.getTime() >= since && (!query.blogPostId || String(c.postId) === query.blogPostId))
        .map((c) => toComment(this.state, c));
    });
  }

  /** The whole listing is always in memory here: complete, so the sweep may trust what is absent. */
  async listCommentListing(query: CommentQuery) {
    return { comments: await this.listComments(query), complete: true };
  }

  getComment(blogCommentId: string) {
    return this.remote.call('blog', 'getComment', () => {
      const c = this.state.comments.find((x) => String(x.id) === blogCommentId);
      return c ? toComment(this.state, c) : null;
    });
  }

  createComment(input: NewBlogComment) {
    return this.remote.call('blog', 'createComment', () => {
      const post = this.state.post(Number(input.blogPostId));
      if (!post || post.status !== 'publish')
        throw new BlogError('rejected', 'Sorry, you are not allowed to create a comment on this post.', 403, 'rest_comment_draft_post');
      const email = input.authorEmail ?? '';
      const duplicate = this.state.comments.some(
        (c) =>
          c.postId === post.id &&
          c.status !== 'trash' &&
          c.contentHtml === input.contentHtml &&
          (c.authorName === input.authorName || (email !== '' && c.authorEmail === email)),
      );
      if (duplicate) throw new BlogError('duplicate', 'Duplicate comment detected', 409, 'comment_duplicate');
      const row: BlogCommentRow = {
        id: this.state.nextCommentId++,
        postId: post.id,
        authorName: input.authorName,
        authorEmail: email,
        contentHtml: input.contentHtml,
        date: this.now(),
        status: input.requestApproved ? 'approved' : 'hold',
        viaBot: true,
      };
      this.state.comments.push(row);
      return toComment(this.state, row);
    });
  }

  updateComment(blogCommentId: string, contentHtml: string) {
    return this.remote.call('blog', 'updateComment', () => {
      const c = this.state.comments.find((x) => String(x.id) === blogCommentId);
      if (!c) throw new BlogError('not_found', 'Invalid comment ID.', 404, 'rest_comment_invalid_id');
      c.contentHtml = contentHtml;
      return toComment(this.state, c);
    });
  }

  trashComment(blogCommentId: string) {
    return this.remote.call('blog', 'trashComment', () => {
      const c = this.state.comments.find((x) => String(x.id) === blogCommentId);
      if (!c) throw new BlogError('not_found', 'Invalid comment ID.', 404, 'rest_comment_invalid_id');
      c.status = 'trash';
    });
  }

  findUser() {
    return this.remote.call('blog', 'findUser', () => null);
  }
}
