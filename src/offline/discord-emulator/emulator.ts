// The emulator object tests and the demo hold: world building, people, reading state, faults.
// Routes, gateway and rules live in their own files; this class only wires them together.
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ChannelType, type APIOverwrite } from 'discord-api-types/v10';
import { actor, type Actor } from './actors.js';
import type { DiscordEmulatorOptions, EmuContext, EmulatorConfig } from './context.js';
import { Gateway, GATEWAY_PATH } from './gateway.js';
import { createRequestHandler } from './http-server.js';
import { InteractionTracker } from './interaction-tracker.js';
import { gatewayMessage } from './messages-core.js';
import { isThread } from './permissions.js';
import { RateLimiter, type FailNextRule } from './rate-limits.js';
import { registerAllRoutes } from './routes/index.js';
import { Router } from './router.js';
import { nextSnowflake } from './snowflake.js';
import { createState, type EmuChannel, type EmuMessage, type EmulatorState } from './state.js';
import { createThread, updateThread } from './threads-core.js';
import * as world from './world.js';

export class DiscordEmulator {
  readonly state: EmulatorState = createState();
  readonly config: EmulatorConfig;
  readonly gateway: Gateway;
  private readonly ctx: EmuContext;
  private readonly tracker = new InteractionTracker();
  private readonly limiter = new RateLimiter();
  private readonly server: Server;

  constructor(options: DiscordEmulatorOptions = {}) {
    const botUserId = options.botUserId ?? nextSnowflake();
    this.config = {
      botUserId,
      applicationId: options.applicationId ?? botUserId,
      botToken:
        options.botToken ?? `${Buffer.from(botUserId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(20).toString('base64url')}`,
      botUsername: options.botUsername ?? 'CourseThreads',
      shardCount: options.shardCount ?? 1,
      // High by default: @discordjs/ws waits 5 s between identifies that share a concurrency bucket.
      maxConcurrency: options.maxConcurrency ?? 16,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000,
      interactionResponseTimeoutMs: options.interactionResponseTimeoutMs ?? 3000,
      now: options.now ?? Date.now,
      baseUrl: '',
    };
    this.ctx = { state: this.state, config: this.config, dispatch: (e, d, t) => this.gateway.dispatch(e, d, t) };
    this.gateway = new Gateway(this.ctx);
    world.createUser(this.ctx, { id: botUserId, username: this.config.botUsername, bot: true });
    const router = new Router();
    registerAllRoutes(router, this.ctx, this.gateway, this.tracker);
    // The handler answers its own errors (500 with the reason), so nothing needs to wait for its promise.
    const handle = createRequestHandler(this.ctx, router, this.limiter);
    this.server = createServer((req, res) => void handle(req, res));
    this.server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
  }

  async listen(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.config.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.config.baseUrl}/api`;
  }
  get gatewayUrl(): string {
    return `${this.config.baseUrl.replace(/^http/, 'ws')}${GATEWAY_PATH}`;
  }
  get botToken(): string {
    return this.config.botToken;
  }
  get applicationId(): string {
    return this.config.applicationId;
  }
  get botUserId(): string {
    return this.config.botUserId;
  }

  // world building
  createGuild(input: world.GuildInput) {
    return world.createGuild(this.ctx, input);
  }
  createRole(guildId: string, input: { id?: string; name: string; permissions: bigint; mentionable?: boolean }) {
    return world.createRole(this.ctx, guildId, input);
  }
  createChannel(guildId: string, input: world.ChannelInput) {
    return world.createChannel(this.ctx, guildId, input);
  }
  setChannelPermissionOverwrites(channelId: string, overwrites: APIOverwrite[]) {
    world.setChannelPermissionOverwrites(this.ctx, channelId, overwrites);
  }
  /** An overwrite that denies the bot's role the given permissions (use with setChannelPermissionOverwrites). */
  denyBot(guildId: string, deny: bigint): APIOverwrite {
    return world.denyBot(this.ctx, guildId, deny);
  }
  createUser(input: { id?: string; username: string; globalName?: string | null; bot?: boolean }) {
    return world.createUser(this.ctx, input);
  }
  addMember(guildId: string, userId: string, roleIds: string[] = []) {
    world.addMember(this.ctx, guildId, userId, roleIds);
  }
  setDmClosed(userId: string, closed = true) {
    if (closed) this.state.dmClosed.add(userId);
    else this.state.dmClosed.delete(userId);
  }
  /** A thread made by a person (e.g. one that exists before the bot starts). */
  createThread(parentId: string, input: { name: string; ownerId: string; archived?: boolean; locked?: boolean }): EmuChannel {
    const parent = this.state.channels.get(parentId);
    if (!parent) throw new Error(`emulator: unknown channel ${parentId}`);
    const thread = createThread(this.ctx, { parent, name: input.name, ownerId: input.ownerId });
    if (input.archived || input.locked) this.setThreadState(thread.id, { archived: input.archived, locked: input.locked });
    return thread;
  }
  /** Archive/lock as Discord (or a moderator) would, e.g. auto-archive after inactivity. */
  setThreadState(threadId: string, patch: { archived?: boolean; locked?: boolean }): void {
    const thread = this.state.channels.get(threadId);
    if (!thread || !isThread(thread)) throw new Error(`emulator: ${threadId} is not a thread`);
    updateThread(this.ctx, thread, patch, this.state.guilds.get(thread.guild_id!)!.owner_id);
  }

  // people
  as(userId: string): Actor {
    return actor(this.ctx, this.tracker, userId);
  }

  // reading
  messagesIn(channelId: string): EmuMessage[] {
    return (this.state.messages.get(channelId) ?? []).filter((m) => !m.deleted && !m.ephemeral);
  }
  threadsIn(channelId: string): EmuChannel[] {
    return [...this.state.channels.values()].filter((c) => c.parent_id === channelId && isThread(c));
  }
  findThreadByName(name: string | RegExp, parentId?: string): EmuChannel | undefined {
    return [...this.state.channels.values()].find(
      (c) => isThread(c) && (!parentId || c.parent_id === parentId) && (typeof name === 'string' ? c.name === name : name.test(c.name ?? '')),
    );
  }
  dmsTo(userId: string): EmuMessage[] {
    const dm = [...this.state.channels.values()].find((c) => c.type === ChannelType.DM && c.recipient_ids?.includes(userId));
    return dm ? this.messagesIn(dm.id).filter((m) => m.author.id === this.botUserId) : [];
  }
  /** Logged requests for one route template, e.g. requestsFor('POST', '/channels/{channel_id}/messages'). */
  requestsFor(method: string, route: string) {
    return this.state.requests.filter((r) => r.method === method && r.route === route);
  }
  /** Requests the emulator had no route for: a test can assert this is empty. */
  unknownRequests() {
    return this.state.requests.filter((r) => !r.known);
  }

  // faults
  failNext(rule: FailNextRule): void {
    this.limiter.failNext(rule);
  }
  setRouteRateLimit(routeTemplate: string, bucket: { limit: number; windowMs: number }): void {
    this.limiter.setRouteRateLimit(routeTemplate, bucket);
  }
  dropGatewayConnections(mode: 'reconnect' | 'terminate' = 'reconnect'): void {
    this.gateway.drop(mode);
  }
  /** Refuse (true) or accept again (false) gateway connections: with dropGatewayConnections, a shard stays disconnected. */
  refuseGatewayConnections(refuse: boolean): void {
    this.gateway.refusing = refuse;
  }
  /** Sends a message's MESSAGE_CREATE again, as Discord may after a resume: a bot must not act on it twice. */
  redispatchMessageCreate(channelId: string, messageId: string): void {
    const message = this.messagesIn(channelId).find((m) => m.id === messageId);
    if (!message) throw new Error(`emulator: no message ${messageId} in channel ${channelId}`);
    this.ctx.dispatch('MESSAGE_CREATE', gatewayMessage(this.ctx, message), { guildId: this.state.channels.get(channelId)?.guild_id, channelId });
  }

  /** Polls until the predicate (sync or async: an async one is awaited, never taken as a truthy Promise) holds. */
  async waitFor<T>(predicate: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`emulator: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export async function startDiscordEmulator(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
  return new DiscordEmulator(options).listen(options.port);
}
