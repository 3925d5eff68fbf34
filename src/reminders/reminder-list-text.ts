// The staff's view of a batch of reminders, grouped by student: "**Name** → where" and one line per
// review owed. Shared by /reminders preview (where they would go) and /reminders send-now (where they
// went), so the two read alike and a test can compare them line by line.
import { escapeDiscordText } from '../core/format/discord-escape.js';
import type { ReminderRoute } from '../core/reminders/reminder-route.js';
import { NO_DISCORD_ERROR } from './deliver-reminder.js';
import type { ReminderDraft } from './reminder-draft.js';
import type { MarkOutcome } from '../db/repositories/reminders.js';

export interface ReminderGroupItem {
  studentName: string;
  where: string;
  line: string;
}

export const NO_DISCORD_FIX = 'Fix: put their Discord user in the roster CSV’s discord column and run /roster import again.';

export function stageLabel(stage: string): string {
  if (stage === 'at_due') return 'at the due time';
  const h = /^before_(\d+)h$/.exec(stage)?.[1];
  return h ? `${h} h before due` : stage;
}

export function itemLine(draft: Pick<ReminderDraft, 'subject' | 'roundName' | 'stage' | 'minWords'>): string {
  return `${escapeDiscordText(draft.subject)} — round ${escapeDiscordText(draft.roundName)} — ${stageLabel(draft.stage)} — at least ${draft.minWords} words`;
}

const thread = (id: string | null) => (id ? `reminder thread <#${id}>` : 'the reminder thread (opened in the course channel when first needed)');

/** Where a reminder would go, as the preview says it. */
export function plannedWhere(route: ReminderRoute, reminderThreadId: string | null, at: (d: Date) => string): string {
  if (route.kind === 'dm') return 'DM';
  if (route.kind === 'unreachable') return `⛔ cannot be reached: ${NO_DISCORD_ERROR}. ${NO_DISCORD_FIX}`;
  if (route.reason === 'chose_channel') return `${thread(reminderThreadId)} (they chose reminders in the channel)`;
  return `${thread(reminderThreadId)} (DMs closed: Discord refused a DM ${route.dmClosedAt ? `on ${at(route.dmClosedAt)}` : 'recently'})`;
}

/** Where a reminder went, as send-now reports it. */
export function deliveredWhere(draft: ReminderDraft, outcome: MarkOutcome): string {
  if (outcome.status === 'retry') return '⏳ Discord did not answer: the sweep sends it again later';
  if (outcome.status === 'failed') return `⛔ not delivered: ${outcome.error}${outcome.error === NO_DISCORD_ERROR ? `. ${NO_DISCORD_FIX}` : ''}`;
  if (outcome.via === 'dm') return 'DM';
  return `${thread(outcome.threadId ?? null)} (${draft.route.kind === 'thread' && draft.route.reason === 'chose_channel' ? 'they chose reminders in the channel' : 'DMs closed'})`;
}

/** Groups by student and destination, names sorted; cut at Discord's 2000 characters with a count of the rest. */
export function renderGroups(head: string, items: ReminderGroupItem[], tail = ''): string {
  const groups = new Map<string, { name: string; where: string; lines: string[] }>();
  for (const i of items) {
    const key = `${i.studentName}\u0000${i.where}`;
    const g = groups.get(key) ?? { name: i.studentName, where: i.where, lines: [] };
    g.lines.push(i.line);
    groups.set(key, g);
  }
  const sorted = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name) || a.where.localeCompare(b.where));
  let text = head;
  for (const [n, g] of sorted.entries()) {
    const block = `\n**${escapeDiscordText(g.name)}** → ${g.where}${g.lines.map((l) => `\n• ${l}`).join('')}`;
    if (text.length + block.length + tail.length > 1_940) return `${text}\n…and ${sorted.length - n} more student(s).${tail}`.slice(0, 2_000);
    text += block;
  }
  return `${text}${tail}`.slice(0, 2_000);
}
