// What people do on the blog in a model history: authors publish, edit, unpublish and re-publish essays,
// readers comment and edit their comments, moderators hold, approve, spam, trash or delete them. Each change is
// made to the blog's state directly, as on WordPress, and logged in `happened`; the bot sees it when it polls.
import type { BlogState } from './fake-blog.js';
import type { ModelFlags } from './flags.js';
import { readerNames, textFor, titles, type Step } from './history.js';
import type { Happened } from './truth.js';

/** Post ids where one id's link is a prefix of another's (?p=1 and ?p=12), as on real blogs. */
const postIds = [1, 12, 2, 21, 3, 31, 4, 41];

export type BlogStep = Extract<
  Step,
  { kind: 'publish' | 'editEssay' | 'unpublish' | 'republish' | 'blogComment' | 'editBlogComment' | 'moderate' | 'deleteBlogComment' }
>;

/** The `pick`-th published post (modulo their count), if any is published. */
export function publishedPost(blog: BlogState, pick: number) {
  const live = blog.posts.filter((p) => p.status === 'publish');
  return live.length ? live[pick % live.length] : undefined;
}

/** One step of an author, reader or moderator at `now`. */
export function applyBlogStep(blog: BlogState, flags: ModelFlags, happened: Happened[], step: BlogStep, now: Date): void {
  switch (step.kind) {
    case 'publish': {
      const id = postIds[blog.posts.length] ?? 100 + blog.posts.length;
      const date = step.future ? new Date(now.getTime() + 2 * 3_600_000) : now;
      blog.posts.push({
        id,
        url: `${blog.siteUrl}/?p=${id}`,
        title: titles[step.title]!,
        status: 'publish',
        date,
        modified: now,
        authorName: 'Essay Author',
      });
      happened.push({ kind: 'essay', postId: id, url: `${blog.siteUrl}/?p=${id}`, title: titles[step.title]!, status: 'publish', date });
      return;
    }
    case 'editEssay':
    case 'unpublish':
    case 'republish': {
      const candidates = blog.posts.filter((p) => (step.kind === 'republish' ? p.status === 'draft' : p.status === 'publish'));
      const post = candidates[step.pick % Math.max(1, candidates.length)];
      if (!post) return;
      if (step.kind === 'editEssay') post.title = titles[step.title]!;
      else post.status = step.kind === 'unpublish' ? 'draft' : 'publish';
      post.modified = now;
      happened.push({ kind: 'essay', postId: post.id, url: post.url, title: post.title, status: post.status, date: post.date });
      return;
    }
    case 'blogComment': {
      const post = publishedPost(blog, step.pick);
      if (!post) return;
      const id = blog.nextCommentId++;
      const text = textFor(flags, step.text, `note${id}`);
      const author = readerNames[step.reader]!;
      blog.comments.push({
        id,
        postId: post.id,
        authorName: author,
        authorEmail: `reader${step.reader}@example.org`,
        contentHtml: `<p>${text}</p>`,
        date: now,
        status: 'approved',
        viaBot: false,
      });
      happened.push({ kind: 'blogComment', commentId: id, postId: post.id, url: `${post.url}#comment-${id}`, author, text });
      return;
    }
    case 'editBlogComment':
    case 'moderate':
    case 'deleteBlogComment': {
      const readers = blog.comments.filter((c) => !c.viaBot);
      const comment = readers[step.pick % Math.max(1, readers.length)];
      if (!comment) return;
      if (step.kind === 'editBlogComment') {
        const text = textFor(flags, step.text, `note${comment.id}`);
        comment.contentHtml = `<p>${text}</p>`;
        happened.push({ kind: 'blogCommentEdited', commentId: comment.id, text });
      } else if (step.kind === 'moderate') {
        comment.status = step.status;
        happened.push({ kind: 'blogCommentStatus', commentId: comment.id, status: step.status });
      } else {
        blog.comments.splice(blog.comments.indexOf(comment), 1);
        happened.push({ kind: 'blogCommentStatus', commentId: comment.id, status: 'deleted' });
      }
      return;
    }
  }
}
