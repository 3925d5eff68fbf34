// A bot world (Discord emulator + WordPress fake + real bot) with the push route served by its own Fastify
// on 127.0.0.1, and a sender that signs notifications exactly as the companion plugin does (wire protocol in
// the README, "Push endpoint"). The signature here is computed with node:crypto directly, not with the
// bot's signPush, so a mistake in the bot's verification cannot hide behind the same mistake in the test.
import { createHmac, randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { pushRoutes } from '../../../src/http/push/push-routes.js';
import { ManualClock, type Clock } from '../../../src/shared/clock.js';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';

export interface PushWorld extends BotWorld {
  app: FastifyInstance;
  pushUrl: string;
  secret: string;
  /** How many wakes the endpoint handed to the bot (what a forged or replayed request must not add to). */
  wakes: string[];
  /** Runs a slash command as the instructor in the staff channel; resolves with the reply text. */
  staffCommand(name: string, subcommand: string, options?: Record<string, string | boolean>): Promise<string>;
  send(notification: Notification, overrides?: SendOverrides): Promise<{ status: number; json: Record<string, unknown>; retryAfter: string | null }>;
}

export interface Notification {
  event: string;
  id: number;
  postId?: number;
}

export interface SendOverrides {
  deliveryId?: string;
  timestamp?: number;
  secret?: string;
  url?: string;
  rawBody?: string;
}

export const newDeliveryId = () => randomBytes(12).toString('base64url');

export async function startPushWorld(options: { rateLimit?: { capacity: number; perSecond: number }; clock?: Clock } = {}): Promise<PushWorld> {
  const world = await startBotWorld({ clock: options.clock });
  await world.setupCourse();
  const wakes: string[] = [];
  const app = Fastify();
  const ctx = world.bot.ctx;
  await app.register(
    pushRoutes({
      db: ctx.db,
      secrets: ctx.secrets,
      clock: ctx.clock,
      log: ctx.log,
      rateLimit: options.rateLimit,
      wake: (courseId, hint) => {
        wakes.push(courseId);
        world.bot.wakeCourse(courseId, hint.postId);
      },
    }),
  );
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  // The operator's PUBLIC_URL: the address the blog reaches the bot at.
  ctx.config.publicUrl = address;
  const staffCommand = async (name: string, subcommand: string, options: Record<string, string | boolean> = {}) =>
    (
      await world.emu
        .as(world.instructorId)
        .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name, subcommand, options })
        .response(10_000)
    ).content;
  // What staff copy from /course push into the plugin's settings page.
  const shown = await staffCommand('course', 'push');
  const pushUrl = /`(http:\/\/127\.0\.0\.1:\d+\/push\/v1\/[A-Za-z0-9_-]+)`/.exec(shown)?.[1];
  const secret = /`([0-9a-f]{64})`/.exec(shown)?.[1];
  if (!pushUrl || !secret) throw new Error(`/course push did not show a URL and secret: ${shown}`);

  async function send(notification: Notification, o: SendOverrides = {}) {
    const body = o.rawBody ?? JSON.stringify({ v: 1, ...notification, modified: new Date().toISOString().slice(0, 19) + 'Z', site: world.wp.url });
    const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', o.secret ?? secret!)
      .update(`${timestamp}.${body}`)
      .digest('hex');
    const response = await fetch(o.url ?? pushUrl!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-coursethreads-delivery': o.deliveryId ?? newDeliveryId(),
        'x-coursethreads-timestamp': timestamp,
        'x-coursethreads-signature': `sha256=${signature}`,
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, retryAfter: response.headers.get('retry-after') };
  }

  return {
    ...world,
    app,
    pushUrl,
    secret,
    wakes,
    staffCommand,
    send,
    async close() {
      await app.close();
      await world.close();
    },
  };
}

/** What the bot has mirrored into a thread from the blog: the thread's webhook messages, oldest first. */
export function mirroredInto(world: BotWorld, threadId: string): string[] {
  return world.emu
    .messagesIn(threadId)
    .filter((m) => m.webhook_id)
    .map((m) => m.content);
}

/**
 * A push world on a manual clock where student1 has published `essay` and `poll` (the bot's own sync unless the
 * test drives the course tick) has opened its thread; `mirrored()` reads what reached that thread since.
 */
export async function startPushWorldWithEssay(
  essay: { title: string; content: string },
  poll: (world: PushWorld) => Promise<unknown> = (world) => world.bot.syncNow(),
) {
  const clock = new ManualClock(new Date());
  const world = await startPushWorld({ clock });
  try {
    const post = await world.wp.as('student1').publishPost(essay);
    await poll(world);
    const threadId = essayThreadsIn(world, world.forumId)[0]!.id;
    return { world, clock, post, mirrored: () => mirroredInto(world, threadId) };
  } catch (error) {
    await world.close(); // the test never got the world to close it
    throw error;
  }
}
