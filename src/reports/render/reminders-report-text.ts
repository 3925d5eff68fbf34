// /report reminders as Discord reply text: one row per stage plus a total, in a code block.
import { escapeDiscordText, neutraliseMentions } from '../../core/format/discord-escape.js';
import { tablePages } from './paginate.js';
import { codeBlockText, fitCell, padNumber } from './text-cells.js';
import type { ReminderStageStats } from './types.js';

export interface RemindersReportOptions {
  maxChars?: number;
  title?: string;
}

const STAGE_WIDTH = 14;
const COLUMNS: readonly [string, keyof Omit<ReminderStageStats, 'stage'>][] = [
  ['Sent', 'sent'],
  ['Postponed', 'postponedQuietHours'],
  ['Failed', 'failedDmClosed'],
  ['Pending', 'pending'],
];

/** 'before_48h' -> '48 h before', 'at_due' -> 'at due'; anything else is shown as given. */
export function stageLabel(stage: string): string {
  const m = /^before_(\d+)h$/.exec(stage);
  if (m) return `${m[1]} h before`;
  return stage === 'at_due' ? 'at due' : stage;
}

export function remindersReportText(stats: readonly ReminderStageStats[], options: RemindersReportOptions = {}): string[] {
  const title = neutraliseMentions(escapeDiscordText(options.title ?? 'Reminders'));
  const line = (label: string, s: Omit<ReminderStageStats, 'stage'>) =>
    fitCell(codeBlockText(label), STAGE_WIDTH) + COLUMNS.map(([h, k]) => ' ' + padNumber(s[k], h.length)).join('');
  const header = fitCell('Stage', STAGE_WIDTH) + COLUMNS.map(([h]) => ' ' + h).join('');
  const total = { sent: 0, postponedQuietHours: 0, failedDmClosed: 0, pending: 0 };
  for (const s of stats) for (const [, k] of COLUMNS) total[k] += s[k];
  const rows = stats.map((s) => line(stageLabel(s.stage), s));
  if (stats.length > 1) rows.push('─'.repeat(header.length), line('Total', total));
  return tablePages({
    heading: `**${title}**\n-# Postponed: held for quiet hours · Failed: the student's DMs are closed`,
    header: [header, '─'.repeat(header.length)],
    rows,
    empty: 'No reminders yet.',
    maxChars: options.maxChars ?? 2000,
  });
}
