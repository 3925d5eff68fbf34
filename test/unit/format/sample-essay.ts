// A WordPress-rendered essay in the style of a course blog (block comments, entities, curly quotes,
// em dashes, a caption shortcode, an excerpt "more" link). Written for these tests.
export const SAMPLE_ESSAY_HTML = `<!-- wp:paragraph -->
<p>When the thaw came, it came unevenly&nbsp;&#8212; the &#8220;rehabilitations&#8221; that followed 1956 were real, yet the people they touched rarely found the lives they had lost (Smith, p.&nbsp;212). Kh&#7847;n&#8217;s reading of the archive is careful&#8230; perhaps too careful.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>&nbsp;</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">What changed&#8202;&#8212;&#8202;and what didn&#8217;t</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Three things stand out: <strong>amnesty</strong>, <em>silence</em>, and the slow work of <a href="https://example.edu/archive/records?id=7&amp;page=2">reading the records</a>. Returnees &#8211; some after a decade &#8211; met a society that was &#8216;not ready&#8217; for them.</p>
<!-- /wp:paragraph -->

[caption id="attachment_41" align="aligncenter" width="640"]<img class="size-large" src="https://example.edu/wp-content/uploads/camp.jpg" alt="A camp barracks" width="640" height="420" /> Barracks near Vorkuta, 1950s[/caption]

<!-- wp:list -->
<ul><li>Release of short-sentence prisoners</li><li>A commission on coerced confessions</li></ul>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>&#8220;They were never fully integrated.&#8221;</p><cite>Class reading</cite></blockquote>
<!-- /wp:quote -->

<p class="link-more"><a href="https://example.edu/2026/03/thaw/" class="more-link">Continue reading<span class="screen-reader-text"> &#8220;The Thaw&#8221;</span></a></p>`;
