// /report participation and the weekly digest: the numbers as reply pages, a gradebook CSV or a PNG
// chart. E-mail addresses appear only in a CSV downloaded privately by staff; anything that may be
// posted in a channel has none (names that are addresses are shortened too).
import { escapeDiscordText, neutraliseMentions } from '../core/format/discord-escape.js';
import type { ParticipationReport } from '../core/participation/types.js';
import type { Db } from '../db/client.js';
import { courseRoundNames, participationTitleNames, rosterEmails } from '../db/repositories/participation-facts.js';
import type { Logger } from '../shared/logger.js';
import { UserError } from '../shared/user-error.js';
import type { ChatFile } from '../ports/chat-port.js';
import { participationChart, participationCsv, participationPages, toParticipationRows, toWeeklyPoints, type ParticipationRow } from './render/index.js';
import { redactEmails } from './render/text-cells.js';
import { participationReport } from './load-participation.js';

export type ParticipationFormat = 'reply' | 'csv' | 'chart';

export interface ParticipationOutputInput {
  courseId: string;
  roundId?: string | null;
  now: Date;
  format: ParticipationFormat;
  /** 'private': an ephemeral staff download (CSV may carry e-mail); 'channel': seen by everyone there. */
  audience: 'private' | 'channel';
  /** Told once if the chart's CJK or emoji fonts are missing. */
  log?: Pick<Logger, 'warn'>;
}

export interface ParticipationOutput {
  report: ParticipationReport;
  title: string;
  /** One Discord message each (<= 2000 characters). */
  pages: string[];
  files: ChatFile[];
}

/** The round of a course named `name` (case-insensitive), or a UserError listing the rounds. */
export async function findRoundByName(db: Db, courseId: string, name: string): Promise<{ id: string; name: string }> {
  const rounds = await courseRoundNames(db, courseId);
  const hit = rounds.find((r) => r.name.toLowerCase() === name.trim().toLowerCase());
  if (hit) return hit;
  const known = rounds.map((r) => `“${r.name}”`).join(', ');
  throw new UserError(
    `round: no review round is called “${name}”. ${known ? `Rounds: ${known}.` : 'This course has no rounds yet (staff create one with /reviews assign).'} Leave round out for the whole course.`,
  );
}

export function participationSummary(report: ParticipationReport): string {
  const t = report.totals;
  const r = t.reviews;
  const pct = Math.round(t.completionRate * 100);
  return (
    `${t.students} students · ${t.essaysPublished} essays · ${t.commentsDiscord + t.commentsBlog} comments given ` +
    `(${t.commentsDiscord} Discord, ${t.commentsBlog} blog) · reviews ${r.done + r.doneLate}/${r.assigned} done (${pct}%, ` +
    `${r.doneLate} late), ${r.pending} pending, ${r.overdue} overdue · reminders ${t.remindersSent} sent, ${t.remindersFailed} failed`
  );
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'course'
  );
}

export async function participationOutput(db: Db, input: ParticipationOutputInput): Promise<ParticipationOutput> {
  const { courseName, roundName } = await participationTitleNames(db, input.courseId, input.roundId ?? null);
  const report = await participationReport(db, { courseId: input.courseId, roundId: input.roundId ?? null, now: input.now });
  const title = `Participation — ${courseName}${roundName !== null ? ` — ${roundName}` : ''}`;
  const withEmail = input.format === 'csv' && input.audience === 'private';
  const emails = withEmail ? await rosterEmails(db, input.courseId) : null;
  let rows: ParticipationRow[] = toParticipationRows(report.students, emails ? (id) => emails.get(id) : undefined);
  if (input.audience === 'channel') rows = rows.map((r) => ({ ...r, studentName: redactEmails(r.studentName), email: null }));
  const heading = `**${neutraliseMentions(escapeDiscordText(title))}**\n${participationSummary(report)}`;
  const base = `participation-${slug(courseName)}${roundName !== null ? `-${slug(roundName)}` : ''}`;
  if (input.format === 'reply') return { report, title, pages: participationPages(rows, { title }), files: [] };
  if (input.format === 'csv') {
    const note = withEmail ? '\n-# Contains e-mail addresses: keep it with your gradebook.' : '';
    return { report, title, pages: [heading + note], files: [{ name: `${base}.csv`, data: await participationCsv(rows, { includeEmail: withEmail }) }] };
  }
  const chart = await participationChart(rows, toWeeklyPoints(report.weekly), { title, log: input.log });
  // An empty chart says nothing: say it in words instead.
  if (!chart)
    return {
      report,
      title,
      pages: [
        `${heading}\nNo data yet: no reviews assigned and no essays or comments to chart. The chart fills in as students publish and reviews are assigned.`,
      ],
      files: [],
    };
  return { report, title, pages: [heading], files: [{ name: `${base}.png`, data: chart.png, description: chart.description }] };
}
