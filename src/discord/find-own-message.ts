// Finds a message the bot itself sent after a given time, by a marker line, in a DM or a channel: the
// check that makes a reminder retried after Discord's nonce window idempotent (docs/adr/0003). Discord
// lists messages newest first; with `after` it returns the `limit` messages right after that id, so the
// pages walk forward from the intent's time until a short page says there is nothing newer.
import type { Client } from 'discord.js';

/** Discord's epoch (2015-01-01): a snowflake is milliseconds since it, shifted left 22 bits. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;
const PAGE = 100;
/** A day of a busy reminder thread at most; a reminder older than that is given up anyway. */
const MAX_PAGES = 30;

/** The smallest snowflake of that millisecond: `after` it lists everything sent from that time on. */
export function snowflakeAt(time: Date): string {
  return ((BigInt(Math.max(time.getTime(), Number(DISCORD_EPOCH_MS))) - DISCORD_EPOCH_MS) << 22n).toString();
}

export async function findOwnMessageSince(
  client: Client<true>,
  target: { userId: string } | { channelId: string },
  since: Date,
  marker: string,
): Promise<string | null> {
  const channel = 'userId' in target ? await (await client.users.fetch(target.userId)).createDM() : await client.channels.fetch(target.channelId);
  if (!channel?.isTextBased()) return null;
  let after = snowflakeAt(since);
  for (let page = 0; page < MAX_PAGES; page++) {
    const messages = await channel.messages.fetch({ after, limit: PAGE, cache: false });
    const own = messages.find((m) => m.author.id === client.user.id && m.content.split('\n').includes(marker));
    if (own) return own.id;
    if (messages.size < PAGE) return null;
    after = [...messages.keys()].reduce((newest, id) => (BigInt(id) > BigInt(newest) ? id : newest), after);
  }
  return null;
}
