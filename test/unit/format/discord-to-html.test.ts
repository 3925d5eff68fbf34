import { describe, expect, it } from 'vitest';
import { appendAttachmentLinks, discordMarkdownToSafeHtml, type MentionContext } from '../../../src/core/format/index.js';
import { itConverts } from './conversion-cases.js';

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

  itConverts(html, [
    ['shows raw HTML as the text the student typed', ['<script>alert("x")</script>', '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>']],
    // "&lt;" typed in Discord must display as the four characters "&lt;", not as "<".
    ['does not let entities typed by a student become markup', ['&lt;b&gt; and &#60;i&#62;', '<p>&amp;lt;b&amp;gt; and &amp;#60;i&amp;#62;</p>']],
    [
      'never links javascript:, data: or other schemes; shows the text as typed instead',
      ['[click](javascript:alert(1))', '<p>[click](javascript:alert(1))</p>'],
      ['[x](data:text/html,hi) <javascript:alert(1)>', '<p>[x](data:text/html,hi) &lt;javascript:alert(1)&gt;</p>'],
    ],
    [
      'percent-encodes quotes inside link targets so they cannot close the attribute',
      ['[x](https://e.edu/"onmouseover="alert(1))', '<p><a href="https://e.edu/%22onmouseover=%22alert(1)" rel="nofollow ugc">x</a></p>'],
    ],
    ['escapes display names returned by the resolver', ['hi <@666>', '<p>hi @&lt;img src=x onerror=alert(1)&gt;&quot;Eve&quot;</p>']],
  ]);
});

describe('discordMarkdownToSafeHtml: formatting', () => {
  itConverts(html, [
    [
      'renders bold, italic, underline, strike and bold italic',
      ['**b** *i* _i_ __u__ ~~s~~ ***bi***', '<p><strong>b</strong> <em>i</em> <em>i</em> <u>u</u> <del>s</del> <strong><em>bi</em></strong></p>'],
    ],
    [
      'leaves snake_case, lone asterisks and escaped markers as typed',
      ['snake_case_name 5 * 3 = 15 \\*not italic\\* \\_x\\_', '<p>snake_case_name 5 * 3 = 15 *not italic* _x_</p>'],
    ],
    ['shows spoilers as plain text (a blog cannot hide them)', ['the answer is ||42||', '<p>the answer is 42</p>']],
    ['keeps markdown inside inline code literal', ['`**not bold** <b>`', '<p><code>**not bold** &lt;b&gt;</code></p>']],
    [
      'renders code blocks with their language, content escaped once',
      ['```js\nif (a < b && c) {\n  s = "*";\n}\n```', '<pre><code class="language-js">if (a &lt; b &amp;&amp; c) {\n  s = &quot;*&quot;;\n}</code></pre>'],
    ],
    [
      'shows the real target on the blog when the text of a masked link names a different address',
      [
        'Please [https://discord.com/verify](<https://evil.example/login>) now',
        '<p>Please <a href="https://evil.example/login" rel="nofollow ugc">https://evil.example/login</a> now</p>',
      ],
      ['[wikipedia.org](https://en.wikipedia.org/wiki/Thaw)', '<p><a href="https://en.wikipedia.org/wiki/Thaw" rel="nofollow ugc">wikipedia.org</a></p>'],
    ],
    [
      'renders masked links, <links> and bare links (http/https only)',
      [
        '[the essay](https://blog.e.edu/p/?a=1&b=2) <https://e.edu/x> see https://e.edu/y_(z).',
        '<p><a href="https://blog.e.edu/p/?a=1&amp;b=2" rel="nofollow ugc">the essay</a> ' +
          '<a href="https://e.edu/x" rel="nofollow ugc">https://e.edu/x</a> ' +
          'see <a href="https://e.edu/y_(z)" rel="nofollow ugc">https://e.edu/y_(z)</a>.</p>',
      ],
    ],
    [
      'renders block quotes, including >>> to the end',
      ['> first\n> second\nafter', '<blockquote><p>first<br>\nsecond</p></blockquote>\n<p>after</p>'],
      ['intro\n>>> all of\nthis', '<p>intro</p>\n<blockquote><p>all of<br>\nthis</p></blockquote>'],
    ],
    [
      'renders bullet and numbered lists with nesting',
      ['- a\n  - a1\n- b\n\n3. c\n4. d', '<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>\n<ol start="3"><li>c</li><li>d</li></ol>'],
    ],
    ['turns lines into <br> and blank lines into paragraphs', ['one\ntwo\n\n\nthree', '<p>one<br>\ntwo</p>\n<p>three</p>']],
    ['renders headings and subtext as text a comment can hold', ['# Big\n-# small print', '<p><strong>Big</strong></p>\n<p>small print</p>']],
    ['returns an empty string for blank input', ['  \n ', '']],
  ]);
});

describe('discordMarkdownToSafeHtml: mentions, emoji, timestamps', () => {
  itConverts(html, [
    [
      'shows user, role and channel mentions by name, with fallbacks',
      ['<@111> <@!111> <@999> <@&333> <#222> <#999>', '<p>@Ana Ruiz @Ana Ruiz @unknown-user @Teaching Assistants #essay-week-3 #unknown-channel</p>'],
    ],
    [
      'shows custom emoji by name and slash commands by name',
      ['<:thinking_hard:123> <a:party:456> </review assign:789>', '<p>:thinking_hard: :party: /review assign</p>'],
    ],
  ]);

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
