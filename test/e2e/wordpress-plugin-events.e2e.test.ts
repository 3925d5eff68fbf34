// The companion plugin in the real WordPress: what students and staff do on the blog reaches the
// bot's push URL as one correctly signed notification per change.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forgetStudentComments } from './forget-student-comments.js';
import { deletePosts, installPlugin, removePlugin, rest } from './wordpress-plugin-install.js';
import { eventually, startPushReceiver, type PushReceiver, type ReceivedPush } from './wordpress-plugin-receiver.js';

const site = inject('wordpress');
const secret = randomBytes(32).toString('hex');
const courseKey = 'k3yForWriting101_' + randomBytes(6).toString('hex');
let receiver: PushReceiver;

type Post = { id: number; modified_gmt: string };
type Comment = { id: number };

beforeAll(async () => {
  // A classmate's first comment must be held (then approved by staff): whatever the files before this one left.
  await forgetStudentComments(site);
  receiver = await startPushReceiver(secret);
  await installPlugin(site, inject('wordpressDir'), { pushUrl: `${receiver.url}/push/v1/${courseKey}`, secret });
});

afterAll(async () => {
  await removePlugin(site);
  await deletePosts(site, new Set(receiver?.pushes.map((p) => p.body.postId ?? p.body.id)));
  await receiver?.close();
});

/** Does what a person does, then waits for the push it should cause. */
async function expectPush(action: () => Promise<unknown>, event: string, id: () => number): Promise<ReceivedPush> {
  const before = receiver.pushes.length;
  await action();
  return eventually(() => receiver.pushes.slice(before).find((p) => p.body.event === event && p.body.id === id()), `${event} #${id()}`);
}

describe('the companion plugin tells the bot about every change on the blog', () => {
  it('publishing, updating, unpublishing, trashing and deleting an essay, and a comment created, edited, approved, held and deleted: one signed notification each', async () => {
    let post: Post = { id: 0, modified_gmt: '' };
    let comment: Comment = { id: 0 };
    const setPost = (p: Post) => (post = p);
    const expected: Array<{ event: string; id: number; postId?: number; modified: string | null }> = [];
    // A post deleted for good has no modification time any more: null.
    const postStep = async (event: string, act: () => Promise<Post>, gone = false) => {
      await expectPush(
        async () => setPost(await act()),
        event,
        () => post.id,
      );
      expected.push({ event, id: post.id, modified: gone ? null : `${post.modified_gmt}Z` });
    };
    const commentStep = async (event: string, act: () => Promise<Comment>) => {
      await expectPush(
        async () => (comment = await act()),
        event,
        () => comment.id,
      );
      expected.push({ event, id: comment.id, postId: post.id, modified: null });
    };

    await postStep('post.published', () =>
      rest<Post>(site, 'student1', 'posts', 'POST', { title: 'On Footnotes', content: '<p>Footnotes are a conversation.</p>', status: 'publish' }),
    );
    await postStep('post.updated', () => rest<Post>(site, 'student1', `posts/${post.id}`, 'POST', { content: '<p>Footnotes are a quiet conversation.</p>' }));
    await postStep('post.unpublished', () => rest<Post>(site, 'student1', `posts/${post.id}`, 'POST', { status: 'draft' }));
    await postStep('post.published', () => rest<Post>(site, 'student1', `posts/${post.id}`, 'POST', { status: 'publish' }));
    // A classmate's first comment is held for moderation (WordPress's default); staff then moderate it.
    await commentStep('comment.created', () =>
      rest<Comment>(site, 'student2', 'comments', 'POST', { post: post.id, content: 'Agreed \u2014 the margins talk back.' }),
    );
    await commentStep('comment.edited', () =>
      rest<Comment>(site, 'admin', `comments/${comment.id}`, 'POST', { content: 'Agreed \u2014 the margins always talk back.' }),
    );
    await commentStep('comment.status', () => rest<Comment>(site, 'admin', `comments/${comment.id}`, 'POST', { status: 'approved' }));
    await commentStep('comment.status', () => rest<Comment>(site, 'admin', `comments/${comment.id}`, 'POST', { status: 'hold' }));
    await commentStep('comment.deleted', () => rest<Comment>(site, 'admin', `comments/${comment.id}`, 'DELETE'));
    // Staff reply, then delete the reply for good (not just to the trash).
    await commentStep('comment.created', () =>
      rest<Comment>(site, 'admin', 'comments', 'POST', { post: post.id, content: 'Please cite the page.', status: 'approved' }),
    );
    await commentStep('comment.deleted', () => rest<Comment>(site, 'admin', `comments/${comment.id}?force=true`, 'DELETE').then(() => comment));
    await postStep('post.trashed', () => rest<Post>(site, 'student1', `posts/${post.id}`, 'DELETE'));
    // Deleted for good straight away (no trash step, as on sites with EMPTY_TRASH_DAYS 0): the bot must hear too.
    await postStep('post.published', () => rest<Post>(site, 'student1', 'posts', 'POST', { title: 'Withdrawn', content: '<p>Oops.</p>', status: 'publish' }));
    await postStep('post.trashed', () => rest<{ previous: Post }>(site, 'admin', `posts/${post.id}?force=true`, 'DELETE').then((r) => r.previous), true);

    // A last, unrelated essay: once its push is in, any stray second notification of the steps above would be too.
    const sentinel = await rest<Post>(site, 'student2', 'posts', 'POST', { title: 'Sentinel', content: '<p>x</p>', status: 'publish' });
    await eventually(() => receiver.pushes.find((p) => p.body.id === sentinel.id), 'the sentinel essay');
    const seen = receiver.pushes.filter((p) => p.body.id !== sentinel.id);

    expect(
      seen.map((p) => ({ event: p.body.event, id: p.body.id, ...(p.body.postId === undefined ? {} : { postId: p.body.postId }), modified: p.body.modified })),
    ).toEqual(expected);
    for (const push of seen) {
      expect(push.signatureValid, `signature of ${push.body.event}`).toBe(true);
      expect(push.path).toBe(`/push/v1/${courseKey}`);
      expect(push.delivery).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      expect(Math.abs(push.timestamp - push.receivedAt / 1000)).toBeLessThan(300);
      expect(push.body).toMatchObject({ v: 1, site: site.url });
      expect(Buffer.byteLength(push.rawBody)).toBeLessThanOrEqual(4096);
    }
    expect(new Set(seen.map((p) => p.delivery)).size).toBe(seen.length);
  });
});
