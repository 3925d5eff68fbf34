/** What a removed value is replaced with, so a reader sees that something was there. */
export const REMOVED = '[removed]';

/** The actor of an audit entry once that actor (a student who tried a staff command) is purged: the entry stays. */
export const ANONYMOUS_ACTOR = REMOVED;

/** Identifiers shorter than this are only removed where a whole value equals them (a blog id "7" must not eat every 7). */
const MIN_SUBSTRING_LENGTH = 3;

/** A compiled set of identifiers (names, emails, Discord and blog ids) to remove from free text and JSON. */
export interface Scrubber {
  /** The text with every identifier replaced; the same string when nothing matched. */
  text(value: string): string;
  /** A JSON document (as stored in payload/details columns) with identifiers removed from keys and values. */
  json(value: string): string;
  /** True when the text (JSON or not) holds any identifier, by the same rules as json(). */
  mentions(value: string): boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createScrubber(identifiers: Iterable<string | null | undefined>): Scrubber {
  const all = [...new Set([...identifiers].map((v) => v?.trim() ?? '').filter((v) => v.length > 0))];
  const exact = new Set(all.map((v) => v.toLowerCase()));
  // Longest first, so "Ada Lovelace" is removed whole before "Ada" could split it.
  const long = all.filter((v) => v.length >= MIN_SUBSTRING_LENGTH).sort((a, b) => b.length - a.length);
  // Whole words only: removing "Ada" must not turn "Canada" into "Can[removed]".
  const pattern = long.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${long.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;

  const text = (value: string): string => {
    if (exact.has(value.trim().toLowerCase())) return REMOVED;
    return pattern ? value.replace(pattern, REMOVED) : value;
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return text(node);
    // A number is removed only when it equals a long identifier (a blog id 987654), never a count like 7.
    if (typeof node === 'number') return String(node).length >= MIN_SUBSTRING_LENGTH && exact.has(String(node)) ? REMOVED : node;
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [text(k), walk(v)]));
    }
    return node;
  };
  const json = (value: string): string => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return text(value);
    }
    const out = JSON.stringify(walk(parsed));
    // Keep the stored text byte-identical when nothing was removed.
    return out === JSON.stringify(parsed) ? value : out;
  };
  return { text, json, mentions: (value) => json(value) !== value };
}
