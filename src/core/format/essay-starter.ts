import { cutAtWordBoundary } from './cut-at-word-boundary.js';
import { DISCORD_LIMITS } from './discord-limits.js';
import { escapeDiscordText, neutraliseMentions } from './discord-escape.js';
import { excerptFromMarkdown } from './excerpt.js';
import { formatDateInZone } from './format-date.js';
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
  /** Left unset by new starters (Discord would show the date a second time beside the footer); kept for queued ones. */
  timestamp?: string;
  footer: { text: string };
}

export interface EssayStarter {
  content: string;
  embed: StarterEmbed;
}

/**
 * Issue 12 item 11: before anyone replies, the thread says where replies go. Subtext (`-#`), so it reads as
 * a note under the starter rather than part of the essay.
 */
export const PUBLIC_BLOG_NOTICE = '-# Replies in this thread are published on the public class blog.';

const isHttpUrl = (u: string) => /^https?:\/\/\S+$/i.test(u);

/** Total characters Discord counts toward the 6000 embed limit. */
export function embedLength(embed: StarterEmbed): number {
  return embed.title.length + embed.description.length + embed.footer.text.length + (embed.author?.name.length ?? 0);
}

/**
 * The starter message of an essay thread. Each fact appears once (issue 12 item 9): the content names the
 * essay and its author, carries the essay URL on its own line as `<url>` (no preview card; also the marker
 * the bot looks for to recognise a thread it already created) and says replies are published on the blog.
 * The embed is the card: title linked to the essay, excerpt, author, image, and the publication date in the
 * course's zone in the footer (no embed timestamp: Discord would show the date again beside it).
 */
export function buildEssayStarter(input: EssayStarterInput): EssayStarter {
  const maxContent = Math.min(input.maxContent ?? DISCORD_LIMITS.content, DISCORD_LIMITS.content);
  const title = threadTitleFor(input.title);
  const marker = `<${input.url}>`;

  // The title is the only part that may need shortening; the marker, mention and notice must stay whole.
  const fixed = `📝 **** — a new essay by ${input.authorLabel}\n${marker}\n${PUBLIC_BLOG_NOTICE}`;
  const titleRoom = Math.max(1, maxContent - fixed.length);
  const safeTitle = cutAtWordBoundary(neutraliseMentions(escapeDiscordText(title)), titleRoom);
  const content = `📝 **${safeTitle}** — a new essay by ${input.authorLabel}\n${marker}\n${PUBLIC_BLOG_NOTICE}`;

  const footerText = cutAtWordBoundary(`Published ${formatDateInZone(input.publishedAt, input.timeZone, 'F', input.locale)}`, DISCORD_LIMITS.embedFooterText);
  const embed: StarterEmbed = {
    title: cutAtWordBoundary(title, DISCORD_LIMITS.embedTitle),
    url: input.url,
    description: '',
    footer: { text: footerText },
  };
  const authorName = input.authorName?.replace(/\s+/g, ' ').trim();
  if (authorName) embed.author = { name: cutAtWordBoundary(authorName, DISCORD_LIMITS.embedAuthorName) };
  if (input.featuredImageUrl && isHttpUrl(input.featuredImageUrl)) embed.image = { url: input.featuredImageUrl };

  const room = Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - embedLength(embed));
  embed.description = excerptFromMarkdown(input.excerptMarkdown.trim(), Math.min(room, input.maxExcerpt ?? 1500));
  // Only an absurdly long author label gets here: drop it rather than lose the URL marker.
  const fallback = `📝 **${cutAtWordBoundary(safeTitle, Math.max(1, maxContent - marker.length - PUBLIC_BLOG_NOTICE.length - 9))}**\n${marker}\n${PUBLIC_BLOG_NOTICE}`;
  return { content: content.length <= maxContent ? content : fallback, embed };
}
