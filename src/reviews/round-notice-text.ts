// The DM a student gets once when a round is confirmed: which essays they review and by when. Pure.
import { discordTimestamp, escapeDiscordText, formatDateInZone } from '../core/format/index.js';

export interface RoundNoticeFacts {
  courseName: string;
  roundName: string;
  guildId: string;
  essayChannelId: string;
  dueAt: Date;
  /** The student's own zone, else the course's. */
  timeZone: string;
  minWords: number;
  /** Assigned mode: the essays. Quota mode: empty, and `quota` says how many peer essays. */
  essays: Array<{ title: string; authorName: string; url: string; threadId: string | null }>;
  quota: number;
}

const LIMIT = 2_000;

export function roundNoticeText(f: RoundNoticeFacts): string {
  const head = [
    `📝 **Peer reviews assigned** — ${escapeDiscordText(f.courseName)}, round “${escapeDiscordText(f.roundName)}”`,
    `Due: **${formatDateInZone(f.dueAt, f.timeZone, 'F')}** (${discordTimestamp(f.dueAt, 'R')})`,
  ];
  const tail = `Each review is a comment of at least ${f.minWords} words, in the essay's thread or on the blog. /status shows where you stand.`;
  if (f.essays.length === 0) {
    return [...head, `Comment on ${f.quota} peer essay${f.quota === 1 ? '' : 's'} of your choice in <#${f.essayChannelId}> or on the blog.`, tail].join('\n');
  }
  const lines = [...head, 'You review:'];
  // A long list must still fit one message (one DM is the unit sent once): what does not fit is counted, and /status lists all.
  let used = lines.join('\n').length + tail.length + 80;
  for (const [i, e] of f.essays.entries()) {
    const where = e.threadId ? `https://discord.com/channels/${f.guildId}/${e.threadId}` : e.url;
    const line = `• “${escapeDiscordText(e.title)}” by ${escapeDiscordText(e.authorName)} — ${where}`;
    if (used + line.length + 1 > LIMIT) {
      lines.push(`…and ${f.essays.length - i} more: /status lists them all.`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return [...lines, tail].join('\n');
}
