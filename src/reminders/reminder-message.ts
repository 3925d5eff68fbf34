// Texts of reminders and of the staff digest. Pure: the sweep passes what it loaded.
import { discordTimestamp, escapeDiscordText, formatDateInZone } from '../core/format/index.js';

export interface ReminderFacts {
  courseName: string;
  guildId: string;
  stage: string;
  now: Date;
  dueAt: Date;
  /** The student's own zone, else the course's. */
  timeZone: string;
  minWords: number;
  roundName: string;
  /** Assigned mode: the essay. Quota mode: null. */
  essay: { title: string; authorName: string; url: string; threadId: string | null } | null;
  /** Quota mode: peer essays still to comment on. */
  remaining: number;
  essayChannelId: string;
}

/** From the time actually left, not the stage name: a postponed or retried reminder must not lie. */
function when(f: ReminderFacts): string {
  const leftMs = f.dueAt.getTime() - f.now.getTime();
  if (leftMs <= -60_000) return 'is overdue';
  if (leftMs < 30 * 60_000) return 'is due now';
  const h = Math.round(leftMs / 3_600_000);
  if (h >= 24 && h % 24 === 0) return `is due in ${h / 24} day${h === 24 ? '' : 's'}`;
  if (h === 0) return `is due in ${Math.round(leftMs / 60_000)} minutes`;
  return `is due in ${h} hour${h === 1 ? '' : 's'}`;
}

function body(f: ReminderFacts): string[] {
  const due = `${formatDateInZone(f.dueAt, f.timeZone, 'F')} (${discordTimestamp(f.dueAt, 'R')})`;
  if (!f.essay) {
    return [
      `Your peer reviews for round “${escapeDiscordText(f.roundName)}” in ${escapeDiscordText(f.courseName)} ${when(f)}: comment on ${f.remaining} more peer essay${f.remaining === 1 ? '' : 's'} (any you like) in <#${f.essayChannelId}> or on the blog.`,
      `Due: **${due}**`,
      `Each comment needs at least ${f.minWords} words.`,
    ];
  }
  const lines = [
    `Your peer review of **“${escapeDiscordText(f.essay.title)}”** by ${escapeDiscordText(f.essay.authorName)} ${when(f)} (${escapeDiscordText(f.courseName)}, round “${escapeDiscordText(f.roundName)}”).`,
    `Due: **${due}**`,
  ];
  if (f.essay.threadId) lines.push(`Thread: https://discord.com/channels/${f.guildId}/${f.essay.threadId}`);
  lines.push(`Blog: ${f.essay.url}`, `A comment of at least ${f.minWords} words, in the thread or on the blog, completes it.`);
  return lines;
}

export function reminderDm(f: ReminderFacts): string {
  return ['⏰ **Peer review reminder**', ...body(f)].join('\n').slice(0, 2_000);
}

/** For the course's reminder thread: the student's own mention is the only ping (pingUserIds). */
export function reminderMention(f: ReminderFacts, discordUserId: string): string {
  return [`⏰ <@${discordUserId}> peer review reminder`, ...body(f)].join('\n').slice(0, 2_000);
}

export interface DigestLine {
  reviewerName: string;
  what: string;
  dueAt: Date;
}

export function overdueDigestText(input: { courseName: string; localDate: string; timeZone: string; lines: DigestLine[]; unreachable: string[] }): string {
  const head = `📋 **Overdue peer reviews — ${escapeDiscordText(input.courseName)}** (${input.localDate})`;
  const tail = input.unreachable.length
    ? `\nCannot be DMed (reminded in the channel or not at all): ${input.unreachable.map(escapeDiscordText).join(', ')}`
    : '';
  let text = head;
  let shown = 0;
  for (const l of input.lines) {
    const line = `\n• ${escapeDiscordText(l.reviewerName)} — ${escapeDiscordText(l.what)} — due ${formatDateInZone(l.dueAt, input.timeZone, 'f')}`;
    if (text.length + line.length + tail.length + 40 > 2_000) break;
    text += line;
    shown++;
  }
  if (shown < input.lines.length) text += `\n…and ${input.lines.length - shown} more.`;
  return (text + tail).slice(0, 2_000);
}
