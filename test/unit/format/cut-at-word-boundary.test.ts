import { describe, expect, it } from 'vitest';
import { cutAtWordBoundary, threadTitleFor, UNTITLED_ESSAY } from '../../../src/core/format/index.js';
import { itConverts } from './conversion-cases.js';

/** The arguments of one call, as a table row: text, limit and (when a test sets one) the ellipsis. */
const cut = (args: Parameters<typeof cutAtWordBoundary>) => cutAtWordBoundary(...args);

describe('cutAtWordBoundary', () => {
  itConverts(cut, [
    ['returns text that fits unchanged', [['short text', 10], 'short text']],
    [
      'cuts between words and appends the ellipsis within the limit',
      // budget 19 chars: "The thaw came slow" (18) + "…"
      [['The thaw came slowly to the camps', 20], 'The thaw came…'],
      [['The thaw came slowly to the camps', 22], 'The thaw came slowly…'],
    ],
    ['never leaves a dangling comma or dash before the ellipsis', [['Returnees, some — after a decade, came home', 19], 'Returnees, some…']],
    ['accepts a custom ellipsis, including none', [['one two three four', 12, ' [...]'], 'one [...]'], [['one two three four', 9, ''], 'one two']],
  ]);

  it('does not split a masked link; it cuts before it', () => {
    const text = 'Read [the essay on the thaw](<https://e.edu/thaw>) tonight';
    const out = cutAtWordBoundary(text, 40);
    expect(out).toBe('Read…');
  });

  it('keeps a link that fits whole', () => {
    const text = 'See [this](<https://e.edu/x>) and much more text after it';
    expect(cutAtWordBoundary(text, 36)).toBe('See [this](<https://e.edu/x>) and…');
  });

  it('never splits a surrogate pair or an emoji sequence, even without spaces', () => {
    const emoji = '😀'.repeat(10); // 20 UTF-16 units
    const out = cutAtWordBoundary(emoji, 8);
    expect(out).toBe('😀😀😀…');
    const family = '👩‍👩‍👧'.repeat(3); // 8 units each
    expect(cutAtWordBoundary(family, 12)).toBe('👩‍👩‍👧…');
  });

  itConverts(cut, [
    [
      'cuts Chinese text at a word boundary found by Unicode segmentation',
      // Words: 我们|是|学生|我们|是|学生. Budget 5 ends exactly after 学生; budget 4 must not split 学生.
      [['我们是学生我们是学生', 6], '我们是学生…'],
      [['我们是学生我们是学生', 5], '我们是…'],
    ],
    ['splits a single over-long word only as a last resort', [['Antidisestablishmentarianism', 10], 'Antidises…']],
    ['does not leave a lone escape backslash before the ellipsis', [['aaaa \\*bbbb\\* cccc', 9], 'aaaa…']],
  ]);

  it('closes a code fence the cut left open', () => {
    const text = 'Intro\n```\nline one\nline two\nline three\n```';
    const out = cutAtWordBoundary(text, 30);
    expect(out).toBe('Intro\n```\nline one\nline\n```…');
    expect(out.length).toBeLessThanOrEqual(30);
  });

  itConverts(cut, [['handles limits smaller than the ellipsis', [['hello world', 1], '…'], [['hello world', 0], '']]]);
});

describe('threadTitleFor', () => {
  itConverts(threadTitleFor, [
    [
      'decodes entities and drops tags from a rendered WordPress title',
      ['Stalin&#8217;s <em>Secret</em> Speech &amp; the &#8220;Thaw&#8221;', 'Stalin’s Secret Speech & the “Thaw”'],
    ],
    ['collapses whitespace and line breaks', ['  The\n  Struggle \t for\u00a0Freedom  ', 'The Struggle for Freedom']],
    ['falls back to "Untitled essay" when nothing visible is left', ['', UNTITLED_ESSAY], ['  <b> </b> &nbsp; \u200b', 'Untitled essay']],
  ]);

  it('keeps long titles within 100 characters, cut between words', () => {
    const title = 'Destination De-Stalinization: '.repeat(5);
    const out = threadTitleFor(title);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.length).toBeGreaterThan(80);
    expect(out.endsWith('…')).toBe(true);
    expect(title.startsWith(out.slice(0, -1))).toBe(true);
  });

  itConverts(threadTitleFor, [['does not escape markdown (thread names are plain text)', ['Why *now*? A_B', 'Why *now*? A_B']]]);
});
