import { describe, expect, it } from 'vitest';
import { excerptSourceHtml, firstImageUrl } from '../../../src/core/essays/starter-sources.js';

const content = '<ul class="wp-block-list"><li>Bread queues</li><li>The 1956 amnesty</li></ul><p>Each tells a different story.</p>';

describe('where a starter excerpt comes from', () => {
  it('uses the content when the excerpt is WordPress’s automatic one (tags stripped, items glued)', () => {
    expect(excerptSourceHtml({ contentHtml: content, excerptHtml: '<p>Bread queuesThe 1956 amnesty Each tells a [&hellip;]</p>' })).toBe(content);
  });

  it('keeps an excerpt the student wrote themselves', () => {
    const own = '<p>Three sources, three stories about the thaw.</p>';
    expect(excerptSourceHtml({ contentHtml: content, excerptHtml: own })).toBe(own);
  });

  it('finds the first web image, decoding entities and skipping data URLs', () => {
    const html =
      '<img src="data:image/png;base64,xx"><figure><img alt="" src="https://blog.example.edu/a.jpg?w=1&amp;h=2"></figure><img src="https://blog.example.edu/b.jpg">';
    expect(firstImageUrl(html)).toBe('https://blog.example.edu/a.jpg?w=1&h=2');
    expect(firstImageUrl('<p>No pictures.</p>')).toBeNull();
  });
});
