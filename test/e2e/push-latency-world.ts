// The bot running normally (real scheduler, default poll interval, HTTP server) against the real
// WordPress with the companion plugin linked the way staff do it: /course push in Discord, the URL and
// secret pasted into Settings -> CourseThreads, "Send test". Then the four blog events whose latency
// issue 15 is about, each timed from the blog's answer to what a person sees in Discord.
import type { WordPressTestSite } from '../integration/blog/wordpress-test-site.js';
import type { BotWorld } from '../support/bot-world.js';
import { startBotOnRealWordPress } from './bot-on-real-wordpress.js';
import { pressSendTest, visibleText, type AdminSession } from './wordpress-plugin-admin.js';
import { installPlugin, rest } from './wordpress-plugin-install.js';

export interface PushedWorld {
  world: BotWorld;
  admin: AdminSession;
  /** What the settings page said after "Send test", as a person reads it. */
  sendTestAnswer: string;
  /** Posts written, for clean-up. */
  written: number[];
  close(): Promise<void>;
}

/** Reads the URL and the secret from /course push's reply, as staff copy them. */
export function pushLinkFrom(reply: string): { url: string; secret: string } {
  const url = /`(https?:\/\/[^`]+\/push\/v1\/[^`]+)`/.exec(reply)?.[1];
  const secret = /`([0-9a-f]{64})`/.exec(reply)?.[1];
  if (!url || !secret) throw new Error(`no push URL and secret in the /course push reply:\n${reply}`);
  return { url, secret };
}

/** With `push: false` the plugin is installed but its URL left empty: the poll-only baseline. */
export async function startPushedWorld(
  site: WordPressTestSite,
  wordpressDir: string,
  options: { schedule?: boolean; push?: boolean } = {},
): Promise<PushedWorld> {
  const { world } = await startBotOnRealWordPress(site, { http: true, schedule: options.schedule ?? true });
  const ix = world.emu
    .as(world.instructorId)
    .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'course', subcommand: 'push', options: {} });
  const link = pushLinkFrom((await ix.response(10_000)).content);
  const admin = await installPlugin(site, wordpressDir, options.push === false ? null : { pushUrl: link.url, secret: link.secret });
  const sendTestAnswer = visibleText(await pressSendTest(admin));
  const written: number[] = [];
  return { world, admin, sendTestAnswer, written, close: () => world.close() };
}

export interface EventLatencies {
  published: number;
  commentCreated: number;
  commentEdited: number;
  commentDeleted: number;
}

async function waitUntil<T>(
  pick: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  limitMs: number,
): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  for (;;) {
    const found = await pick();
    if (found !== undefined && found !== false) return { value: found, ms: performance.now() - started };
    if (performance.now() - started > limitMs) throw new Error(`gave up waiting ${limitMs / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * One round of the four events. Each clock starts when WordPress has answered the author (the change is
 * saved) and stops when the emulator shows the result; `limitMs` is how long a test is willing to wait.
 */
export async function runFourEvents(site: WordPressTestSite, pushed: PushedWorld, label: string, limitMs: number): Promise<EventLatencies> {
  const { world } = pushed;
  const title = `Push latency ${label}`;
  const post = await rest<{ id: number }>(site, 'student1', 'posts', 'POST', { title, content: '<p>An essay — on “push”.</p>', status: 'publish' });
  pushed.written.push(post.id);
  const published = await waitUntil(() => world.emu.findThreadByName(title, world.forumId), `the thread for “${title}”`, limitMs);
  const thread = published.value;
  const mirrored = () => world.emu.messagesIn(thread.id).filter((m) => m.webhook_id);

  // A moderator comments (no moderation queue, no flood limit), as the instructor would on the blog.
  const text = `Comment ${label} — “seen”.`;
  const comment = await rest<{ id: number }>(site, 'admin', 'comments', 'POST', { post: post.id, content: text });
  const created = await waitUntil(() => mirrored().find((m) => m.content.includes(text)), 'the blog comment in the thread', limitMs);

  const edited = `Comment ${label} — edited on the blog.`;
  await rest(site, 'admin', `comments/${comment.id}`, 'POST', { content: edited });
  const editedAt = await waitUntil(
    () => world.emu.messagesIn(thread.id).find((m) => m.id === created.value.id && m.content.includes(edited)),
    'the thread message edited',
    limitMs,
  );

  await rest(site, 'admin', `comments/${comment.id}`, 'DELETE');
  const deleted = await waitUntil(() => !world.emu.messagesIn(thread.id).some((m) => m.id === created.value.id), 'the thread message gone', limitMs);
  return { published: published.ms, commentCreated: created.ms, commentEdited: editedAt.ms, commentDeleted: deleted.ms };
}
