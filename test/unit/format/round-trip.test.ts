import { describe, expect, it } from 'vitest';
import { discordMarkdownToSafeHtml, htmlToDiscordMarkdown, type MentionContext } from '../../../src/core/format/index.js';

const ctx: MentionContext = {
  resolveUser: (id) => (id === '111' ? 'Ana Ruiz' : null),
  resolveChannel: () => null,
  resolveRole: () => null,
};

/**
 * What WordPress hands back for a stored comment: on a database without utf8mb4 it encodes
 * emoji (wp_encode_emoji), themes and feeds often carry typography as numeric entities, and kses
 * writes XHTML-style <br />. Encoding every non-ASCII character is the harsher version of that.
 */
function asWordPressReturnsIt(html: string): string {
  return html.replace(/<br>/g, '<br />').replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
}

const roundTrip = (typed: string) => htmlToDiscordMarkdown(asWordPressReturnsIt(discordMarkdownToSafeHtml(typed, ctx)));

describe('Discord -> blog comment -> Discord reads the same', () => {
  it('the WordPress stand-in really changes the HTML (so the test is not trivial)', () => {
    expect(asWordPressReturnsIt(discordMarkdownToSafeHtml('Dana’s “thaw” — 😀', ctx))).toBe('<p>Dana&#8217;s &#8220;thaw&#8221; &#8212; &#128512;</p>');
  });

  it('keeps curly quotes, dashes, ellipses, accents and emoji exactly', () => {
    const typed = 'Dana’s point — that the “thaw” was uneven – is fair… Café, naïve, Ölçer, Kraków 😀👍🏽 ‘yes’';
    expect(roundTrip(typed)).toBe(typed);
  });

  it('keeps line breaks and paragraphs', () => {
    expect(roundTrip('first line\nsecond line\n\nnew paragraph')).toBe('first line\nsecond line\n\nnew paragraph');
  });

  it('keeps bold, italic, underline and strike (underscore italics come back as asterisks)', () => {
    expect(roundTrip('**bold** *it* _also it_ __under__ ~~gone~~')).toBe('**bold** *it* *also it* __under__ ~~gone~~');
  });

  it('keeps inline code and code blocks verbatim, characters and all', () => {
    expect(roundTrip('Try `x_y * 2 < 3` here:\n```py\nprint("a < b & c")\n\nx = 1\n```')).toBe(
      // A code block after a line of text becomes its own paragraph: Discord shows both the same.
      'Try `x_y * 2 < 3` here:\n\n```py\nprint("a < b & c")\n\nx = 1\n```',
    );
  });

  it('keeps links as links (without preview cards)', () => {
    expect(roundTrip('Read [the essay](https://blog.example.edu/2026/03/thaw/?a=1&b=2) and https://example.edu/a_b')).toBe(
      'Read [the essay](<https://blog.example.edu/2026/03/thaw/?a=1&b=2>) and <https://example.edu/a_b>',
    );
  });

  it('keeps literal markdown characters literal', () => {
    // "5 * 3" was never formatting; coming back, the star is escaped so it still is not.
    expect(roundTrip('5 * 3 = 15 and \\*not italic\\*')).toBe('5 \\* 3 = 15 and \\*not italic\\*');
  });

  it('keeps a quote and a list', () => {
    expect(roundTrip('> you said this\nI answer\n\n- one\n- two')).toBe('> you said this\n\nI answer\n\n- one\n- two');
  });

  it('shows a mention as the person’s name', () => {
    expect(roundTrip('thanks <@111>!')).toBe('thanks @Ana Ruiz!');
  });

  it('keeps a 3000-character reply intact, paragraph for paragraph', () => {
    const sentence = 'The “thaw” reached the camps unevenly — some returned in 1956, others waited… café-era hopes faded. ';
    const paragraph = sentence.repeat(5).trim(); // 5 × 100 - 1 = 499 characters
    const typed = Array.from({ length: 6 }, (_, k) => `${k + 1}) ${paragraph}`).join('\n\n');
    expect(sentence.length).toBe(100);
    expect(typed.length).toBeGreaterThanOrEqual(3000);
    expect(roundTrip(typed)).toBe(typed);
  });
});
