import { describe, expect, it } from 'vitest';
import { htmlToDiscordMarkdown } from '../../../src/core/format/index.js';
import { itConverts } from './conversion-cases.js';
import { SAMPLE_ESSAY_HTML } from './sample-essay.js';

const md = htmlToDiscordMarkdown;

describe('htmlToDiscordMarkdown', () => {
  it('converts a WordPress essay, keeping its typography and dropping WordPress noise', () => {
    expect(md(SAMPLE_ESSAY_HTML)).toBe(
      [
        'When the thaw came, it came unevenly — the “rehabilitations” that followed 1956 were real, yet the people they touched rarely found the lives they had lost (Smith, p. 212). Khần’s reading of the archive is careful… perhaps too careful.',
        '',
        '## What changed\u200a—\u200aand what didn’t',
        '',
        'Three things stand out: **amnesty**, *silence*, and the slow work of [reading the records](<https://example.edu/archive/records?id=7&page=2>). Returnees – some after a decade – met a society that was ‘not ready’ for them.',
        '',
        'Barracks near Vorkuta, 1950s',
        '',
        '- Release of short-sentence prisoners',
        '- A commission on coerced confessions',
        '',
        '> “They were never fully integrated.”',
        '> Class reading',
      ].join('\n'),
    );
  });

  it('keeps the characters people type exactly: quotes, dashes, ellipsis, accents, emoji', () => {
    const text = 'Señora Ölçer’s “café” — ‘déjà vu’ – naïve… 😀👩🏽‍🎓';
    expect(md(`<p>${text}</p>`)).toBe(text);
    expect(md('<p>&#8220;a&#8221; &ldquo;b&rdquo; &mdash; &ndash; &hellip; &eacute;</p>')).toBe('“a” “b” — – … é');
  });

  itConverts(md, [
    ['maps headings to Discord headings (h1-h3) or bold lines (h4-h6)', ['<h1>One</h1><h3>Three</h3><h5>Five</h5>', '# One\n\n### Three\n\n**Five**']],
    [
      'maps emphasis, strike, underline, code and line breaks',
      ['<p><b>b</b> <i>i</i> <del>d</del> <u>u</u> <code>x*y_z</code><br>next line</p>', '**b** *i* ~~d~~ __u__ `x*y_z`\nnext line'],
    ],
    [
      'turns <pre> into a fenced block with its language, untouched by escaping',
      [
        '<pre class="wp-block-code"><code class="language-python">if a_b * 2 &gt; 3:\n    print("*")</code></pre>',
        '```python\nif a_b * 2 > 3:\n    print("*")\n```',
      ],
    ],
    ['lengthens the fence when the code itself contains one', ['<pre><code>say ```hi```\n```</code></pre>', '````\nsay ```hi```\n```\n````']],
    [
      'writes numbered lists from their start attribute and nests sub-lists',
      ['<ol start="4"><li>four</li><li>five<ul><li>inner</li></ul></li></ol>', '4. four\n5. five\n   - inner'],
    ],
    [
      'makes masked links without preview cards, and bare links for self-labelled ones',
      [
        '<p><a href="https://e.edu/a (b)">the page</a> and <a href="https://e.edu/">https://e.edu/</a></p>',
        '[the page](<https://e.edu/a%20%28b%29>) and <https://e.edu/>',
      ],
    ],
  ]);

  it('shows the real target of a link whose text names a different address', () => {
    const evil = 'https://evil.example/login';
    for (const text of [
      'https://discord.com/verify',
      'discord.com/verify',
      'www.discord.com',
      'Verify at discord.com now',
      'https://discord\u200b.com',
      'discord\u2024com',
      'dіscord.com',
    ]) {
      expect(md(`<p>Go: <a href="${evil}">${text}</a></p>`), text).toBe(`Go: <${evil}>`);
    }
    expect(md('<p><a href="https://discord.com.evil.example/">discord.com</a></p>')).toBe('<https://discord.com.evil.example/>');
  });

  itConverts(md, [
    [
      'keeps link text that names the site the link really goes to, or no site at all',
      [
        '<p><a href="https://en.wikipedia.org/wiki/Thaw">wikipedia.org</a>, <a href="https://example.com/x">Example.com</a> and <a href="https://e.edu/">Smith et al. (p. 3)</a></p>',
        '[wikipedia.org](<https://en.wikipedia.org/wiki/Thaw>), [Example.com](<https://example.com/x>) and [Smith et al. (p. 3)](<https://e.edu/>)',
      ],
    ],
    [
      'keeps only the text of javascript:, mailto: and relative links, and drops image-only links',
      [
        '<p><a href="javascript:alert(1)">x</a> <a href="mailto:a@b.c">mail</a> <a href="/p/2">rel</a> <a href="https://e.edu"><img src="a.png"></a>end</p>',
        'x mail rel end',
      ],
    ],
    [
      'drops images, scripts, styles, iframes and empty paragraphs',
      [
        '<p>a</p><p>&nbsp;</p><p></p><img src="x.png" alt="alt"><script>alert(1)</script><style>p{}</style><iframe src="https://e.edu"></iframe><p>b</p>',
        'a\n\nb',
      ],
    ],
    [
      'removes shortcodes it knows but leaves bracketed prose such as [sic] and [1]',
      [
        '<p>[gallery ids="1,2"]He wrote “teh” [sic] [1].</p><p>[embed]https://video.example/v/1[/embed]</p>',
        'He wrote “teh” \\[sic\\] \\[1\\].\n\nhttps://video.example/v/1',
      ],
    ],
    [
      'turns the excerpt marker [&hellip;] into an ellipsis and drops "Continue reading" links',
      ['<p>The first lines [&hellip;]</p><p><a href="https://e.edu/p/">Read more &raquo;</a></p>', 'The first lines…'],
    ],
    [
      'escapes markdown characters in plain text so nothing turns into formatting',
      ['<p>*not bold* _not it_ ~~no~~ ||no|| `no` \\ [x](y)</p>', '\\*not bold\\* \\_not it\\_ \\~\\~no\\~\\~ \\|\\|no\\|\\| \\`no\\` \\\\ \\[x\\](y)'],
    ],
    [
      'escapes block syntax at the start of a line only',
      [
        '<p># not a heading<br>&gt; not a quote<br>- not a list<br>1. not a list<br>-# not subtext</p><p>a # b &gt; c - d 1. e</p>',
        '\\# not a heading\n\\> not a quote\n\\- not a list\n1\\. not a list\n\\-# not subtext\n\na # b > c - d 1. e',
      ],
    ],
    ['leaves underscores in bare URLs alone so the links still work', ['<p>See https://e.edu/a_b_c?x=*1* now</p>', 'See https://e.edu/a_b_c?x=*1* now']],
  ]);

  it('neutralises @everyone, @here and raw mention syntax with a zero-width space', () => {
    const out = md('<p>Hi @everyone and @here, &lt;@123&gt; &lt;@&amp;45&gt; &lt;#67&gt; &lt;t:1700000000&gt;</p>');
    expect(out).toBe('Hi @\u200beveryone and @\u200bhere, <\u200b@123> <\u200b@&45> <\u200b#67> <\u200bt:1700000000>');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<#\d|<t:\d/);
  });

  itConverts(md, [
    ['flattens nested quotes, which Discord cannot show', ['<blockquote><p>outer</p><blockquote><p>inner</p></blockquote></blockquote>', '> outer\n> inner']],
    ['returns an empty string for empty or whitespace-only HTML', ['', ''], ['<p>&nbsp;</p><!-- wp:paragraph --><p> </p>', '']],
  ]);
});
