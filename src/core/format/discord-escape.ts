// Escaping for text that must reach Discord as *text*, never as formatting or a mention.

const ZWSP = '\u200b';

// Bare URLs are left untouched: Discord's autolink rule runs before its escape rule, so a
// backslash inside a URL would become part of the link and break it.
const BARE_URL = /https?:\/\/[^\s<]+[^\s<.,:;"'’”)\]]/g;

// Characters that start inline formatting anywhere in a line: \ * _ ~ ` | (spoilers) [ ] (masked links).
const INLINE_SPECIAL = /[\\*_~`|[\]]/g;

/** Escapes Discord markdown in one run of plain text (a text node), keeping URLs intact. */
export function escapeDiscordText(text: string): string {
  const plain = text.replace(/\u00a0/g, ' ');
  let out = '';
  let last = 0;
  for (const m of plain.matchAll(BARE_URL)) {
    out += escapeSegment(plain.slice(last, m.index), last === 0);
    out += m[0];
    last = m.index + m[0].length;
  }
  out += escapeSegment(plain.slice(last), last === 0);
  return out;
}

function escapeSegment(segment: string, atStart: boolean): string {
  let s = segment.replace(INLINE_SPECIAL, '\\$&');
  if (!atStart) return s;
  // Block syntax only counts at the start of a line; a text node may begin one.
  s = s
    .replace(/^(\s*)([#>])/, '$1\\$2') // headings, block quotes
    .replace(/^(\s*)-/, '$1\\-') // "- " lists and "-# " subtext
    .replace(/^(\s*)\+ /, '$1\\+ ')
    .replace(/^(\s*)(\d+)\. /, '$1$2\\. '); // "1990. That year" is not an ordered list
  return s;
}

/**
 * Second line of defence behind `allowedMentions`: breaks @everyone/@here and <@id>, <@&id>, <#id>,
 * <:emoji:id>, <t:unix>, </command:id> with a zero-width space so they show as typed and never resolve.
 * (A backslash would not do: Discord still pings an escaped mention.)
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/g, `@${ZWSP}$1`).replace(/<(?=@[!&]?\d|#\d|a?:\w+:\d|t:-?\d|\/[^\s>]+:\d|id:)/g, `<${ZWSP}`);
}

/** A URL made safe for the target of a markdown link: characters that end or confuse it are encoded. */
export function markdownLinkTarget(url: string): string {
  return url.replace(/[()<> ]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
