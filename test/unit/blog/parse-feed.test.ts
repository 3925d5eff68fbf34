import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/blog/feed/parse-feed.js';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Course Blog</title><link>https://blog.test</link>
<item><title>Destination De-Stalinization</title><link>https://blog.test/2024/03/01/destination/</link>
<dc:creator><![CDATA[Alice Student]]></dc:creator><pubDate>Fri, 01 Mar 2024 15:04:05 +0000</pubDate>
<category><![CDATA[Essays]]></category><category><![CDATA[Week 6]]></category>
<guid isPermaLink="false">https://blog.test/?p=42</guid>
<description><![CDATA[<p>Short</p>]]></description>
<content:encoded><![CDATA[<p>Despite the “excesses” — reforms</p>]]></content:encoded></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom Blog</title>
<entry><title type="html">Second &amp; last</title><id>tag:blog.test,2024:7</id>
<link rel="alternate" type="text/html" href="https://blog.test/p/7"/><link rel="replies" href="https://blog.test/p/7#comments"/>
<published>2024-03-02T10:00:00Z</published><updated>2024-03-03T10:00:00Z</updated>
<author><name>Bob Student</name></author><category term="Essays"/>
<content type="html">&lt;p&gt;Hello&lt;/p&gt;</content></entry></feed>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items with WordPress extensions', () => {
    const feed = parseFeed(rss);
    expect(feed.title).toBe('Course Blog');
    expect(feed.essays).toHaveLength(1);
    const e = feed.essays[0]!;
    expect(e).toMatchObject({
      blogPostId: 'https://blog.test/?p=42',
      url: 'https://blog.test/2024/03/01/destination/',
      title: 'Destination De-Stalinization',
      authorName: 'Alice Student',
      excerptHtml: '<p>Short</p>',
      categories: ['Essays', 'Week 6'],
      status: 'publish',
    });
    expect(e.contentHtml).toBe('<p>Despite the “excesses” — reforms</p>');
    expect(e.publishedAt.toISOString()).toBe('2024-03-01T15:04:05.000Z');
  });

  it('reads Atom entries', () => {
    const e = parseFeed(atom).essays[0]!;
    expect(e).toMatchObject({
      blogPostId: 'tag:blog.test,2024:7',
      url: 'https://blog.test/p/7',
      title: 'Second & last',
      authorName: 'Bob Student',
      categories: ['Essays'],
    });
    expect(e.contentHtml).toBe('<p>Hello</p>');
    expect(e.modifiedAt.toISOString()).toBe('2024-03-03T10:00:00.000Z');
  });

  it('rejects what is not a feed', () => {
    expect(() => parseFeed('<html><body>nope</body></html>')).toThrow(/not an RSS or Atom feed/);
  });
});
