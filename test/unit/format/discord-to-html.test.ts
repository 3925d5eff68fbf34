import { describe, expect, it } from 'vitest';
import { appendAttachmentLinks, discordMarkdownToSafeHtml, type MentionContext } from '../../../src/core/format/index.js';

const ctx: MentionContext = {
  resolveUser: (id) => ({ '111': 'Ana Ruiz', '666': '<img src=x onerror=alert(1)>"Eve"' })[id] ?? null,
  resolveChannel: (id) => (id === '222' ? 'essay-week-3' : null),
  resolveRole: (id) => (id === '333' ? 'Teaching Assistants' : null),
  timeZone: 'America/New_York',
};
const html = (md: string) => discordMarkdownToSafeHtml(md, ctx);

// Every tag the renderer may write; anything else in the output is an injection.
const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'u', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a']);
function tagsIn(out: string): string[] {
  return [...out.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
}

describe('discordMarkdownToSafeHtml: injection', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '**<svg onload=alert(1)>**',
    '`<script>`',
    '```\n</code></pre><script>alert(1)</script>\n```',
    '[x](https://e.edu/"onmouseover="alert(1))',
    '[x](<https://e.edu/"><script>alert(1)</script>>)',
    '<https://e.edu/"onclick="alert(1)>',
    'https://e.edu/"><img src=x onerror=alert(1)>',
    '&lt;script&gt;alert(1)&lt;/script&gt; &#60;b&#62;',
    '> <iframe src="https://evil.example">',
    '- <style>body{display:none}</style>',
    '<@666>',
  ];

  it.each(attacks)('writes only whitelisted tags for %j', (attack) => {
    const out = html(attack);
    for (const tag of tagsIn(out)) expect(ALLOWED_TAGS.has(tag), `unexpected <${tag}> in ${out}`).toBe(true);
    expect(out).not.toMatch(/<(script|img|svg|iframe|style)/i);
    // No attribute other than the ones the renderer writes.
    for (const attr of out.matchAll(/<a\s([^>]*)>/g)) expect(attr[1]).toMatch(/^href="[^"<>]*" rel="nofollow ugc"$/);
  });

  it('shows raw HTML as the text the student typed', () => {
    expect(html('<script>alert("x")</script>')).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  });

  it('does not let entities typed by a student become markup', () => {
    // "&lt;" typed in Discord must display as the four characters "&lt;", not as "<".
    expect(html('&lt;b&gt; and &#60;i&#62;')).toBe('<p>&amp;lt;b&amp;gt; and &amp;#60;i&amp;#62;</p>');
  });

  it('never links javascript:, data: or other schemes; shows the text as typed instead', () => {
    expect(html('[click](javascript:alert(1))')).toBe('<p>[click](javascript:alert(1))</p>');
    expect(html('[x](data:text/html,hi) <javascript:alert(1)>')).toBe('<p>[x](data:text/html,hi) &lt;javascript:alert(1)&gt;</p>');
  });

  it('percent-encodes quotes inside link targets so they cannot close the attribute', () => {
    expect(html('[x](https://e.edu/"onmouseover="alert(1))')).toBe('<p><a href="https://e.edu/%22onmouseover=%22alert(1)" rel="nofollow ugc">x</a></p>');
  });

  it('escapes display names returned by the resolver', () => {
    expect(html('hi <@666>')).toBe('<p>hi @&lt;img src=x onerror=alert(1)&gt;&quot;Eve&quot;</p>');
  });
});

describe('discordMarkdownToSafeHtml: formatting', () => {
  it('renders bold, italic, underline, strike and bold italic', () => {
    expect(html('**b** *i* _i_ __u__ ~~s~~ ***bi***')).toBe(
      '<p><strong>b</strong> <em>i</em> <em>i</em> <u>u</u> <del>s</del> <strong><em>bi</em></strong></p>',
    );
  });

  it('leaves snake_case, lone asterisks and escaped markers as typed', () => {
    expect(html('snake_case_name 5 * 3 = 15 \\*not italic\\* \\_x\\_')).toBe('<p>snake_case_name 5 * 3 = 15 *not italic* _x_</p>');
  });

  it('shows spoilers as plain text (a blog cannot hide them)', () => {
    expect(html('the answer is ||42||')).toBe('<p>the answer is 42</p>');
  });

  it('keeps markdown inside inline code literal', () => {
    expect(html('`**not bold** <b>`')).toBe('<p><code>**not bold** &lt;b&gt;</code></p>');
  });

  it('renders code blocks with their language, content escaped once', () => {
    expect(html('```js\nif (a < b && c) {\n  s = "*";\n}\n```')).toBe(
      '<pre><code class="language-js">if (a &lt; b &amp;&amp; c) {\n  s = &quot;*&quot;;\n}</code></pre>',
    );
  });

  it('shows the real target on the blog when the text of a masked link names a different address', () => {
    expect(html('Please [https://discord.com/verify](<https://evil.example/login>) now')).toBe(
      '<p>Please <a href="https://evil.example/login" rel="nofollow ugc">https://evil.example/login</a> now</p>',
    );
    expect(html('[wikipedia.org](https://en.wikipedia.org/wiki/Thaw)')).toBe(
      '<p><a href="https://en.wikipedia.org/wiki/Thaw" rel="nofollow ugc">wikipedia.org</a></p>',
    );
  });

  it('renders masked links, <links> and bare links (http/https only)', () => {
    expect(html('[the essay](https://blog.e.edu/p/?a=1&b=2) <https://e.edu/x> see https://e.edu/y_(z).')).toBe(
      '<p><a href="https://blog.e.edu/p/?a=1&amp;b=2" rel="nofollow ugc">the essay</a> ' +
        '<a href="https://e.edu/x" rel="nofollow ugc">https://e.edu/x</a> ' +
        'see <a href="https://e.edu/y_(z)" rel="nofollow ugc">https://e.edu/y_(z)</a>.</p>',
    );
  });

  it('renders block quotes, including >>> to the end', () => {
    expect(html('> first\n> second\nafter')).toBe('<blockquote><p>first<br>\nsecond</p></blockquote>\n<p>after</p>');
    expect(html('intro\n>>> all of\nthis')).toBe('<p>intro</p>\n<blockquote><p>all of<br>\nthis</p></blockquote>');
  });

  it('renders bullet and numbered lists with nesting', () => {
    expect(html('- a\n  - a1\n- b\n\n3. c\n4. d')).toBe('<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>\n<ol start="3"><li>c</li><li>d</li></ol>');
  });

  it('turns lines into <br> and blank lines into paragraphs', () => {
    expect(html('one\ntwo\n\n\nthree')).toBe('<p>one<br>\ntwo</p>\n<p>three</p>');
  });

  it('renders headings and subtext as text a comment can hold', () => {
    expect(html('# Big\n-# small print')).toBe('<p><strong>Big</strong></p>\n<p>small print</p>');
  });

  it('returns an empty string for blank input', () => {
    expect(html('  \n ')).toBe('');
  });
});

describe('discordMarkdownToSafeHtml: mentions, emoji, timestamps', () => {
  it('shows user, role and channel mentions by name, with fallbacks', () => {
    expect(html('<@111> <@!111> <@999> <@&333> <#222> <#999>')).toBe(
      '<p>@Ana Ruiz @Ana Ruiz @unknown-user @Teaching Assistants #essay-week-3 #unknown-channel</p>',
    );
  });

  it('shows custom emoji by name and slash commands by name', () => {
    expect(html('<:thinking_hard:123> <a:party:456> </review assign:789>')).toBe('<p>:thinking_hard: :party: /review assign</p>');
  });

  it('writes timestamps as dates in the course time zone', () => {
    // 1772564700 = 2026-03-03T19:05:00Z = 2:05 PM in New York (EST).
    expect(html('<t:1772564700:D>')).toBe('<p>March 3, 2026</p>');
    const full = html('<t:1772564700:f> <t:1772564700>');
    expect(full.match(/March 3, 2026.{1,5}2:05\sPM EST/g)).toHaveLength(2);
  });
});

describe('appendAttachmentLinks', () => {
  it('appends escaped links to http(s) attachments only', () => {
    const out = appendAttachmentLinks('<p>see files</p>', [
      { filename: 'notes <v2>.pdf', url: 'https://cdn.discordapp.com/attachments/1/2/notes.pdf?ex=1&is=2' },
      { filename: 'evil.html', url: 'javascript:alert(1)' },
      { filename: 'chart.png', url: 'https://cdn.discordapp.com/attachments/1/3/chart.png' },
    ]);
    expect(out).toBe(
      '<p>see files</p>\n<p>Attachments: ' +
        '<a href="https://cdn.discordapp.com/attachments/1/2/notes.pdf?ex=1&amp;is=2" rel="nofollow ugc">notes &lt;v2&gt;.pdf</a>, ' +
        '<a href="https://cdn.discordapp.com/attachments/1/3/chart.png" rel="nofollow ugc">chart.png</a></p>',
    );
  });

  it('leaves the HTML alone when there is nothing linkable', () => {
    expect(appendAttachmentLinks('<p>x</p>', [])).toBe('<p>x</p>');
    expect(appendAttachmentLinks('', [{ filename: 'a.png', url: 'https://e.edu/a.png' }])).toBe(
      '<p>Attachment: <a href="https://e.edu/a.png" rel="nofollow ugc">a.png</a></p>',
    );
  });
});
