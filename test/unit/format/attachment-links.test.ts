import { describe, expect, it } from 'vitest';
import { appendAttachmentLinks, relinkAttachments } from '../../../src/core/format/index.js';

const cdn = (query: string) => `https://cdn.discordapp.com/attachments/1/2/map.png?${query}`;

describe('attachment links of a reply on the blog', () => {
  it('point at the uploaded copy, whatever the signature on the Discord link', () => {
    const html = appendAttachmentLinks('<p>See</p>', [
      { filename: 'map.png', url: cdn('ex=1&is=2&hm=3') },
      { filename: 'b.pdf', url: 'https://cdn.discordapp.com/attachments/1/3/b.pdf' },
    ]);
    const out = relinkAttachments(html, [{ from: cdn('ex=9&is=9&hm=9'), to: 'https://blog.example.edu/wp-content/uploads/2026/11/map.png' }]);
    expect(out).toBe(
      '<p>See</p>\n<p>Attachments: <a href="https://blog.example.edu/wp-content/uploads/2026/11/map.png" rel="nofollow ugc">map.png</a>, <a href="https://cdn.discordapp.com/attachments/1/3/b.pdf" rel="nofollow ugc">b.pdf</a></p>',
    );
  });

  it('never writes a copy address that is not http(s)', () => {
    const html = appendAttachmentLinks('', [{ filename: 'a.png', url: cdn('x=1') }]);
    expect(relinkAttachments(html, [{ from: cdn('x=1'), to: 'javascript:alert(1)' }])).toBe(html);
  });
});
