import { createHash } from 'node:crypto';
import { buildEssayStarter, excerptFromHtml, threadTitleFor, type StarterEmbed } from '../format/index.js';
import type { Essay } from '../types.js';

export interface RenderedStarter {
  title: string;
  content: string;
  embed: StarterEmbed;
  hash: string;
}

/** Everything the essay's thread shows, from the essay alone, plus a hash to detect visible changes. */
export function renderEssayStarter(essay: Essay, input: { authorLabel: string; authorName: string; timeZone: string }): RenderedStarter {
  const excerptSource = essay.excerptHtml && essay.excerptHtml.trim() !== '' ? essay.excerptHtml : essay.contentHtml;
  const excerptMarkdown = excerptFromHtml(excerptSource, 1_200);
  const title = threadTitleFor(essay.title);
  const starter = buildEssayStarter({
    title: essay.title,
    authorLabel: input.authorLabel,
    authorName: input.authorName,
    url: essay.url,
    publishedAt: essay.publishedAt,
    timeZone: input.timeZone,
    excerptMarkdown,
    featuredImageUrl: essay.featuredImageUrl,
  });
  const hash = createHash('sha256').update(JSON.stringify([title, starter.content, starter.embed])).digest('hex');
  return { title, content: starter.content, embed: starter.embed, hash };
}
