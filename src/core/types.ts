// The project's own vocabulary. Adapters translate WordPress, RSS and Discord shapes into these;
// nothing in core/ knows where the data came from.

/** An essay as any blog source reports it. Ids are strings so WordPress ints and feed GUIDs fit alike. */
export interface Essay {
  blogPostId: string;
  url: string;
  title: string;
  /** Rendered HTML of the post body. */
  contentHtml: string;
  /** Rendered HTML of the excerpt, when the source gives one. */
  excerptHtml: string | null;
  authorBlogUserId: string | null;
  authorName: string;
  publishedAt: Date;
  modifiedAt: Date;
  status: EssayStatus;
  featuredImageUrl: string | null;
  categories: string[];
  tags: string[];
}

export type EssayStatus = 'publish' | 'draft' | 'private' | 'pending' | 'trash' | 'deleted';

/** A comment as the blog reports it. */
export interface BlogComment {
  blogCommentId: string;
  blogPostId: string;
  /** '0'-free: null when the comment is top level. */
  parentBlogCommentId: string | null;
  authorBlogUserId: string | null;
  authorName: string;
  authorEmail: string | null;
  authorAvatarUrl: string | null;
  contentHtml: string;
  createdAt: Date;
  status: BlogCommentStatus;
  url: string;
}

export type BlogCommentStatus = 'approved' | 'hold' | 'spam' | 'trash';

/** What the bot asks the blog to create for a Discord reply. */
export interface NewBlogComment {
  blogPostId: string;
  parentBlogCommentId: string | null;
  contentHtml: string;
  /** Write as this blog user (needs a moderator role for the bot); otherwise name + email. */
  authorBlogUserId: string | null;
  authorName: string;
  authorEmail: string | null;
  /** Ask for 'approved' where the bot may moderate, so mirrored replies are not held. */
  requestApproved: boolean;
}

export interface BlogUser {
  blogUserId: string;
  username: string | null;
  name: string;
  /** The account's e-mail, as the blog holds it: only when the bot's account may read it (list_users). */
  email?: string | null;
}

/** A thread the bot owns in Discord. */
export interface ThreadRef {
  guildId: string;
  channelId: string;
  threadId: string;
  starterMessageId: string | null;
}

export type ChannelKind = 'forum' | 'text';
export type BlogKind = 'wordpress' | 'wordpress_com' | 'feed';
