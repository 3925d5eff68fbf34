import { RESTEvents, type Client } from 'discord.js';
import type { DiscordRestCounting } from '../http/metrics-registry.js';

/**
 * Counts Discord REST traffic from discord.js's own events: every response (429s included) and every rate
 * limit it waited for. The route is discord.js's bucket route (`/channels/:id/messages`), never the full path.
 * Returns a function that stops counting.
 */
export function countDiscordRest(client: Client, counting: DiscordRestCounting): () => void {
  const onResponse = (request: { method: string; route: string }, response: { status: number }) =>
    counting.discordResponse(request.method, request.route, response.status);
  const onRateLimited = (info: { route: string; global: boolean }) => counting.discordRateLimited(info.route, info.global);
  client.rest.on(RESTEvents.Response, onResponse);
  client.rest.on(RESTEvents.RateLimited, onRateLimited);
  return () => {
    client.rest.off(RESTEvents.Response, onResponse);
    client.rest.off(RESTEvents.RateLimited, onRateLimited);
  };
}
