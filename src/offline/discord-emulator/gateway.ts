// The WebSocket gateway: HELLO, IDENTIFY (token + shard checks), READY + GUILD_CREATE, heartbeats,
// dispatches routed by shard and intents, op 7 / RESUME with replay. Plain JSON (no zlib), as
// discord.js uses when zlib-sync is absent.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { GatewayCloseCodes, GatewayOpcodes } from 'discord-api-types/v10';
import type { DispatchTarget, EmuContext } from './context.js';
import { guildCreatePayload, guildsForShard, readyPayload } from './gateway-payloads.js';
import { applyMessageContentIntent, GatewaySession, intentFor } from './gateway-session.js';
import { isThread } from './permissions.js';
import { threadPayload } from './serializers.js';
import { shardForGuild } from './snowflake.js';

export const GATEWAY_PATH = '/gateway';
export const RESUME_PATH = '/gateway-resume';

export interface GatewayLogEntry {
  at: number;
  path: string;
  event: 'connect' | 'identify' | 'resume' | 'invalid-session' | 'close';
  sessionId?: string;
  shard?: [number, number];
  code?: number;
}

export class Gateway {
  readonly sessions = new Map<string, GatewaySession>();
  readonly log: GatewayLogEntry[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  /** While true, new gateway connections are refused (an outage between the bot and Discord). */
  refusing = false;

  constructor(private readonly ctx: EmuContext) {}

  get resumeUrl(): string {
    return `${this.ctx.config.baseUrl.replace(/^http/, 'ws')}${RESUME_PATH}`;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (this.refusing || (path !== GATEWAY_PATH && path !== RESUME_PATH)) return void socket.destroy();
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, path));
  }

  private onConnection(ws: WebSocket, path: string): void {
    this.log.push({ at: Date.now(), path, event: 'connect' });
    let session: GatewaySession | undefined;
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.ctx.config.heartbeatIntervalMs } }));
    ws.on('message', (raw) => {
      let payload: { op: number; d: any }; // client JSON; each opcode handler reads its own fields
      try {
        payload = JSON.parse(String(raw));
      } catch {
        return ws.close(GatewayCloseCodes.DecodeError, 'Decode error');
      }
      if (payload.op === GatewayOpcodes.Heartbeat) return ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
      if (payload.op === GatewayOpcodes.Identify || payload.op === GatewayOpcodes.Resume) {
        if (session) return ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated');
        session = payload.op === GatewayOpcodes.Identify ? this.identify(ws, path, payload.d) : this.resume(ws, path, payload.d);
        return;
      }
      if (!session) return ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated');
      // Presence updates (3), guild member requests (8) etc. are accepted and ignored.
    });
    ws.on('close', (code) => {
      this.log.push({ at: Date.now(), path, event: 'close', sessionId: session?.id, code });
      if (session?.ws === ws) session.ws = undefined;
    });
  }

  private tokenOk(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot /, '') === this.ctx.config.botToken;
  }

  private identify(ws: WebSocket, path: string, d: { token?: string; intents?: number; shard?: [number, number] }): GatewaySession | undefined {
    if (!this.tokenOk(d.token)) return void ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    const shard = d.shard ?? [0, 1];
    if (!Array.isArray(shard) || shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
      return void ws.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
    }
    const session = new GatewaySession(randomUUID().replace(/-/g, ''), [shard[0], shard[1]], d.intents ?? 0);
    session.ws = ws;
    this.sessions.set(session.id, session);
    this.log.push({ at: Date.now(), path, event: 'identify', sessionId: session.id, shard: session.shard });
    session.send('READY', readyPayload(this.ctx, session.id, session.shard, this.resumeUrl));
    for (const guildId of guildsForShard(this.ctx, session.shard)) session.send('GUILD_CREATE', guildCreatePayload(this.ctx, guildId));
    return session;
  }

  private resume(ws: WebSocket, path: string, d: { token?: string; session_id?: string; seq?: number }): GatewaySession | undefined {
    const session = d.session_id ? this.sessions.get(d.session_id) : undefined;
    if (!this.tokenOk(d.token) || !session) {
      this.log.push({ at: Date.now(), path, event: 'invalid-session', sessionId: d.session_id });
      ws.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return undefined;
    }
    if (session.ws && session.ws !== ws) session.ws.terminate();
    session.ws = ws;
    this.log.push({ at: Date.now(), path, event: 'resume', sessionId: session.id, shard: session.shard });
    session.replayAfter(d.seq ?? 0);
    session.send('RESUMED', null);
    return session;
  }

  /** Send an event to every session that should see it (shard, intents); missed ones replay on RESUME. */
  dispatch(event: string, data: unknown, target: DispatchTarget): void {
    const isDm = !target.guildId;
    const intent = intentFor(event, isDm);
    for (const session of this.sessions.values()) {
      const shardOk = isDm ? session.shard[0] === 0 : shardForGuild(target.guildId!, session.shard[1]) === session.shard[0];
      if (!shardOk || (intent !== undefined && !session.has(intent))) continue;
      if (target.channelId && event.startsWith('MESSAGE_CREATE')) this.announceThread(session, target.channelId);
      const d = event === 'MESSAGE_CREATE' || event === 'MESSAGE_UPDATE' ? applyMessageContentIntent(session, data, this.ctx.config.botUserId, isDm) : data;
      session.send(event, d);
    }
  }

  private announceThread(session: GatewaySession, channelId: string): void {
    const channel = this.ctx.state.channels.get(channelId);
    if (!channel || !isThread(channel) || session.knownChannels.has(channelId) || !session.has(1)) return;
    session.send('THREAD_CREATE', { ...threadPayload(channel), newly_created: false });
  }

  /** Force clients off: op 7 (they resume), or a dropped socket (close 1006; they resume too). */
  drop(mode: 'reconnect' | 'terminate' = 'reconnect'): void {
    for (const session of this.sessions.values()) {
      if (!session.ws) continue;
      if (mode === 'reconnect') session.ws.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null }));
      else session.ws.terminate();
    }
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
