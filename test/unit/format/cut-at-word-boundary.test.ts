import { describe, expect, it } from 'vitest';
import { cutAtWordBoundary, threadTitleFor, UNTITLED_ESSAY } from '../../../src/core/format/index.js';

describe('cutAtWordBoundary', () => {
  it('returns text that fits unchanged', () => {
    expect(cutAtWordBoundary('short text', 10)).toBe('short text');
  });

  it('cuts between words and appends the ellipsis within the limit', () => {
    // budget 19 chars: "The thaw came slow" (18) + "…"
    expect(cutAtWordBoundary('The thaw came slowly to the camps', 20)).toBe('The thaw came…');
    expect(cutAtWordBoundary('The thaw came slowly to the camps', 22)).toBe('The thaw came slowly…');
  });

  it('never leaves a dangling comma or dash before the ellipsis', () => {
    expect(cutAtWordBoundary('Returnees, some — after a decade, came home', 19)).toBe('Returnees, some…');
  });

  it('accepts a custom ellipsis, including none', () => {
    expect(cutAtWordBoundary('one two three four', 12, ' [...]')).toBe('one [...]');
    expect(cutAtWordBoundary('one two three four', 9, '')).toBe('one two');
  });

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

  it('cuts Chinese text at a word boundary found by Unicode segmentation', () => {
    // Words: 我们|是|学生|我们|是|学生. Budget 5 ends exactly after 学生; budget 4 must not split 学生.
    expect(cutAtWordBoundary('我们是学生我们是学生', 6)).toBe('我们是学生…');
    expect(cutAtWordBoundary('我们是学生我们是学生', 5)).toBe('我们是…');
  });

  it('splits a single over-long word only as a last resort', () => {
    expect(cutAtWordBoundary('Antidisestablishmentarianism', 10)).toBe('Antidises…');
  });

  it('does not leave a lone escape backslash before the ellipsis', () => {
    expect(cutAtWordBoundary('aaaa \\*bbbb\\* cccc', 9)).toBe('aaaa…');
  });

  it('closes a code fence the cut left open', () => {
    const text = 'Intro\n```\nline one\nline two\nline three\n```';
    const out = cutAtWordBoundary(text, 30);
    expect(out).toBe('Intro\n```\nline one\nline\n```…');
    expect(out.length).toBeLessThanOrEqual(30);
  });

  it('handles limits smaller than the ellipsis', () => {
    expect(cutAtWordBoundary('hello world', 1)).toBe('…');
    expect(cutAtWordBoundary('hello world', 0)).toBe('');
  });
});

describe('threadTitleFor', () => {
  it('decodes entities and drops tags from a rendered WordPress title', () => {
    expect(threadTitleFor('Stalin&#8217;s <em>Secret</em> Speech &amp; the &#8220;Thaw&#8221;')).toBe('Stalin’s Secret Speech & the “Thaw”');
  });

  it('collapses whitespace and line breaks', () => {
    expect(threadTitleFor('  The\n  Struggle \t for\u00a0Freedom  ')).toBe('The Struggle for Freedom');
  });

  it('falls back to "Untitled essay" when nothing visible is left', () => {
    expect(threadTitleFor('')).toBe(UNTITLED_ESSAY);
    expect(threadTitleFor('  <b> </b> &nbsp; \u200b')).toBe('Untitled essay');
  });

  it('keeps long titles within 100 characters, cut between words', () => {
    const title = 'Destination De-Stalinization: '.repeat(5);
    const out = threadTitleFor(title);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.length).toBeGreaterThan(80);
    expect(out.endsWith('…')).toBe(true);
    expect(title.startsWith(out.slice(0, -1))).toBe(true);
  });

  it('does not escape markdown (thread names are plain text)', () => {
    expect(threadTitleFor('Why *now*? A_B')).toBe('Why *now*? A_B');
  });
});
