// A masked link shows its text, not its target. When that text is itself an address (a URL or a
// domain), readers trust it as the destination: `[https://discord.com/verify](<https://evil.example>)`
// is a phishing link. Such a link is shown by its real target instead.

// Characters that hide inside text without showing (zero-width spaces and joiners, BOM).
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
// Dots that look like "." (one-dot leader, fullwidth and ideographic full stops).
const LOOKALIKE_DOTS = /[\u2024\uff0e\u3002\uff61]/g;
// A scheme ("https://", "hxxp://"), a "www." prefix, or a domain such as "discord.com" or "dіscord.com"
// (any letters, so homoglyphs count too), each with whatever path follows.
const ADDRESS = /[\p{L}][\p{L}\p{N}+.-]*:\/\/[^\s]+|www\.[^\s]+|(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}])(?:\/[^\s]*)?/giu;

function hostOf(address: string): string | null {
  try {
    const withScheme = /^[\p{L}][\p{L}\p{N}+.-]*:\/\//u.test(address) ? address : `https://${address}`;
    return new URL(withScheme).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/**
 * True when the visible text of a link names an address other than where the link goes: any URL or
 * domain in it whose host is not the target's host. `target` is an absolute http(s) URL.
 */
export function isDeceptiveLinkText(text: string, target: string): boolean {
  const visible = text.replace(INVISIBLE, '').replace(LOOKALIKE_DOTS, '.');
  const targetHost = hostOf(target);
  for (const [address] of visible.matchAll(ADDRESS)) {
    const host = hostOf(address.replace(/[.,:;!?)\]]+$/, ''));
    // "wikipedia.org" linking into en.wikipedia.org names the site truthfully; "discord.com" linking to
    // discord.com.evil.example does not.
    if (!host || !targetHost || (targetHost !== host && !targetHost.endsWith(`.${host}`))) return true;
  }
  return false;
}
