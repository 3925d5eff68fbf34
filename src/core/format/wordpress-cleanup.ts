// WordPress leaves artefacts in rendered HTML, feeds and excerpts that are noise in Discord.
// This runs on the HTML string before turndown parses it; turndown rules handle the element-level ones.

// Shortcodes only appear when the plugin that renders them is missing. A fixed list, because a
// generic [word] pattern would eat real text such as "[sic]" or a citation "[1]".
const SHORTCODE_NAMES = [
  'caption',
  'wp_caption',
  'embed',
  'gallery',
  'audio',
  'video',
  'playlist',
  'wpvideo',
  'youtube',
  'vimeo',
  'soundcloud',
  'googlemaps',
  'googleapps',
  'tweet',
  'instagram',
  'contact-form',
  'contact-form-7',
  'slideshow',
  'archives',
].join('|');

const SHORTCODE_TAG = new RegExp(`\\[(\\/?)(${SHORTCODE_NAMES})\\b([^\\]]*)\\]`, 'gi');
const URL_IN_ATTRS = /(https?:\/\/[^\s"'\]]+)/;

/** Removes shortcode tags (keeping wrapped content such as a caption's text or an [embed]'s URL). */
export function stripShortcodes(html: string): string {
  return html.replace(SHORTCODE_TAG, (_all, closing: string, name: string, attrs: string) => {
    if (closing) return '';
    // [youtube https://...] carries its content as an attribute: keep the link, lose the wrapper.
    const lower = name.toLowerCase();
    if (['youtube', 'vimeo', 'tweet', 'instagram', 'soundcloud'].includes(lower)) {
      const url = URL_IN_ATTRS.exec(attrs);
      return url?.[1] ? ` ${url[1]} ` : '';
    }
    return '';
  });
}

/** The excerpt "more" marker ` [&hellip;]` becomes a plain ellipsis. */
export function normaliseMoreMarker(html: string): string {
  return html.replace(/\s*\[\s*(?:&hellip;|&#8230;|&#x2026;|…|\.\.\.)\s*\]/gi, '…');
}

/** Text of links WordPress themes add to excerpts: "Continue reading", "Read more". */
export function isReadMoreText(text: string): boolean {
  return /^\s*(continue reading|read more|keep reading)\b/i.test(text);
}

export function cleanWordPressHtml(html: string): string {
  return normaliseMoreMarker(stripShortcodes(html));
}
