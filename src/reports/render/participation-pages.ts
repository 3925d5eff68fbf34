// /report participation as Discord reply text: a monospace table in a code block, paged to fit
// Discord's 2000-character limit. Never shows e-mail (the reply may be posted in a channel).
import { escapeDiscordText, neutraliseMentions } from '../../core/format/discord-escape.js';
import { tablePages } from './paginate.js';
import { codeBlockText, fitCell, padNumber } from './text-cells.js';
import type { ParticipationRow } from './types.js';

export interface ParticipationPagesOptions {
  maxChars?: number;
  /** Plain text (escaped here), e.g. "Participation — Round 2". */
  title?: string;
}

const NAME_WIDTH = 22;
const NUM_WIDTH = 4;
const COLUMNS: readonly [string, (r: ParticipationRow) => number][] = [
  ['Ess', (r) => r.essaysPublished],
  ['Dsc', (r) => r.commentsGivenDiscord],
  ['Blog', (r) => r.commentsGivenBlog],
  ['Recv', (r) => r.commentsReceived],
  ['Done', (r) => r.reviewsDone],
  ['Late', (r) => r.reviewsDoneLate],
  ['Pend', (r) => r.reviewsPending],
  ['Over', (r) => r.reviewsOverdue],
  ['Rem', (r) => r.remindersSent],
];
const LEGEND = 'Ess essays · Dsc/Blog comments given on Discord/blog · Recv comments received · ' + 'Done/Late/Pend/Over reviews · Rem reminders sent';

/** Rows in the order given (the caller sorts); each page is a complete, self-explaining message. */
export function participationPages(rows: readonly ParticipationRow[], options: ParticipationPagesOptions = {}): string[] {
  const sum = (f: (r: ParticipationRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const title = neutraliseMentions(escapeDiscordText(options.title ?? 'Participation'));
  const summary =
    `${rows.length} student${rows.length === 1 ? '' : 's'} · reviews: ${sum((r) => r.reviewsDone)} done, ` +
    `${sum((r) => r.reviewsDoneLate)} late, ${sum((r) => r.reviewsPending)} pending, ${sum((r) => r.reviewsOverdue)} overdue`;
  const header = fitCell('Student', NAME_WIDTH) + COLUMNS.map(([label]) => ' ' + label.padStart(NUM_WIDTH)).join('');
  return tablePages({
    heading: `**${title}** — ${summary}\n-# ${LEGEND}`,
    header: [header, '─'.repeat(header.length)],
    rows: rows.map((r) => fitCell(codeBlockText(r.studentName), NAME_WIDTH) + COLUMNS.map(([, f]) => ' ' + padNumber(f(r), NUM_WIDTH)).join('')),
    empty: 'No students in this report.',
    maxChars: options.maxChars ?? 2000,
  });
}
