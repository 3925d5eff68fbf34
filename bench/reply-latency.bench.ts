// Reply -> blog comment latency (issue 4), as in production: the bot runs with its scheduler on, so a
// recorded reply kicks the outbox at once (kickOutbox). A student posts in the essay thread (emulator);
// the clock stops when WordPress answers the bot's comment POST (the comment is stored and visible).
// Against the WordPress fake, then against the REAL WordPress (test/e2e/wordpress, own state folder and
// ports), each beside a bare comment POST with the bot's application password in the same run.
// Run: npx tsx bench/reply-latency.bench.ts    (env: BENCH_REPLIES=50, BENCH_SKIP_REAL=1 for the fake only)
import { startBotWorld, type BotWorld } from '../test/support/bot-world.js';
import { createRestPersona } from '../src/offline/wordpress-fake/index.js';
import { installCommentTimer, type CommentTimer } from './support/comment-timer.js';
import { startRealWordPress } from './support/real-wordpress.js';
import { fmt, p50p95, percentile, printSummary, say, sleep } from './support/stats.js';

const replies = Number(process.env.BENCH_REPLIES ?? 50);

interface Blog {
  url: string;
  bot: { login: string; appPassword: string };
  student: { login: string; appPassword: string };
}

/** WordPress's own time for the same kind of write: one comment POST, nothing else around it. */
async function bareCommentPost(blog: Blog, postId: number, content: string): Promise<number> {
  const auth = `Basic ${Buffer.from(`${blog.bot.login}:${blog.bot.appPassword}`).toString('base64')}`;
  const started = performance.now();
  const res = await fetch(`${blog.url}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ post: postId, content }),
  });
  const at = performance.now();
  await res.text();
  if (!res.ok) throw new Error(`bare comment POST -> ${res.status}`);
  return at - started;
}

async function measure(label: string, world: BotWorld, blog: Blog, timer: CommentTimer): Promise<[string, string][]> {
  await world.setupCourse();
  const post = await createRestPersona(blog.url, blog.student.login, blog.student.appPassword).publishPost({
    title: `Latency essay (${label})`,
    content: '<p>An essay whose thread collects the benchmark’s replies — “quoted”, as students write.</p>',
  });
  await world.bot.syncNow();
  const thread = await world.emu.waitFor(() => world.emu.findThreadByName(`Latency essay (${label})`, world.forumId), 10_000, 'the essay thread');
  const [, bob] = world.studentIds;
  const bot: number[] = [];
  const bare: number[] = [];
  for (let i = 1; i <= replies; i++) {
    const marker = `botprobe${i}x${label}`;
    const started = performance.now();
    world.emu.as(bob).postMessage(thread.id, { content: `Reply ${i} — “a fair point”, and a question about the sources. ${marker}` });
    bot.push((await timer.visibleAt(marker, 60_000)) - started);
    await sleep(100); // let the outbox run finish its bookkeeping before the bare request
    bare.push(await bareCommentPost(blog, post.id, `<p>Bare comment ${i} — “the same size as a reply”. bareprobe${i}x${label}</p>`));
    await sleep(100);
  }
  const ratio = percentile(bot, 95) / percentile(bare, 95);
  say(`${label}: bot ${p50p95(bot, 'ms')}; bare ${p50p95(bare, 'ms')}`);
  return [
    [`${label}: reply -> comment visible (bot)`, p50p95(bot, 'ms')],
    [`${label}: bare comment POST (WordPress)`, p50p95(bare, 'ms')],
    [
      `${label}: p95(bot) / p95(bare)`,
      `${fmt(ratio, 2)}x${label === 'real' ? ' (goal <= 1.5x)' : ' (the fake answers in ms: read the overhead, not the ratio)'}`,
    ],
    [
      `${label}: bot overhead over bare, p50 / p95`,
      `${fmt(percentile(bot, 50) - percentile(bare, 50))} / ${fmt(percentile(bot, 95) - percentile(bare, 95))} ms`,
    ],
  ];
}

async function main(): Promise<void> {
  const timer = installCommentTimer();
  const rows: [string, string][] = [];
  say(`reply latency: ${replies} replies, one at a time, scheduler on (a reply kicks the outbox)`);
  const fakeWorld = await startBotWorld({ schedule: true });
  try {
    const wp = fakeWorld.wp;
    const fakeBlog: Blog = {
      url: wp.url,
      bot: { login: wp.users.bot.login, appPassword: wp.users.bot.appPassword },
      student: { login: wp.users.student1.login, appPassword: wp.users.student1.appPassword },
    };
    rows.push(...(await measure('fake', fakeWorld, fakeBlog, timer)));
  } finally {
    await fakeWorld.close();
  }
  if (process.env.BENCH_SKIP_REAL !== '1') {
    const started = performance.now();
    const real = startRealWordPress();
    say(`real WordPress up at ${real.url} in ${fmt((performance.now() - started) / 1000, 1)} s`);
    try {
      const realWorld = await startBotWorld({
        schedule: true,
        blog: { url: real.url, username: real.users.bot.login, appPassword: real.users.bot.appPassword },
      });
      try {
        rows.push(...(await measure('real', realWorld, { url: real.url, bot: real.users.bot, student: real.users.student1 }, timer)));
      } finally {
        await realWorld.close();
      }
    } finally {
      real.stop();
    }
  }
  timer.uninstall();
  printSummary('reply -> blog comment latency', rows);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`reply-latency bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
