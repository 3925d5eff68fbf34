// The ready discord.js client as the composition root and the HTTP edge see it: its type, its shards'
// health and its interaction stream, so discord.js itself is imported only here in src/discord.
import { Events, Status, type Client, type Interaction } from 'discord.js';
import type { ShardState } from '../http/metrics-gauges.js';

/** The logged-in client (RunningBot.client: tests and the demo read the bot's view of Discord through it). */
export type ReadyClient = Client<true>;

/** The shards this client runs, as /readyz and the gateway gauges see them. */
export function shardStates(client: Client): ShardState[] {
  return [...client.ws.shards.values()].map((shard) => ({ id: shard.id, pingMs: shard.ping, ready: shard.status === Status.Ready }));
}

/** Every interaction (slash command, button, autocomplete) the client receives, handed to one handler. */
export function onInteraction(client: Client, handle: (interaction: Interaction) => void): void {
  client.on(Events.InteractionCreate, handle);
}

/**
 * A shard that starts a new gateway session after the first login (its old session could not be resumed):
 * the events of the gap are not replayed to it. Resumed sessions get theirs replayed and are not reported.
 */
export function onNewGatewaySession(client: Client, handle: (shardId: number) => void): void {
  client.on(Events.ShardReady, (shardId) => handle(shardId));
}

/** What an interaction handler receives (the composition root names it without importing discord.js). */
export type BotInteraction = Interaction;

/** The shards this process was asked to run, before the login says which it got: for the HTTP port. */
export function configuredShards(client: Client): { ids: number[]; count: number } {
  const asked = client.options.shards;
  return {
    ids: Array.isArray(asked) ? asked.filter((id): id is number => typeof id === 'number') : typeof asked === 'number' ? [asked] : [0],
    count: client.options.shardCount ?? 1,
  };
}
