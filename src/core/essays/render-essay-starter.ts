import { createHash } from 'node:crypto';
import { buildEssayStarter, excerptFromHtml, threadTitleFor, type StarterEmbed } from '../format/index.js';
import type { Essay } from '../types.js';
import { excerptSourceHtml, firstImageUrl } from './starter-sources.js';

export interface RenderedStarter {
  title: string;
  content: string;
  embed: StarterEmbed;
  hash: string;
}

/** Everything the essay's thread shows, from the essay alone, plus a hash to detect visible changes. */
export function renderEssayStarter(essay: Essay, input: { authorLabel: string; authorName: string; timeZone: string }): RenderedStarter {
  const excerptMarkdown = excerptFromHtml(excerptSourceHtml(essay), 1_200);
  // An essay of pictures only would show an empty card: its first picture stands in for the excerpt.
  const imageUrl = essay.featuredImageUrl ?? (excerptMarkdown.trim() === '' ? firstImageUrl(essay.contentHtml) : null);
  const title = threadTitleFor(essay.title);
  const starter = buildEssayStarter({
    title: essay.title,
    authorLabel: input.authorLabel,
    authorName: input.authorName,
    url: essay.url,
    publishedAt: essay.publishedAt,
    timeZone: input.timeZone,
    excerptMarkdown,
    featuredImageUrl: imageUrl,
  });
  const hash = createHash('sha256')
    .update(JSON.stringify([title, starter.content, starter.embed]))
    .digest('hex');
  return { title, content: starter.content, embed: starter.embed, hash };
}
