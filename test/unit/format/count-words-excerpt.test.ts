import { describe, expect, it } from 'vitest';
import { countWords, excerptFromHtml, htmlToPlainText } from '../../../src/core/format/index.js';
import { SAMPLE_ESSAY_HTML } from './sample-essay.js';

describe('countWords', () => {
  it('counts words in plain text, with hyphenated words and contractions as one', () => {
    expect(countWords('The post-Stalin thaw didn’t reach everyone.')).toBe(6);
  });

  it('does not count emoji, dashes or stray punctuation', () => {
    expect(countWords('Great post 😀 — really … 👍🏽 !!')).toBe(3);
  });

  it('strips markup and decodes entities before counting', () => {
    expect(countWords('<p>One&nbsp;two <strong>three</strong></p><p>four&#8212;five</p><!-- wp:x --><script>var a = 1;</script>')).toBe(4);
  });

  it('counts numbers and accented words', () => {
    expect(countWords('Café naïve 1956 Ölçer')).toBe(4);
  });

  it('counts Chinese and Japanese by word segmentation', () => {
    expect(countWords('我们是学生')).toBe(3); // 我们 | 是 | 学生
    expect(countWords('Hello 我们是学生 world')).toBe(5);
  });

  it('does not count Discord mentions, custom emoji or timestamps', () => {
    expect(countWords('thanks <@123456> <#42> <:pog:99> <a:wave:7> <t:1700000000:R> for this')).toBe(3);
  });

  it('returns 0 for empty or symbol-only input', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('<p>&nbsp;</p>')).toBe(0);
    expect(countWords('— … 😀')).toBe(0);
  });

  it('counts the sample essay as a reader would', () => {
    const text = htmlToPlainText(SAMPLE_ESSAY_HTML);
    expect(countWords(SAMPLE_ESSAY_HTML)).toBe(text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length);
    expect(countWords(SAMPLE_ESSAY_HTML)).toBeGreaterThan(90);
  });
});

describe('htmlToPlainText', () => {
  it('keeps paragraphs and line breaks, decodes entities, drops scripts and images', () => {
    expect(htmlToPlainText('<p>a&nbsp;&amp;&#8217;b<br>c</p><img src="x"><script>x()</script><p>d <em>e</em></p>')).toBe('a &’b\nc\n\nd e');
  });
});

describe('excerptFromHtml', () => {
  it('returns the whole text when it fits', () => {
    expect(excerptFromHtml('<p>Short “one”.</p>', 100)).toBe('Short “one”.');
  });

  it('keeps whole paragraphs when they fit and stops at a paragraph boundary', () => {
    const html = `<p>${'a'.repeat(50)}</p><p>${'b'.repeat(50)}</p><p>${'c '.repeat(100)}</p>`;
    expect(excerptFromHtml(html, 130)).toBe(`${'a'.repeat(50)}\n\n${'b'.repeat(50)}`);
  });

  it('cuts the next paragraph at a word boundary when much room is left', () => {
    const html = `<p>Intro.</p><p>${'word '.repeat(100)}</p>`;
    const out = excerptFromHtml(html, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.startsWith('Intro.\n\nword word')).toBe(true);
    expect(out.endsWith('word…')).toBe(true);
  });

  it('never ends on a dangling heading', () => {
    const html = `<p>${'x'.repeat(60)}</p><h2>Next part</h2><p>${'y '.repeat(100)}</p>`;
    expect(excerptFromHtml(html, 80)).toBe('x'.repeat(60));
  });

  it('cuts a single long paragraph with an ellipsis', () => {
    const out = excerptFromHtml(SAMPLE_ESSAY_HTML, 120);
    expect(out).toBe('When the thaw came, it came unevenly — the “rehabilitations” that followed 1956 were real, yet the people they touched…');
  });
});
