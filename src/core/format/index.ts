// Pure text formatting between the blog (HTML) and Discord (markdown). No I/O.
export { DISCORD_LIMITS } from './discord-limits.js';
export { escapeDiscordText, markdownLinkTarget, neutraliseMentions } from './discord-escape.js';
export { htmlToDiscordMarkdown } from './html-to-discord.js';
export { htmlToPlainText } from './html-to-text.js';
export { cutAtWordBoundary } from './cut-at-word-boundary.js';
export { findCut, type BoundaryKind } from './cut-points.js';
export { threadTitleFor, UNTITLED_ESSAY } from './thread-title.js';
export { buildEssayStarter, embedLength, PUBLIC_BLOG_NOTICE, type EssayStarter, type EssayStarterInput, type StarterEmbed } from './essay-starter.js';
export { discordMarkdownToSafeHtml, type MentionContext } from './discord-to-html.js';
export { appendAttachmentLinks, attachmentKey, relinkAttachments, type AttachmentLink } from './attachment-links.js';
export { escapeHtml, unescapeHtml, safeHref } from './escape-html.js';
export { imageUrls } from './image-urls.js';
export { blogCommentToDiscord, MAX_COMMENT_CHUNKS, type BlogCommentToDiscordInput } from './blog-comment-to-discord.js';
export { splitMessage, type SplitOptions } from './split-message.js';
export { countWords } from './count-words.js';
export { excerptFromHtml, excerptFromMarkdown } from './excerpt.js';
export { discordTimestamp, formatDateInZone, type TimestampStyle } from './format-date.js';
export { stripShortcodes, cleanWordPressHtml } from './wordpress-cleanup.js';
