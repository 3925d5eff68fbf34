// Cells of a monospace table inside a Discord code block. Markdown is not interpreted in a code
// block, so escaping means: nothing can close the block early (backticks), nothing breaks a row
// (line breaks, control characters), and alignment survives accents and wide characters.

const ZWSP = '\u200b';
// A reply may be posted in a channel: never print anything that looks like an e-mail address,
// even when a roster used addresses as names. The local part stays so staff still recognise it.
const EMAIL = /([^\s@]+)@[^\s@]+\.[^\s@]+/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** 'jane.doe@uni.edu' -> 'jane.doe@…' anywhere in the text. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL, '$1@…');
}

/** A name made safe for one line of a code block. */
export function codeBlockText(text: string): string {
  return redactEmails(text)
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(/`/g, '`' + ZWSP) // ``` can no longer form, so the block cannot be closed from inside
    .trim();
}

/** Columns a grapheme takes in a monospace font: 0 for zero-width, 2 for East Asian wide / emoji. */
function graphemeWidth(g: string): number {
  const cp = g.codePointAt(0)!;
  if (g === ZWSP || cp === 0x200c || cp === 0x200d || cp === 0xfeff) return 0;
  if (/\p{Extended_Pictographic}/u.test(g) && (g.length > 1 || cp > 0xffff)) return 2;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const { segment } of segmenter.segment(text)) w += graphemeWidth(segment);
  return w;
}

/** Cut to at most `width` columns (ending in … when cut), then pad with spaces to exactly `width`. */
export function fitCell(text: string, width: number): string {
  let out = '';
  let w = 0;
  if (displayWidth(text) > width) {
    for (const { segment } of segmenter.segment(text)) {
      const gw = graphemeWidth(segment);
      if (w + gw > width - 1) break;
      out += segment;
      w += gw;
    }
    out += '…';
    w += 1;
  } else {
    out = text;
    w = displayWidth(text);
  }
  return out + ' '.repeat(Math.max(0, width - w));
}

export function padNumber(n: number, width: number): string {
  return String(n).padStart(width);
}
