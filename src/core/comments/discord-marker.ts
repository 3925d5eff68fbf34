/**
 * The bot's own mark on a blog comment it wrote for a Discord message: an HTML comment naming the message,
 * invisible to readers. It survives WordPress's filters (kses keeps HTML comments, only folding `--`), needs no
 * plugin (comment meta would), and makes each message's comment text unique, so WordPress's duplicate-comment
 * check never confuses two people's "Agreed." or one person's second "Great post!".
 */
const markerPattern = /<!--\s*coursethreads:discord-message:(\d+)\s*-->/g;

export function withDiscordMarker(html: string, discordMessageId: string): string {
  if (!/^\d+$/.test(discordMessageId)) throw new Error(`not a Discord message id: ${discordMessageId}`);
  return `${withoutDiscordMarker(html)}<!-- coursethreads:discord-message:${discordMessageId} -->`;
}

/** The Discord message a blog comment was written for, when the bot wrote it (exactly one marker). */
export function discordMessageIdOf(html: string): string | null {
  const ids = [...html.matchAll(markerPattern)].map((m) => m[1]!);
  return ids.length === 1 ? ids[0]! : null;
}

export function withoutDiscordMarker(html: string): string {
  return html.replace(markerPattern, '');
}
