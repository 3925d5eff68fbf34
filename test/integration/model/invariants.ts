import type { Db } from '../../../src/db/client.js';
import type { MemoryChat, MemoryThread } from '../../support/memory-chat.js';
import type { BlogState } from './fake-blog.js';
import type { ItemTruth, Truth } from './truth.js';

/** One broken promise, tagged with the invariant it breaks (the tags are what the test and the soak count). */
export interface Violation {
  invariant: string;
  detail: string;
}

/** Shows exactly the latest text: contains it, and no earlier version that is not part of it. */
function showsLatest(content: string, item: ItemTruth): boolean {
  return content.includes(item.text) && item.versions.every((v) => item.text.includes(v) || !content.includes(v));
}

const plain = (html: string) => html.replace(/<[^>]*>/g, '').trim();

/**
 * After recovery and one sweep: each side shows every live item exactly once with its latest text, no
 * thread of a live essay is locked, nothing is left waiting in the outbox and no effect is a dead letter.
 */
export async function checkInvariants(input: {
  truth: Truth;
  blog: BlogState;
  discord: MemoryChat;
  db: Db;
  botNow: Date;
  tickErrors: string[];
}): Promise<Violation[]> {
  const { truth, blog, discord } = input;
  const out: Violation[] = [];
  const add = (invariant: string, detail: string) => out.push({ invariant, detail });
  for (const error of input.tickErrors) add('tick-failed', error);

  for (const essay of truth.essays.values()) {
    const threads = discord.threads.filter((t) => t.messages[0]?.content.includes(`<${essay.url}>`));
    const due = essay.date <= input.botNow;
    if (threads.length > 1) add('one-thread-per-essay', `${essay.url} has ${threads.length} threads`);
    if (!essay.live) {
      if (threads.some((t) => !t.locked)) add('unpublished-essay-locked', `${essay.url} is unpublished but its thread is open`);
      continue;
    }
    if (threads.length === 0) {
      if (due) add('one-thread-per-essay', `${essay.url} (published ${essay.date.toISOString()}, bot clock ${input.botNow.toISOString()}) has no thread`);
      continue;
    }
    if (threads.length !== 1) continue;
    const thread = threads[0]!;
    if (thread.locked) add('live-essay-thread-open', `${essay.url} is published but its thread is locked`);
    if (thread.title !== essay.title) add('latest-essay-title', `${essay.url}: thread titled "${thread.title}", essay titled "${essay.title}"`);
    checkThreadMirrors(truth, essay.postId, thread, add);
    checkBlogCopies(truth, blog, essay.postId, add);
  }

  // Effects of an essay that is no longer on the blog may fail for good (no comments on a draft): a person
  // can explain those. Every other effect must be done.
  const essays = await input.db.essay.findMany({ select: { id: true, blogPostId: true } });
  const liveEssayIds = new Set(essays.filter((e) => truth.essays.get(Number(e.blogPostId))?.live).map((e) => e.id));
  const pending = await input.db.outboxItem.findMany({
    where: { status: { in: ['pending', 'dead'] } },
    select: { kind: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, orderKey: true },
  });
  for (const row of pending) {
    if (!liveEssayIds.has(row.orderKey)) continue;
    const what = `${row.kind} after ${row.attempts} attempt(s): ${row.lastError ?? 'no error recorded'}`;
    if (row.status === 'dead') add('no-dead-letters', what);
    else add('nothing-held-back', `${what} (next try ${row.nextAttemptAt.toISOString()})`);
  }
  return out;
}

/** The thread shows each shown blog comment once with its latest text, and nothing else from the bot. */
function checkThreadMirrors(truth: Truth, postId: number, thread: MemoryThread, add: (i: string, d: string) => void): void {
  const mirrors = thread.messages.filter((m) => m.viaWebhook && !m.deleted);
  const accounted = new Set<string>();
  for (const [url, item] of truth.blogComments) {
    if (item.postId !== postId) continue;
    const copies = mirrors.filter((m) => m.content.includes(`<${url}>`));
    copies.forEach((m) => accounted.add(m.id));
    if (!item.shown) {
      if (copies.length) add('hidden-comment-not-in-thread', `${url} (${item.author}) is not shown on the blog but is in the thread`);
      continue;
    }
    if (copies.length !== 1) add('blog-comment-once-in-thread', `${url} (${item.author}: "${item.text}") is in the thread ${copies.length} times`);
    else if (!showsLatest(copies[0]!.content, item))
      add('latest-text-in-thread', `${url}: thread shows ${JSON.stringify(copies[0]!.content)}, blog says "${item.text}"`);
  }
  for (const m of mirrors)
    if (!accounted.has(m.id)) add('no-echo-in-thread', `thread of post ${postId} shows a bot message from no blog comment: ${JSON.stringify(m.content)}`);
}

/** The blog shows each shown Discord reply once, by its author, with its latest text (as a multiset: texts can repeat). */
function checkBlogCopies(truth: Truth, blog: BlogState, postId: number, add: (i: string, d: string) => void): void {
  const expected = new Map<string, number>();
  for (const item of truth.replies.values()) {
    if (item.postId !== postId || !item.shown) continue;
    const key = `${item.author}: "${item.text}"`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const actual = new Map<string, number>();
  for (const c of blog.comments) {
    if (!c.viaBot || c.postId !== postId || c.status !== 'approved') continue;
    const key = `${c.authorName}: "${plain(c.contentHtml)}"`;
    actual.set(key, (actual.get(key) ?? 0) + 1);
  }
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(key) ?? 0;
    const have = actual.get(key) ?? 0;
    if (want !== have) add('reply-once-on-blog', `post ${postId}: ${key} wanted ${want} time(s) on the blog, shown ${have}`);
  }
  // Replies whose comment is not its latest text show up above as one missing and one extra.
}
