import { htmlToPlainText } from './html-to-text.js';

// Scripts written without spaces between words: counted with Unicode word segmentation.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const LOOKS_LIKE_HTML = /<[a-z!/][^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+);/i;

// Discord mentions, custom emoji, timestamps and command mentions are not words the student wrote.
const DISCORD_TOKEN = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[tTdDfFR])?|\/[^>\n]+:\d+)>/g;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Words in a text or HTML fragment, as a reader (or a word processor) would count them for a
 * "minimum words" rule: markup and entities are ignored, "post-Stalin" and "don’t" are one word
 * each, emoji, Discord mentions/emoji tags and stray punctuation ("—", "…") are none, and Chinese/Japanese/Thai runs are
 * counted by Unicode word segmentation since they have no spaces.
 */
export function countWords(textOrHtml: string): number {
  const input = textOrHtml.replace(DISCORD_TOKEN, ' ');
  const text = LOOKS_LIKE_HTML.test(input) ? htmlToPlainText(input) : input;
  let count = 0;
  for (const token of text.split(/[\s\u200b]+/u)) {
    if (!token) continue;
    if (UNSPACED.test(token)) {
      for (const s of segmenter.segment(token)) if (s.isWordLike) count++;
    } else if (HAS_WORD_CHAR.test(token)) {
      count++;
    }
  }
  return count;
}
