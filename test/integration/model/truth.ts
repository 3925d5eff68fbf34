/**
 * What people did, and what each side must therefore show: computed from that log alone, never from the
 * bot's database or code.
 */
export type Happened =
  | { kind: 'essay'; postId: number; url: string; title: string; status: 'publish' | 'draft'; date: Date }
  | { kind: 'reply'; messageId: string; postId: number; author: string; text: string }
  | { kind: 'replyEdited'; messageId: string; text: string }
  | { kind: 'replyDeleted'; messageId: string }
  | { kind: 'blogComment'; commentId: number; postId: number; url: string; author: string; text: string }
  | { kind: 'blogCommentEdited'; commentId: number; text: string }
  | { kind: 'blogCommentStatus'; commentId: number; status: 'approved' | 'hold' | 'spam' | 'trash' | 'deleted' };

export interface EssayTruth {
  postId: number;
  url: string;
  title: string;
  /** Published on the blog at the end. */
  live: boolean;
  date: Date;
}

export interface ItemTruth {
  postId: number;
  author: string;
  /** The latest text, and every text it ever had (to tell a stale copy). */
  text: string;
  versions: string[];
  /** Shown at the end: a reply not deleted; a blog comment approved and not deleted. */
  shown: boolean;
}

export interface Truth {
  essays: Map<number, EssayTruth>;
  /** Discord replies by message id: each shown one must be on the blog once, by its author, with its latest text. */
  replies: Map<string, ItemTruth>;
  /** Readers' blog comments by link: each shown one must be in the thread once, with its latest text. */
  blogComments: Map<string, ItemTruth>;
}

export function computeTruth(happened: Happened[]): Truth {
  const truth: Truth = { essays: new Map(), replies: new Map(), blogComments: new Map() };
  const urlOf = new Map<number, string>();
  for (const h of happened) {
    switch (h.kind) {
      case 'essay':
        truth.essays.set(h.postId, { postId: h.postId, url: h.url, title: h.title, live: h.status === 'publish', date: h.date });
        break;
      case 'reply':
        truth.replies.set(h.messageId, { postId: h.postId, author: h.author, text: h.text, versions: [h.text], shown: true });
        break;
      case 'replyEdited':
      case 'blogCommentEdited': {
        const item = h.kind === 'replyEdited' ? truth.replies.get(h.messageId) : truth.blogComments.get(urlOf.get(h.commentId)!);
        item!.text = h.text;
        item!.versions.push(h.text);
        break;
      }
      case 'replyDeleted':
        truth.replies.get(h.messageId)!.shown = false;
        break;
      case 'blogComment':
        urlOf.set(h.commentId, h.url);
        truth.blogComments.set(h.url, { postId: h.postId, author: h.author, text: h.text, versions: [h.text], shown: true });
        break;
      case 'blogCommentStatus':
        truth.blogComments.get(urlOf.get(h.commentId)!)!.shown = h.status === 'approved';
        break;
    }
  }
  return truth;
}
