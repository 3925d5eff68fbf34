// One identified gateway session: its shard, intents, sequence and every dispatch sent, so a
// RESUME can replay what the client missed while disconnected.
import type { WebSocket } from 'ws';
import { GatewayIntentBits as I, GatewayOpcodes } from 'discord-api-types/v10';

export interface SentDispatch {
  s: number;
  t: string;
  d: unknown;
}

export class GatewaySession {
  seq = 0;
  readonly sent: SentDispatch[] = [];
  /** Channels this session has been told about; a message in any other thread gets THREAD_CREATE first. */
  readonly knownChannels = new Set<string>();
  ws: WebSocket | undefined;

  constructor(
    readonly id: string,
    readonly shard: [number, number],
    readonly intents: number,
  ) {}

  has(intent: number): boolean {
    return (this.intents & intent) === intent;
  }

  send(t: string, d: unknown): void {
    this.seq += 1;
    const entry = { s: this.seq, t, d };
    this.sent.push(entry);
    if (this.sent.length > 10_000) this.sent.shift();
    this.remember(t, d);
    this.write(entry);
  }

  replayAfter(seq: number): void {
    for (const entry of this.sent) if (entry.s > seq) this.write(entry);
  }

  private write(entry: SentDispatch): void {
    if (this.ws?.readyState === 1) this.ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...entry }));
  }

  private remember(t: string, d: unknown): void {
    const data = d as { id?: string; channels?: { id: string }[]; threads?: { id: string }[] };
    if (t === 'GUILD_CREATE') for (const c of [...(data.channels ?? []), ...(data.threads ?? [])]) this.knownChannels.add(c.id);
    if ((t === 'THREAD_CREATE' || t === 'CHANNEL_CREATE') && data.id) this.knownChannels.add(data.id);
  }
}

/** Which intent an event needs; DMs and guild messages use different ones. */
export function intentFor(event: string, isDm: boolean): number | undefined {
  if (event.startsWith('GUILD_MEMBER')) return I.GuildMembers;
  if (event === 'WEBHOOKS_UPDATE') return I.GuildWebhooks;
  if (event.startsWith('GUILD_') || event.startsWith('CHANNEL_') || event.startsWith('THREAD_')) return I.Guilds;
  if (event.startsWith('MESSAGE_REACTION')) return isDm ? I.DirectMessageReactions : I.GuildMessageReactions;
  if (event.startsWith('MESSAGE_')) return isDm ? I.DirectMessages : I.GuildMessages;
  if (event === 'TYPING_START') return isDm ? I.DirectMessageTyping : I.GuildMessageTyping;
  return undefined;
}

interface MessageLike {
  author?: { id: string };
  mentions?: { id: string }[];
  content?: string;
  embeds?: unknown[];
  attachments?: unknown[];
  components?: unknown[];
}

/**
 * Without the privileged MessageContent intent Discord blanks content, embeds, attachments and
 * components, except in DMs, the bot's own messages and messages that mention the bot.
 */
export function applyMessageContentIntent(session: GatewaySession, d: unknown, botUserId: string, isDm: boolean): unknown {
  if (session.has(I.MessageContent) || isDm) return d;
  const m = d as MessageLike;
  if (m.author?.id === botUserId || m.mentions?.some((u) => u.id === botUserId)) return d;
  return { ...m, content: '', embeds: [], attachments: [], components: [] };
}
