// /reviews list round:<name>: who reviews whom, cut into pages that fit one Discord message (2,000
// characters) whatever the class size; the footer names the command that opens the next page.
import { escapeDiscordText, formatDateInZone } from '../core/format/index.js';
import { UserError } from '../shared/user-error.js';
import type { ReviewPair } from './round-pairs.js';

/** Room left for the heading and the footer under Discord's 2,000-character limit. */
const PAGE_BODY_CHARS = 1_700;

function pairLine(p: ReviewPair): string {
  const target = p.essay ? `“${escapeDiscordText(p.essay.title)}” by ${escapeDiscordText(p.essay.authorName)}` : 'any peer essay';
  return `${p.done ? '✅' : '⏳'} ${escapeDiscordText(p.reviewerName)} → ${target}`.slice(0, PAGE_BODY_CHARS);
}

/** Lines packed greedily into pages; deterministic for the same pairs. */
export function pageLines(lines: string[], maxChars = PAGE_BODY_CHARS): string[][] {
  const pages: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (current.length > 0 && size + line.length + 1 > maxChars) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

export function renderPairsPage(input: {
  roundName: string;
  dueAt: Date | null;
  timeZone: string;
  pairs: ReviewPair[];
  page: number;
  ownOnly: boolean;
}): string {
  const pages = pageLines(input.pairs.map(pairLine));
  if (input.page > pages.length) throw new UserError(`page: round “${input.roundName}” has ${pages.length} page(s); choose page 1 to ${pages.length}.`);
  const done = input.pairs.filter((p) => p.done).length;
  const due = input.dueAt ? ` — due ${formatDateInZone(input.dueAt, input.timeZone, 'f')}` : '';
  const heading = `**${escapeDiscordText(input.roundName)}**${due} — ${input.ownOnly ? 'your reviews' : 'who reviews whom'}: ${done}/${input.pairs.length} done`;
  const body =
    input.pairs.length === 0 ? (input.ownOnly ? 'You have no review in this round.' : 'No reviews in this round.') : pages[input.page - 1]!.join('\n');

  const footer =
    pages.length > 1
      ? `Page ${input.page} of ${pages.length}.${input.page < pages.length ? ` Next: /reviews list round:${input.roundName} page:${input.page + 1}` : ''} — format:csv gives the whole list as a file.`
      : '';
  return [heading, body, footer].filter(Boolean).join('\n').slice(0, 2_000);
}
