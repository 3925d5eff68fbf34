import { describe, expect, it } from 'vitest';
import { discordMarkdownToSafeHtml, htmlToDiscordMarkdown, type MentionContext } from '../../../src/core/format/index.js';
import { itConverts } from './conversion-cases.js';

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

  const typography = 'Dana’s point — that the “thaw” was uneven – is fair… Café, naïve, Ölçer, Kraków 😀👍🏽 ‘yes’';

  itConverts(roundTrip, [
    ['keeps curly quotes, dashes, ellipses, accents and emoji exactly', [typography, typography]],
    ['keeps line breaks and paragraphs', ['first line\nsecond line\n\nnew paragraph', 'first line\nsecond line\n\nnew paragraph']],
    [
      'keeps bold, italic, underline and strike (underscore italics come back as asterisks)',
      ['**bold** *it* _also it_ __under__ ~~gone~~', '**bold** *it* *also it* __under__ ~~gone~~'],
    ],
    [
      'keeps inline code and code blocks verbatim, characters and all',
      [
        'Try `x_y * 2 < 3` here:\n```py\nprint("a < b & c")\n\nx = 1\n```',
        // A code block after a line of text becomes its own paragraph: Discord shows both the same.
        'Try `x_y * 2 < 3` here:\n\n```py\nprint("a < b & c")\n\nx = 1\n```',
      ],
    ],
    [
      'keeps links as links (without preview cards)',
      [
        'Read [the essay](https://blog.example.edu/2026/03/thaw/?a=1&b=2) and https://example.edu/a_b',
        'Read [the essay](<https://blog.example.edu/2026/03/thaw/?a=1&b=2>) and <https://example.edu/a_b>',
      ],
    ],
    // "5 * 3" was never formatting; coming back, the star is escaped so it still is not.
    ['keeps literal markdown characters literal', ['5 * 3 = 15 and \\*not italic\\*', '5 \\* 3 = 15 and \\*not italic\\*']],
    ['keeps a quote and a list', ['> you said this\nI answer\n\n- one\n- two', '> you said this\n\nI answer\n\n- one\n- two']],
    ['shows a mention as the person’s name', ['thanks <@111>!', 'thanks @Ana Ruiz!']],
  ]);

  it('keeps a 3000-character reply intact, paragraph for paragraph', () => {
    const sentence = 'The “thaw” reached the camps unevenly — some returned in 1956, others waited… café-era hopes faded. ';
    const paragraph = sentence.repeat(5).trim(); // 5 × 100 - 1 = 499 characters
    const typed = Array.from({ length: 6 }, (_, k) => `${k + 1}) ${paragraph}`).join('\n\n');
    expect(sentence.length).toBe(100);
    expect(typed.length).toBeGreaterThanOrEqual(3000);
    expect(roundTrip(typed)).toBe(typed);
  });
});
