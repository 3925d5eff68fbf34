// A bot process reduced to its mirroring work, for the kill -9 test: polls blog comments and drains the
// outbox in a loop, against the emulator (real discord.js REST) and the blog, until killed or done.
//   env: DATABASE_URL, DISCORD_API_URL, DISCORD_TOKEN, COURSE_ID
import { courseBlogs, realBlogSources } from '../../src/courses/course-blogs.js';
import { openDb } from '../../src/db/client.js';
import { createDiscordClient, loginAndWait } from '../../src/discord/create-client.js';
import { DiscordChat } from '../../src/discord/discord-chat.js';
import { SecretBox } from '../../src/privacy/secret-box.js';
import { systemClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { pollBlogComments } from '../../src/sync/comments/poll-blog-comments.js';
import { effectHandlers } from '../../src/sync/effect-registry.js';
import { drainOutbox } from '../../src/outbox/outbox-worker.js';
import type { SyncDeps } from '../../src/context.js';
import { testBlogHosts, testSecretKeys } from './course-fixture.js';

const env = (name: string) =>
  process.env[name] ??
  (() => {
    throw new Error(`${name} is not set`);
  })();

const db = await openDb(env('DATABASE_URL'));
const client = await loginAndWait(createDiscordClient({ apiUrl: env('DISCORD_API_URL') }), env('DISCORD_TOKEN'));
const ctx: SyncDeps = {
  db,
  chat: new DiscordChat(client),
  clock: systemClock,
  log: silentLogger(),
  blogFor: courseBlogs(
    db,
    new SecretBox(testSecretKeys),
    realBlogSources({ sleep: async () => undefined, retries: 0, timeoutMs: 3_000, allowedHosts: testBlogHosts }),
  ),
};
const courseId = env('COURSE_ID');
// The test kills this process at a random moment after this line, inside the work below.
process.stdout.write('ready\n');
for (;;) {
  await pollBlogComments(ctx, courseId);
  // No backoff waits in this test: every failed effect is due again at once, and a killed worker's claims
  // lapse after 2 s (the bot's claims last one lease period).
  await db.outboxItem.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: new Date(0) } });
  const summary = await drainOutbox(ctx, effectHandlers, { courseIds: [courseId], budget: 5, claimMs: 2_000 });
  const pending = await db.outboxItem.count({ where: { status: 'pending' } });
  if (pending === 0 && summary.done === 0) break;
}
process.stdout.write('done\n');
process.exit(0);
