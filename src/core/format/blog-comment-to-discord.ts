import { cutAtWordBoundary } from './cut-at-word-boundary.js';
import { DISCORD_LIMITS } from './discord-limits.js';
import { escapeDiscordText, markdownLinkTarget, neutraliseMentions } from './discord-escape.js';
import { htmlToDiscordMarkdown } from './html-to-discord.js';
import { imageUrls } from './image-urls.js';
import { splitMessage } from './split-message.js';

export interface BlogCommentToDiscordInput {
  /** Shown as the webhook message's name (see webhookUsername), not in the text. */
  authorName: string;
  contentHtml: string;
  /** The comment's permalink (…#comment-123): also the marker for finding the mirror later. */
  url: string;
  /** The comment this one replies to; `excerpt` is plain text. */
  parent?: { authorName: string; excerpt: string } | null;
  maxContent?: number;
}

export const MAX_COMMENT_CHUNKS = 3;
const PARENT_EXCERPT_CHARS = 100;

const plain = (text: string) => neutraliseMentions(escapeDiscordText(text.replace(/\s+/g, ' ').trim()));

/**
 * A blog comment as Discord messages: a header linking the comment (the author's name is the name the
 * message is posted under, so the header does not repeat it), a
 * one-line quote of the comment it answers, then the body as Discord markdown. Long comments are
 * split at natural boundaries into at most three messages; beyond that the text is cut and points
 * to the blog.
 */
export function blogCommentToDiscord(input: BlogCommentToDiscordInput): string[] {
  const max = Math.min(input.maxContent ?? DISCORD_LIMITS.content, DISCORD_LIMITS.content);
  const lines = [`💬 [Commented on the blog](<${markdownLinkTarget(input.url)}>):`];
  if (input.parent) {
    const excerpt = cutAtWordBoundary(plain(input.parent.excerpt), PARENT_EXCERPT_CHARS);
    const who = plain(input.parent.authorName) || 'someone';
    lines.push(excerpt ? `> ↪ replying to **${who}**: “${excerpt}”` : `> ↪ replying to **${who}**`);
  }
  // Pictures have no Discord markdown: each one becomes "[image]" and its address, so an image-only
  // comment is not an empty message and a picture beside text is not lost.
  const pictures = imageUrls(input.contentHtml).map((url) => `[image] <${markdownLinkTarget(url)}>`);
  const body = [htmlToDiscordMarkdown(input.contentHtml), ...pictures].filter(Boolean).join('\n');
  const text = body ? `${lines.join('\n')}\n${body}` : lines.join('\n');
  return splitMessage(text, {
    max,
    maxChunks: MAX_COMMENT_CHUNKS,
    overflowNote: `\n\n… continued on the blog: <${input.url}>`,
  });
}
