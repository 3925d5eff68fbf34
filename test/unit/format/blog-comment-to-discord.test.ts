import { describe, expect, it } from 'vitest';
import { blogCommentToDiscord, splitMessage } from '../../../src/core/format/index.js';

const URL_ = 'https://blog.example.edu/2026/03/03/the-thaw/#comment-88';

describe('blogCommentToDiscord', () => {
  it('mirrors a short comment with a header linking back to the blog', () => {
    const out = blogCommentToDiscord({
      authorName: 'Parker',
      contentHtml: '<p>I agree &#8212; but why did he <em>give in</em>?</p>',
      url: URL_,
    });
    expect(out).toEqual([`💬 [Commented on the blog](<${URL_}>):\nI agree — but why did he *give in*?`]);
  });

  it('quotes the parent comment as one short line naming its author', () => {
    const out = blogCommentToDiscord({
      authorName: 'Jo_Lee',
      contentHtml: '<p>Good point.</p>',
      url: URL_,
      parent: {
        authorName: 'Sam',
        excerpt: 'Interesting analysis of the release of prisoners and the long\nshadow it cast over the following decades of Soviet life',
      },
    });
    expect(out).toEqual([
      `💬 [Commented on the blog](<${URL_}>):\n` +
        '> ↪ replying to **Sam**: “Interesting analysis of the release of prisoners and the long shadow it cast over the following…”\n' +
        'Good point.',
    ]);
  });

  it('defuses mentions in names and text', () => {
    const [msg] = blogCommentToDiscord({ authorName: 'Ana', contentHtml: '<p>hi @here</p>', url: URL_, parent: { authorName: '@everyone', excerpt: '' } });
    expect(msg).not.toMatch(/@everyone|@here/);
    expect(msg).toContain('@\u200beveryone');
  });

  it('shows each picture as “[image]” and its address, after the text', () => {
    const [msg] = blogCommentToDiscord({
      authorName: 'Ana',
      contentHtml: '<p>See this:</p><img src="https://blog.example.edu/a.png?w=1&amp;h=2"><img src="data:image/png;base64,xx">',
      url: URL_,
    });
    expect(msg).toBe(`💬 [Commented on the blog](<${URL_}>):\nSee this:\n[image] <https://blog.example.edu/a.png?w=1&h=2>`);
  });

  it('splits a long comment at paragraph boundaries into messages of at most 2000 characters', () => {
    const paragraph = (n: number) => `Paragraph ${n}: ` + 'the thaw came slowly and unevenly, '.repeat(20).trim();
    const html = [1, 2, 3, 4].map((n) => `<p>${paragraph(n)}</p>`).join('');
    const out = blogCommentToDiscord({ authorName: 'Ana', contentHtml: html, url: URL_ });
    expect(out.length).toBe(2);
    for (const chunk of out) expect(chunk.length).toBeLessThanOrEqual(2000);
    // Each chunk ends at the end of a paragraph and starts at the start of one.
    expect(out[0]!.endsWith(paragraph(2))).toBe(true);
    expect(out[1]).toBe(`${paragraph(3)}\n\n${paragraph(4)}`);
  });

  it('stops at three messages and points to the blog for the rest', () => {
    const words = Array.from({ length: 2000 }, (_, k) => `word${k}`).join(' ');
    const out = blogCommentToDiscord({ authorName: 'Ana', contentHtml: `<p>${words}</p>`, url: URL_ });
    expect(out).toHaveLength(3);
    for (const chunk of out) expect(chunk.length).toBeLessThanOrEqual(2000);
    expect(out[2]!.endsWith(`…\n\n… continued on the blog: <${URL_}>`)).toBe(true);
    // Nothing is repeated or lost between chunks 1 and 2: the words run on.
    const last1 = out[0]!.split(' ').pop()!;
    const first2 = out[1]!.split(' ')[0]!;
    expect(Number(first2.slice(4))).toBe(Number(last1.slice(4)) + 1);
  });

  it('honours a smaller maxContent', () => {
    const out = blogCommentToDiscord({ authorName: 'A', contentHtml: '<p>' + 'abc def. '.repeat(60) + '</p>', url: URL_, maxContent: 300 });
    expect(out).toHaveLength(3);
    for (const chunk of out) expect(chunk.length).toBeLessThanOrEqual(300);
  });
});

describe('splitMessage', () => {
  it('returns short text as one chunk', () => {
    expect(splitMessage('hello', { max: 10 })).toEqual(['hello']);
  });

  it('prefers sentence boundaries over word boundaries inside a paragraph', () => {
    const text = 'First sentence is here. Second one follows it. Third.';
    expect(splitMessage(text, { max: 30 })).toEqual(['First sentence is here.', 'Second one follows it. Third.']);
  });

  it('closes and reopens a code block split across messages', () => {
    const code = Array.from({ length: 30 }, (_, k) => `line ${k}`).join('\n');
    const out = splitMessage('```js\n' + code + '\n```', { max: 120 });
    expect(out.length).toBeGreaterThan(1);
    for (const chunk of out) {
      expect(chunk.length).toBeLessThanOrEqual(120);
      expect(chunk.startsWith('```js\n')).toBe(true);
      expect(chunk.endsWith('\n```')).toBe(true);
    }
    const lines = out.flatMap((c) => c.split('\n').filter((l) => l.startsWith('line ')));
    expect(lines).toEqual(code.split('\n'));
  });

  it('never splits a masked link across messages', () => {
    const text = 'a '.repeat(20) + '[a link to the essay](<https://e.edu/x>)' + ' b'.repeat(20);
    const out = splitMessage(text, { max: 60 });
    expect(out.some((c) => c.includes('[a link to the essay](<https://e.edu/x>)'))).toBe(true);
  });
});
