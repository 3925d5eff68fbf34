// The whole bot (real discord.js against the emulator, real adapters over HTTP) facing blog URLs that point
// at its own network and a course blog that turns hostile. The test world allows 127.0.0.1 the way an
// operator would (BLOG_ALLOWED_HOSTS), because its WordPress fake runs there; `localhost` is not allowed.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';
import { answerJson, gzipBomb, startServer, type TestServer } from './hostile-servers.js';

let world: BotWorld;
let internal: TestServer;

beforeAll(async () => {
  world = await startBotWorld();
  internal = await startServer(answerJson(400, { code: 'rest_invalid_param', message: 'admin console: DB_PASSWORD=hunter2' }));
});
afterAll(async () => {
  await internal?.close();
  await world?.close();
});

async function setupCourse(options: { channel: string; blogUrl: string; username: string; password: string; name?: string }): Promise<string> {
  const ix = world.emu.as(world.instructorId).runSlashCommand({
    guildId: world.guildId,
    channelId: world.staffChannelId,
    name: 'course',
    subcommand: 'setup',
    options: {
      name: options.name ?? 'HIST 215',
      channel: options.channel,
      blog_kind: 'wordpress',
      blog_url: options.blogUrl,
      staff_role: world.staffRoleId,
      time_zone: 'UTC',
      blog_user: options.username,
      blog_password: options.password,
    },
  });
  return (await ix.response(15_000)).content;
}

describe('/course setup refuses blog URLs that point at the bot’s own network', () => {
  it('a loopback blog_url is refused with a message naming blog_url and what the operator can allow', async () => {
    const forum = world.emu.createChannel(world.guildId, { name: 'loopback', type: 'forum' });
    const reply = await setupCourse({ channel: forum.id, blogUrl: `http://localhost:${internal.port}/`, username: 'bot', password: 'abcd efgh ijkl mnop' });
    expect(reply).toContain('Nothing was saved');
    expect(reply).toContain('blog_url');
    expect(reply).toContain('BLOG_ALLOWED_HOSTS');
    expect(internal.hits).toEqual([]);
    expect(await world.testDb.db.course.count()).toBe(0);
  });

  it('a blog_url with a query string is refused before anything is fetched', async () => {
    const forum = world.emu.createChannel(world.guildId, { name: 'query', type: 'forum' });
    const reply = await setupCourse({ channel: forum.id, blogUrl: `${internal.url}/internal/admin?x=`, username: 'bot', password: 'abcd efgh ijkl mnop' });
    expect(reply).toContain('blog_url');
    expect(reply).toMatch(/without .*\?/);
    expect(internal.hits).toEqual([]);
  });

  it('an internal service’s error text never reaches the reply', async () => {
    const forum = world.emu.createChannel(world.guildId, { name: 'leaky', type: 'forum' });
    const reply = await setupCourse({ channel: forum.id, blogUrl: internal.url, username: 'bot', password: 'abcd efgh ijkl mnop' });
    expect(internal.hits.length).toBeGreaterThan(0);
    expect(reply).toContain('Nothing was saved');
    expect(reply).not.toContain('hunter2');
    expect(reply).not.toContain('admin console');
  });
});

/** Passes every request to `target`, except the post listing, which it answers with a gzip bomb. */
async function hostileFront(target: WordPressFake): Promise<TestServer> {
  const bomb = gzipBomb(32 * 1024 * 1024);
  const targetUrl = new URL(target.url);
  return startServer((req, res, sent) => {
    if (new URL(req.url ?? '/', 'http://x').pathname.endsWith('/wp/v2/posts')) return bomb(req, res, sent);
    const upstream = request({ host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
}

describe('a course whose blog turns hostile', () => {
  it('a gzip bomb from one course’s blog does not stop the other course’s essay from getting its thread', async () => {
    await world.setupCourse();
    const otherBlog = await startWordPressFake();
    const front = await hostileFront(otherBlog);
    try {
      const otherForum = world.emu.createChannel(world.guildId, { name: 'hostile-essays', type: 'forum' });
      const reply = await setupCourse({
        channel: otherForum.id,
        blogUrl: front.url,
        username: otherBlog.users.bot.login,
        password: otherBlog.users.bot.appPassword,
        name: 'HIST 216',
      });
      expect(reply).toContain('Course set up');

      await otherBlog.as('student1').publishPost({ title: 'Essay on the hostile blog', content: '<p>x</p>' });
      await world.wp.as('student1').publishPost({ title: 'Kolkhoz memoirs — a reading', content: '<p>The memoirs…</p>' });
      await world.bot.syncNow();

      expect(essayThreadsIn(world, world.forumId).map((t) => t.name)).toEqual(['Kolkhoz memoirs — a reading']);
      expect(essayThreadsIn(world, otherForum.id)).toEqual([]);

      // Staff of the hostile course see why, and the bot still answers commands.
      const show = world.emu
        .as(world.instructorId)
        .runSlashCommand({ guildId: world.guildId, channelId: otherForum.id, name: 'course', subcommand: 'show', options: {} });
      const status = (await show.response(10_000)).content;
      expect(status).toContain('unreachable');
      expect(status).toContain('larger than 10 MiB');
    } finally {
      await front.close();
      await otherBlog.close();
    }
  });
});
