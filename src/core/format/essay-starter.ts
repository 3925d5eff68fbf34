import { cutAtWordBoundary } from './cut-at-word-boundary.js';
import { DISCORD_LIMITS } from './discord-limits.js';
import { escapeDiscordText, markdownLinkTarget, neutraliseMentions } from './discord-escape.js';
import { excerptFromMarkdown } from './excerpt.js';
import { discordTimestamp, formatDateInZone } from './format-date.js';
import { threadTitleFor } from './thread-title.js';

export interface EssayStarterInput {
  title: string;
  /** Already safe: a `<@id>` mention of the linked student or an escaped display name. */
  authorLabel: string;
  /** Plain name for the embed's author line (embeds cannot show mentions there). */
  authorName?: string | null;
  url: string;
  publishedAt: Date;
  /** IANA zone of the course, e.g. "America/New_York". */
  timeZone: string;
  locale?: string;
  excerptMarkdown: string;
  featuredImageUrl: string | null;
  maxContent?: number;
  /** Longest excerpt shown; a wall of 4096 characters is not a teaser. */
  maxExcerpt?: number;
}

export interface StarterEmbed {
  title: string;
  url: string;
  description: string;
  author?: { name: string };
  image?: { url: string };
  timestamp: string;
  footer: { text: string };
}

export interface EssayStarter {
  content: string;
  embed: StarterEmbed;
}

export const READ_FULL_ESSAY = 'Read the full essay';

const isHttpUrl = (u: string) => /^https?:\/\/\S+$/i.test(u);

/** Total characters Discord counts toward the 6000 embed limit. */
export function embedLength(embed: StarterEmbed): number {
  return embed.title.length + embed.description.length + embed.footer.text.length + (embed.author?.name.length ?? 0);
}

/**
 * The starter message of an essay thread. The content names the essay, its author and date, and
 * carries the essay URL on its own line as `<url>` (no preview card) — the marker the bot looks for
 * to recognise a thread it already created. The embed is the card: linked title, excerpt ending in
 * a "Read the full essay" link, author, featured image, publication date in the course's zone.
 */
export function buildEssayStarter(input: EssayStarterInput): EssayStarter {
  const maxContent = Math.min(input.maxContent ?? DISCORD_LIMITS.content, DISCORD_LIMITS.content);
  const title = threadTitleFor(input.title);
  const marker = `<${input.url}>`;
  const when = discordTimestamp(input.publishedAt, 'f');

  // The title is the only part that may need shortening; the marker and mention must stay whole.
  const fixed = `📝 **** — a new essay by ${input.authorLabel}\nPublished ${when}\n${marker}`;
  const titleRoom = Math.max(1, maxContent - fixed.length);
  const safeTitle = cutAtWordBoundary(neutraliseMentions(escapeDiscordText(title)), titleRoom);
  const content = `📝 **${safeTitle}** — a new essay by ${input.authorLabel}\nPublished ${when}\n${marker}`;

  const footerText = cutAtWordBoundary(
    `Published ${formatDateInZone(input.publishedAt, input.timeZone, 'F', input.locale)}`,
    DISCORD_LIMITS.embedFooterText,
  );
  const embed: StarterEmbed = {
    title: cutAtWordBoundary(title, DISCORD_LIMITS.embedTitle),
    url: input.url,
    description: '',
    timestamp: input.publishedAt.toISOString(),
    footer: { text: footerText },
  };
  const authorName = input.authorName?.replace(/\s+/g, ' ').trim();
  if (authorName) embed.author = { name: cutAtWordBoundary(authorName, DISCORD_LIMITS.embedAuthorName) };
  if (input.featuredImageUrl && isHttpUrl(input.featuredImageUrl)) embed.image = { url: input.featuredImageUrl };

  const readMore = `📖 [${READ_FULL_ESSAY}](${markdownLinkTarget(input.url)})`;
  const room = Math.min(
    DISCORD_LIMITS.embedDescription,
    DISCORD_LIMITS.embedTotal - embedLength(embed),
  ) - readMore.length - 2;
  const excerpt = excerptFromMarkdown(input.excerptMarkdown.trim(), Math.min(room, input.maxExcerpt ?? 1500));
  embed.description = excerpt ? `${excerpt}\n\n${readMore}` : readMore;
  // Only an absurdly long author label gets here: drop it rather than lose the URL marker.
  const fallback = `📝 **${cutAtWordBoundary(safeTitle, Math.max(1, maxContent - marker.length - 8))}**\n${marker}`;
  return { content: content.length <= maxContent ? content : fallback, embed };
}
