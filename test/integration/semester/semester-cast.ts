// The people of the simulated semester and the truth model: what the script did, written down as it
// happens (who published which essay, who commented where with how many words), and what every report
// must therefore say. Nothing here asks the bot or its code: the expectations come from the script alone.

export type StudentKey = 'alice' | 'bob' | 'carol' | 'dan' | 'erin';
export const STUDENTS: readonly StudentKey[] = ['alice', 'bob', 'carol', 'dan', 'erin'];

export const CAST: Record<StudentKey, { name: string; email: string; discordUsername: string; blogLogin?: 'student1' | 'student2' }> = {
  alice: { name: 'Alice Student', email: 'alice@uni.edu', discordUsername: 'alice', blogLogin: 'student1' },
  bob: { name: 'Bob Student', email: 'bob@uni.edu', discordUsername: 'bob', blogLogin: 'student2' },
  carol: { name: 'Carol Student', email: 'carol@uni.edu', discordUsername: 'carol' },
  dan: { name: 'Dan Student', email: 'dan@uni.edu', discordUsername: 'dan' },
  erin: { name: 'Erin Student', email: 'erin@uni.edu', discordUsername: 'erin' },
};
/** Carol and Dan keep their DMs closed all term: they can read reminders only in the course's reminder thread. */
export const DMS_CLOSED: ReadonlySet<StudentKey> = new Set(['carol', 'dan']);

/**
 * Course time zone, and the round's deadline: 18:00 on the Monday after Europe's clocks go forward (the last
 * Sunday of March, 01:00 UTC: 02:00 CET becomes 03:00 CEST), the next such Monday at least a week from now.
 * Stage instants are worked out here by the EU rule, not by the bot's code: whole-day stages keep 18:00 local.
 */
export const TIME_ZONE = 'Europe/Berlin';
export const MIN_WORDS = 25;

function springForwardMonday(now: Date): Date {
  for (let year = now.getUTCFullYear(); ; year++) {
    const lastOfMarch = new Date(Date.UTC(year, 2, 31));
    const sunday = Date.UTC(year, 2, 31 - lastOfMarch.getUTCDay());
    const monday = new Date(sunday + 86_400_000);
    if (monday.getTime() > now.getTime() + 7 * 86_400_000) return monday;
  }
}
const MONDAY = springForwardMonday(new Date());
const at = (days: number, utcHour: number) => new Date(MONDAY.getTime() + days * 86_400_000 + utcHour * 3_600_000);
const ymd = MONDAY.toISOString().slice(0, 10);

export const ROUND = { name: 'Week 1', dueInput: `${ymd} 18:00`, reviews: 2 } as const;
/** How a reminder shows the deadline in the course zone, e.g. "March 29, 2027 … 6:00 PM" (18:00 in Berlin). */
export const DUE_AS_SHOWN = new RegExp(
  `${MONDAY.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${MONDAY.getUTCDate()}, ${MONDAY.getUTCFullYear()}\\D+6:00\\sPM`,
);
export const STAGES = [
  { stage: 'before_48h', at: at(-2, 17) }, // Saturday 18:00 CET (47 elapsed hours before the deadline)
  { stage: 'before_24h', at: at(-1, 16) }, // Sunday 18:00 CEST
  { stage: 'before_2h', at: at(0, 14) }, // Monday 16:00 CEST
  { stage: 'at_due', at: at(0, 16) }, // Monday 18:00 CEST
] as const;

export type Author = StudentKey | 'staff';
export interface EssayEvent {
  title: string;
  author: Author;
  afterRound: boolean;
}
export interface CommentEvent {
  by: StudentKey;
  onTitle: string;
  where: 'discord' | 'blog';
  words: number;
  afterRound: boolean;
}

/** The script's own record of what people did. */
export class Ledger {
  readonly essays: EssayEvent[] = [];
  readonly comments: CommentEvent[] = [];
  roundConfirmed = false;

  essay(title: string, author: Author): void {
    this.essays.push({ title, author, afterRound: this.roundConfirmed });
  }
  comment(by: StudentKey, onTitle: string, where: 'discord' | 'blog', text: string): void {
    this.comments.push({ by, onTitle, where, words: text.split(/\s+/).filter(Boolean).length, afterRound: this.roundConfirmed });
  }
  authorOf(title: string): Author {
    const e = this.essays.find((x) => x.title === title);
    if (!e) throw new Error(`the script published no essay called “${title}”`);
    return e.author;
  }
  studentEssays(): EssayEvent[] {
    return this.essays.filter((e) => e.author !== 'staff');
  }
  /** A review is done when its reviewer wrote a long enough comment on that essay after the round began. */
  reviewDone(by: StudentKey, title: string): boolean {
    return this.comments.some((c) => c.by === by && c.onTitle === title && c.afterRound && c.words >= MIN_WORDS);
  }
}

export interface Pair {
  reviewer: StudentKey;
  title: string;
  done: boolean;
}

export interface ExpectedRow {
  essays: number;
  commentsDiscord: number;
  commentsBlog: number;
  commentsReceived: number;
  reviewsDone: number;
  reviewsOverdue: number;
}

/** Per student, after the deadline: comments on one's own essay or on staff posts are not participation. */
export function expectedRows(ledger: Ledger, pairs: readonly Pair[]): Record<StudentKey, ExpectedRow> {
  const rows = Object.fromEntries(
    STUDENTS.map((s) => [s, { essays: 0, commentsDiscord: 0, commentsBlog: 0, commentsReceived: 0, reviewsDone: 0, reviewsOverdue: 0 }]),
  ) as Record<StudentKey, ExpectedRow>;
  for (const e of ledger.studentEssays()) rows[e.author as StudentKey].essays++;
  for (const c of ledger.comments) {
    const author = ledger.authorOf(c.onTitle);
    if (author === 'staff' || author === c.by) continue;
    rows[c.by][c.where === 'discord' ? 'commentsDiscord' : 'commentsBlog']++;
    rows[author].commentsReceived++;
  }
  for (const p of pairs) rows[p.reviewer][ledger.reviewDone(p.reviewer, p.title) ? 'reviewsDone' : 'reviewsOverdue']++;
  return rows;
}

/** `n` words of plain prose, so the word count the truth uses is the one a reader counts. */
export function words(n: number, topic: string): string {
  const pool =
    `I read ${topic} closely and think the argument about reform holds up well though the sources could say more about daily life in the provinces and the role of local officials during those years`.split(
      ' ',
    );
  return Array.from({ length: n }, (_, i) => pool[i % pool.length]).join(' ') + '.';
}
