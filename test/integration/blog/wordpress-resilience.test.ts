// Retries, backoff, timeouts, bad JSON and outages, against the fake's fault injection.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlogError } from '../../../src/ports/blog-source.js';
import { createWordPressSource } from '../../../src/blog/wordpress/wordpress-source.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

let fake: WordPressFake;
let postId: number;

function recordingLog() {
  const lines: string[] = [];
  const rec = (level: string) => (obj: object, msg?: string) => void lines.push(`${level} ${msg ?? ''} ${JSON.stringify(obj)}`);
  return { lines, log: { debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') } };
}

function botSource(extra: Partial<Parameters<typeof createWordPressSource>[0]> = {}) {
  const sleeps: number[] = [];
  const rec = recordingLog();
  const source = createWordPressSource({
    baseUrl: fake.url,
    auth: { kind: 'application_password', username: 'discord-bot', password: fake.users.bot.appPassword },
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    retries: 3,
    timeoutMs: 500,
    log: rec.log,
    ...extra,
  });
  return { source, sleeps, lines: rec.lines };
}

const postRequests = () => fake.requests.filter((r) => r.path.endsWith('/posts'));

beforeAll(async () => {
  fake = await startWordPressFake();
  postId = (await fake.as('student1').publishPost({ title: 'Resilience', content: 'x' })).id;
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.faults.clear();
  fake.requests.length = 0;
});

describe('transient failures', () => {
  it('retries 500 and 503 with growing backoff, then succeeds', async () => {
    const { source, sleeps } = botSource();
    const onPosts = (_m: string, path: string) => path.endsWith('/posts');
    fake.faults.failNext(1, 500, onPosts);
    fake.faults.failNext(1, 503, onPosts);
    const page = await source.listEssays({ since: null });
    expect(page.essays.map((e) => e.blogPostId)).toContain(String(postId));
    expect(postRequests().map((r) => r.status)).toEqual([500, 503, 200]);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it('gives up after the configured retries with kind unavailable', async () => {
    const { source, sleeps } = botSource({ retries: 2 });
    fake.faults.failNext(5, 502);
    const e = (await source.getEssay(String(postId)).catch((x: unknown) => x)) as BlogError;
    expect(e).toBeInstanceOf(BlogError);
    expect(e.kind).toBe('unavailable');
    expect(e.status).toBe(502);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('honours Retry-After', async () => {
    const { source, sleeps } = botSource();
    fake.faults.add({ kind: 'status', status: 503, retryAfterSeconds: 2 });
    await source.getEssay(String(postId));
    expect(sleeps).toEqual([2000]);
  });

  it('times out a hanging request and retries it', async () => {
    const { source } = botSource({ timeoutMs: 150 });
    fake.faults.hangNext(1);
    const started = Date.now();
    expect((await source.getEssay(String(postId)))?.blogPostId).toBe(String(postId));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    // The first request (site info, for the time zone) hung; its retry and the post lookup followed.
    expect(fake.requests.map((r) => r.status)).toEqual(['fault', 200, 200]);
  });

  it('reports a timeout as unavailable when every attempt hangs', async () => {
    const { source } = botSource({ timeoutMs: 100, retries: 1 });
    fake.faults.hangNext(2);
    const e = (await source.getEssay(String(postId)).catch((x: unknown) => x)) as BlogError;
    expect(e.kind).toBe('unavailable');
    expect(e.code).toBe('timeout');
  });

  it('treats a PHP notice before the JSON as unavailable, and retries', async () => {
    const { source } = botSource({ retries: 0 });
    fake.faults.badJsonNext(1);
    const e = (await source.getEssay(String(postId)).catch((x: unknown) => x)) as BlogError;
    expect(e.kind).toBe('unavailable');
    expect(e.code).toBe('invalid_json');
    fake.faults.badJsonNext(1);
    expect(await botSource().source.getEssay(String(postId))).not.toBeNull();
  });

  it('survives a dropped connection and a server that is down, then comes back', async () => {
    const { source } = botSource({ retries: 1 });
    fake.faults.resetNext(1);
    expect(await source.getEssay(String(postId))).not.toBeNull();
    await fake.goDown();
    const e = (await source.getEssay(String(postId)).catch((x: unknown) => x)) as BlogError;
    expect(e.kind).toBe('unavailable');
    expect(e.code).toBe('ECONNREFUSED');
    await fake.comeUp();
    expect(await source.getEssay(String(postId))).not.toBeNull();
  });

  it('does not retry what retrying cannot fix (4xx)', async () => {
    const { source, sleeps } = botSource();
    // The same comment twice: WordPress refuses the second as a duplicate (409).
    const sameComment = () => ({
      blogPostId: String(postId),
      parentBlogCommentId: null,
      contentHtml: 'once',
      authorBlogUserId: null,
      authorName: 'A',
      authorEmail: 'a@discord.invalid',
      requestApproved: true,
    });
    await source.createComment(sameComment());
    const e = (await source.createComment(sameComment()).catch((x: unknown) => x)) as BlogError;
    expect(e.kind).toBe('duplicate');
    expect(sleeps).toHaveLength(0);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });
});

describe('secrets', () => {
  it('never puts the password or Authorization header in errors or log lines', async () => {
    const password = fake.users.bot.appPassword;
    const basic = Buffer.from(`discord-bot:${password}`).toString('base64');
    const { source, lines } = botSource({ retries: 2 });
    fake.faults.failNext(2, 500);
    await source.listEssays({ since: null });
    fake.faults.failNext(3, 500);
    const e = (await source.verify().catch((x: unknown) => x)) as Error;
    const bearer = createWordPressSource({
      baseUrl: 'blog.test',
      auth: { kind: 'bearer', token: 'tok-secret-123' },
      apiRoot: fake.url,
      sleep: async () => {},
      retries: 0,
    });
    const e2 = (await bearer.verify().catch((x: unknown) => x)) as Error;
    expect(lines.some((l) => l.includes('retrying'))).toBe(true);
    for (const text of [...lines, e.message, String(e.stack), e2.message]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(basic);
      expect(text).not.toContain('tok-secret-123');
    }
  });
});
