import { describe, expect, it } from 'vitest';
import { htmlToDiscordMarkdown } from '../../../src/core/format/index.js';
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

  it('maps headings to Discord headings (h1-h3) or bold lines (h4-h6)', () => {
    expect(md('<h1>One</h1><h3>Three</h3><h5>Five</h5>')).toBe('# One\n\n### Three\n\n**Five**');
  });

  it('maps emphasis, strike, underline, code and line breaks', () => {
    expect(md('<p><b>b</b> <i>i</i> <del>d</del> <u>u</u> <code>x*y_z</code><br>next line</p>')).toBe('**b** *i* ~~d~~ __u__ `x*y_z`\nnext line');
  });

  it('turns <pre> into a fenced block with its language, untouched by escaping', () => {
    expect(md('<pre class="wp-block-code"><code class="language-python">if a_b * 2 &gt; 3:\n    print("*")</code></pre>')).toBe(
      '```python\nif a_b * 2 > 3:\n    print("*")\n```',
    );
  });

  it('lengthens the fence when the code itself contains one', () => {
    expect(md('<pre><code>say ```hi```\n```</code></pre>')).toBe('````\nsay ```hi```\n```\n````');
  });

  it('writes numbered lists from their start attribute and nests sub-lists', () => {
    expect(md('<ol start="4"><li>four</li><li>five<ul><li>inner</li></ul></li></ol>')).toBe('4. four\n5. five\n   - inner');
  });

  it('makes masked links without preview cards, and bare links for self-labelled ones', () => {
    expect(md('<p><a href="https://e.edu/a (b)">the page</a> and <a href="https://e.edu/">https://e.edu/</a></p>')).toBe(
      '[the page](<https://e.edu/a%20%28b%29>) and <https://e.edu/>',
    );
  });

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

  it('keeps link text that names the site the link really goes to, or no site at all', () => {
    expect(
      md(
        '<p><a href="https://en.wikipedia.org/wiki/Thaw">wikipedia.org</a>, <a href="https://example.com/x">Example.com</a> and <a href="https://e.edu/">Smith et al. (p. 3)</a></p>',
      ),
    ).toBe('[wikipedia.org](<https://en.wikipedia.org/wiki/Thaw>), [Example.com](<https://example.com/x>) and [Smith et al. (p. 3)](<https://e.edu/>)');
  });

  it('keeps only the text of javascript:, mailto: and relative links, and drops image-only links', () => {
    expect(
      md('<p><a href="javascript:alert(1)">x</a> <a href="mailto:a@b.c">mail</a> <a href="/p/2">rel</a> <a href="https://e.edu"><img src="a.png"></a>end</p>'),
    ).toBe('x mail rel end');
  });

  it('drops images, scripts, styles, iframes and empty paragraphs', () => {
    expect(
      md('<p>a</p><p>&nbsp;</p><p></p><img src="x.png" alt="alt"><script>alert(1)</script><style>p{}</style><iframe src="https://e.edu"></iframe><p>b</p>'),
    ).toBe('a\n\nb');
  });

  it('removes shortcodes it knows but leaves bracketed prose such as [sic] and [1]', () => {
    expect(md('<p>[gallery ids="1,2"]He wrote “teh” [sic] [1].</p><p>[embed]https://video.example/v/1[/embed]</p>')).toBe(
      'He wrote “teh” \\[sic\\] \\[1\\].\n\nhttps://video.example/v/1',
    );
  });

  it('turns the excerpt marker [&hellip;] into an ellipsis and drops "Continue reading" links', () => {
    expect(md('<p>The first lines [&hellip;]</p><p><a href="https://e.edu/p/">Read more &raquo;</a></p>')).toBe('The first lines…');
  });

  it('escapes markdown characters in plain text so nothing turns into formatting', () => {
    expect(md('<p>*not bold* _not it_ ~~no~~ ||no|| `no` \\ [x](y)</p>')).toBe(
      '\\*not bold\\* \\_not it\\_ \\~\\~no\\~\\~ \\|\\|no\\|\\| \\`no\\` \\\\ \\[x\\](y)',
    );
  });

  it('escapes block syntax at the start of a line only', () => {
    expect(md('<p># not a heading<br>&gt; not a quote<br>- not a list<br>1. not a list<br>-# not subtext</p><p>a # b &gt; c - d 1. e</p>')).toBe(
      '\\# not a heading\n\\> not a quote\n\\- not a list\n1\\. not a list\n\\-# not subtext\n\na # b > c - d 1. e',
    );
  });

  it('leaves underscores in bare URLs alone so the links still work', () => {
    expect(md('<p>See https://e.edu/a_b_c?x=*1* now</p>')).toBe('See https://e.edu/a_b_c?x=*1* now');
  });

  it('neutralises @everyone, @here and raw mention syntax with a zero-width space', () => {
    const out = md('<p>Hi @everyone and @here, &lt;@123&gt; &lt;@&amp;45&gt; &lt;#67&gt; &lt;t:1700000000&gt;</p>');
    expect(out).toBe('Hi @\u200beveryone and @\u200bhere, <\u200b@123> <\u200b@&45> <\u200b#67> <\u200bt:1700000000>');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<#\d|<t:\d/);
  });

  it('flattens nested quotes, which Discord cannot show', () => {
    expect(md('<blockquote><p>outer</p><blockquote><p>inner</p></blockquote></blockquote>')).toBe('> outer\n> inner');
  });

  it('returns an empty string for empty or whitespace-only HTML', () => {
    expect(md('')).toBe('');
    expect(md('<p>&nbsp;</p><!-- wp:paragraph --><p> </p>')).toBe('');
  });
});
