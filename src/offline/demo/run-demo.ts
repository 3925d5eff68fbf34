// npm run demo — the whole bot, offline. Starts the project's Discord emulator and a sample WordPress
// blog on 127.0.0.1, runs the real bot (discord.js, Prisma on a SQLite file) against them, plays a short
// scene, and prints what happened. Needs no Discord token and no blog.
import { writeFileSync } from 'node:fs';
import pino from 'pino';
import { createLogger } from '../../shared/logger.js';
import { offlineSecretKeys } from '../offline-keys.js';
import { startOfflineWorld } from '../offline-world.js';
import { openDemoDatabase } from './demo-database.js';
import { sampleBlogComment, sampleEssay, sampleReply } from './sample-course.js';

const say = (text: string) => process.stdout.write(`${text}\n`);
const indent = (text: string) => text.split('\n').map((line) => `      ${line}`).join('\n');

async function main(): Promise<void> {
  say('CourseThreads demo — everything runs locally: a Discord emulator, a sample course blog, the real bot.\n');
  // LOG_LEVEL=debug shows the bot's own log on stderr (silent by default: the narration is the point).
  const level = process.env.LOG_LEVEL ?? 'silent';
  const world = await startOfflineWorld({ openDatabase: openDemoDatabase, log: createLogger(level, pino.destination(2)) });
  // For the test that scans a demo run's output for secrets: where to write the ones this run used.
  if (process.env.DEMO_SECRETS_FILE) {
    writeFileSync(process.env.DEMO_SECRETS_FILE, JSON.stringify([world.wp.users.bot.appPassword, world.wp.users.bot.token, world.emu.botToken, ...Object.values(offlineSecretKeys)]));
  }
  try {
    say('1. The bot logged in to the Discord emulator (server “HIST 214 — Soviet History”, forum #essays).');

    const setupReply = await world.setupCourse();
    say('2. The instructor ran /course setup (blog tested, permissions checked, password stored encrypted). The bot replied, privately:');
    say(indent(setupReply));

    const post = await world.wp.as('student1').publishPost(sampleEssay);
    say(`\n3. Alice published an essay on the blog: “${sampleEssay.title}”\n      ${post.link}`);
    await world.bot.syncNow();
    const thread = world.emu.threadsIn(world.forumId).filter((t) => t.name !== 'Review reminders')[0];
    if (!thread) throw new Error('the essay thread was not created');
    const starter = world.emu.messagesIn(thread.id)[0]!;
    const embed = (starter.embeds[0] ?? {}) as { description?: string };
    say(`   The bot opened a forum post in #essays titled “${thread.name}”. Its first message:`);
    say(indent(starter.content));
    say(indent(`[excerpt] ${(embed.description ?? '').slice(0, 280)}…`));

    world.emu.as(world.studentIds[1]).postMessage(thread.id, { content: sampleReply });
    await world.emu.waitFor(async () => (await world.database.db.comment.count()) === 1, 5_000, 'the reply to be recorded');
    await world.bot.syncNow();
    const blogComment = world.wp.state.comments.find((c) => c.postId === post.id);
    if (!blogComment) throw new Error('the reply did not reach the blog');
    say('\n4. Bob replied in the thread on Discord. The bot posted it on the blog as a comment:');
    say(indent(`${blogComment.authorName}: ${blogComment.content}`));

    await world.wp.as('student1').comment(post.id, sampleBlogComment);
    await world.bot.syncNow();
    const mirrored = world.emu.messagesIn(thread.id).filter((m) => m.webhook_id);
    if (mirrored.length !== 1) throw new Error(`expected one mirrored blog comment, found ${mirrored.length}`);
    say('\n5. Alice answered on the blog. The comment appeared in the Discord thread under her name:');
    say(indent(`${mirrored[0]!.author.username}: ${mirrored[0]!.content}`));

    await world.bot.syncNow();
    const blogTotal = world.wp.state.comments.filter((c) => c.postId === post.id).length;
    const threadTotal = world.emu.messagesIn(thread.id).length - 1;
    say(`\n6. One discussion in two places: ${blogTotal} comments on the blog, ${threadTotal} replies in the thread, nothing echoed or duplicated.`);
    say('\nDone. To run it for your course: see README.md, “Running it for your course”.');
  } finally {
    await world.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`Demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
