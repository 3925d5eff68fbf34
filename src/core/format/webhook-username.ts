// The name a mirrored blog comment is shown under in Discord (a webhook message's username). Discord
// refuses the whole message (50035) when the name contains "discord" or "clyde" in any case, is
// "everyone" or "here", or is empty or over 80 characters after trimming; a refused mirror would never
// be delivered. So the commenter's name is adjusted just enough to pass while staying recognisable.
export const WEBHOOK_USERNAME_MAX = 80;
export const ANONYMOUS_COMMENTER = 'Blog reader';

// Cyrillic letters drawn like their Latin twins: "Discоrd Fan" reads as the commenter wrote it
// (a zero-width joiner would not do: Discord strips those before checking).
const LOOKALIKE: Record<string, string> = { o: '\u043E', O: '\u041E', e: '\u0435', E: '\u0415' };
const FORBIDDEN = [
  { word: /discord/gi, letter: /[oO]/ },
  { word: /clyde/gi, letter: /[eE]/ },
];
const RESERVED = new Set(['everyone', 'here']);
// Control characters, zero-width and other invisible format characters: Discord removes them, which
// could join a forbidden word back together or leave a name that is empty once rendered.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

export function webhookUsername(name: string | null | undefined): string {
  let out = (name ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  for (const { word, letter } of FORBIDDEN) out = out.replace(word, (w) => w.replace(letter, (c) => LOOKALIKE[c]!));
  if (RESERVED.has(out.toLowerCase())) out = `${out} (blog)`;
  const chars = [...out];
  // Length is counted in characters; cut with an ellipsis so the reader sees the name goes on.
  if (chars.length > WEBHOOK_USERNAME_MAX)
    out = `${chars
      .slice(0, WEBHOOK_USERNAME_MAX - 1)
      .join('')
      .trimEnd()}…`;
  return out || ANONYMOUS_COMMENTER;
}
