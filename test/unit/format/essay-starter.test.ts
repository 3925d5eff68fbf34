import { describe, expect, it } from 'vitest';
import { buildEssayStarter, embedLength, excerptFromHtml, type EssayStarterInput } from '../../../src/core/format/index.js';
import { SAMPLE_ESSAY_HTML } from './sample-essay.js';

const URL_ = 'https://blog.example.edu/2026/03/03/the-thaw/';
const base: EssayStarterInput = {
  title: 'The Thaw&#8217;s <em>Uneven</em> Return',
  authorLabel: '<@412345678901234567>',
  authorName: 'Dana Kowalski',
  url: URL_,
  publishedAt: new Date('2026-03-03T19:05:00Z'),
  timeZone: 'America/New_York',
  excerptMarkdown: 'First paragraph — with “quotes”.\n\nSecond paragraph.',
  featuredImageUrl: 'https://blog.example.edu/wp-content/uploads/thaw.jpg',
};

describe('buildEssayStarter', () => {
  it('builds the content with title, author, the URL marker and the public-blog notice', () => {
    const { content } = buildEssayStarter(base);
    expect(content).toBe(
      '📝 **The Thaw’s Uneven Return** — a new essay by <@412345678901234567>\n' +
        `<${URL_}>\n` +
        '-# Replies in this thread are published on the public class blog.',
    );
  });

  it('builds the embed card: linked title, excerpt, author, image, and the date once in the footer', () => {
    const { embed } = buildEssayStarter(base);
    expect(embed).toEqual({
      title: 'The Thaw’s Uneven Return',
      url: URL_,
      description: 'First paragraph — with “quotes”.\n\nSecond paragraph.',
      author: { name: 'Dana Kowalski' },
      image: { url: 'https://blog.example.edu/wp-content/uploads/thaw.jpg' },
      footer: { text: 'Published Tuesday, March 3, 2026 at 2:05 PM EST' },
    });
  });

  it('formats the footer date in the course time zone, not UTC', () => {
    const { embed } = buildEssayStarter({ ...base, timeZone: 'Asia/Tokyo' });
    expect(embed.footer.text).toContain('Wednesday, March 4, 2026');
    expect(embed.footer.text).toMatch(/4:05\sAM/);
  });

  it('omits author and image when there is no plain name or no http(s) image', () => {
    const { embed } = buildEssayStarter({ ...base, authorName: null, featuredImageUrl: 'data:image/png;base64,xx' });
    expect(embed.author).toBeUndefined();
    expect(embed.image).toBeUndefined();
  });

  it('escapes markdown in the content title but not in the embed title', () => {
    const starter = buildEssayStarter({ ...base, title: 'Why *now*? @everyone' });
    expect(starter.content.startsWith('📝 **Why \\*now\\*? @\u200beveryone**')).toBe(true);
    expect(starter.embed.title).toBe('Why *now*? @everyone');
  });

  it('stays within every Discord limit for a huge title and excerpt', () => {
    const starter = buildEssayStarter({
      ...base,
      title: 'A very long title about the thaw '.repeat(20),
      excerptMarkdown: 'Long paragraph with many words in it. '.repeat(400),
      maxExcerpt: 10_000,
    });
    expect(starter.content.length).toBeLessThanOrEqual(2000);
    expect(starter.content).toContain(URL_);
    expect(starter.embed.title.length).toBeLessThanOrEqual(256);
    expect(starter.embed.description.length).toBeLessThanOrEqual(4096);
    expect(embedLength(starter.embed)).toBeLessThanOrEqual(6000);
    // The excerpt is cut between words, with an ellipsis.
    expect(starter.embed.description).toMatch(/ (Long|paragraph|with|many|words|in|it\.)…$/);
  });

  it('respects a smaller maxContent and keeps the URL marker whole', () => {
    const starter = buildEssayStarter({ ...base, title: 'Word '.repeat(100), maxContent: 200 });
    expect(starter.content.length).toBeLessThanOrEqual(200);
    expect(starter.content.split('\n')).toContain(`<${URL_}>`);
    expect(starter.content).toContain('published on the public class blog');
  });

  it('keeps the essay link whole for URLs with parentheses or spaces', () => {
    const url = 'https://blog.example.edu/2026/03/thaw-(part 2)/';
    const { embed, content } = buildEssayStarter({ ...base, url });
    expect(embed.url).toBe(url);
    expect(content.split('\n')).toContain(`<${url}>`);
  });

  it('cuts the default excerpt at a paragraph boundary when paragraphs fit', () => {
    const excerpt = 'A'.repeat(700) + '\n\n' + 'B'.repeat(700) + '\n\n' + 'C'.repeat(700);
    const { embed } = buildEssayStarter({ ...base, excerptMarkdown: excerpt });
    expect(embed.description).toBe(`${'A'.repeat(700)}\n\n${'B'.repeat(700)}`);
  });

  it('works end to end with an excerpt taken from WordPress HTML', () => {
    const excerptMarkdown = excerptFromHtml(SAMPLE_ESSAY_HTML, 300);
    const { embed } = buildEssayStarter({ ...base, excerptMarkdown });
    expect(embed.description.startsWith('When the thaw came, it came unevenly — the “rehabilitations”')).toBe(true);
    expect(embed.description).not.toMatch(/&nbsp;|&#8212;|wp:|Continue reading|\[caption/);
  });
});
