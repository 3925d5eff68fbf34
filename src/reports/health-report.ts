// /report health: is the bot doing its work for this course? Last run of every job, the outbox,
// the blog, the bot's channel permissions, and every bot process with its shards and leases.
import { escapeDiscordText, neutraliseMentions } from '../core/format/discord-escape.js';
import { splitMessage } from '../core/format/split-message.js';
import type { ChannelKind } from '../core/types.js';
import type { Db } from '../db/client.js';
import { latestJobRuns } from '../db/repositories/job-runs.js';
import { oldestPendingOutboxAt } from '../db/repositories/outbox-counts.js';
import { courseForHealth } from '../db/repositories/report-course-health.js';
import { pushLine, pushState } from '../courses/push-status.js';
import { outboxBacklog } from '../outbox/outbox-store.js';
import type { ChatPort } from '../ports/chat-port.js';
import { processLines } from './process-lines.js';

const DAY_MS = 86_400_000;

export const ts = (d: Date, style: 'R' | 'f' | 'F' = 'R') => `<t:${Math.floor(d.getTime() / 1000)}:${style}>`;
/** Text from errors or the blog, shown inside a reply: escaped, one line, short. */
export const quote = (text: string, max = 180) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return neutraliseMentions(escapeDiscordText(one.length > max ? one.slice(0, max - 1) + '…' : one));
};

async function jobLines(db: Db, now: Date, courseId: string): Promise<string[]> {
  // Runs of the whole process, and this course's own failures (never another course's).
  const latest = await latestJobRuns(db, courseId, new Date(now.getTime() - DAY_MS));
  if (latest.length === 0) return ['• no job has run yet'];
  return latest.map(({ jobName, run, failures }) => {
    if (!run) return `• ${jobName}: unknown`;
    const took = run.finishedAt ? ` in ${((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1)} s` : '';
    const detail = run.outcome === 'failed' && run.error ? ` — ${quote(run.error)}` : run.summary ? ` — ${quote(run.summary)}` : '';
    const mark = run.outcome === 'failed' ? '❌' : run.outcome === 'running' ? '⏳' : '✅';
    return `• ${mark} **${quote(jobName, 60)}**: ${run.outcome} ${ts(run.startedAt)}${took}${detail}${failures ? ` · ${failures} failed run(s) in 24 h` : ''}`;
  });
}

async function permissionLine(chat: ChatPort, label: string, channelId: string | null, kind: ChannelKind): Promise<string> {
  if (!channelId) return `• ${label}: not set`;
  try {
    const missing = await chat.missingPermissions(channelId, kind);
    return missing.length
      ? `• ❌ ${label} <#${channelId}>: missing ${missing.map((m) => quote(m, 60)).join(', ')}`
      : `• ✅ ${label} <#${channelId}>: all permissions granted`;
  } catch (error) {
    return `• ⚠️ ${label} <#${channelId}>: could not check (${quote(String((error as Error).message ?? error), 100)})`;
  }
}

export async function healthReport(deps: { db: Db; chat: ChatPort }, courseId: string, now: Date): Promise<string[]> {
  const { db, chat } = deps;
  const course = await courseForHealth(db, courseId);
  const backlog = await outboxBacklog(db, courseId);
  const oldest = await oldestPendingOutboxAt(db, courseId);
  const blog = course.blogFailingSince
    ? `❌ unreachable since ${ts(course.blogFailingSince, 'f')}${course.blogLastError ? ` — ${quote(course.blogLastError)}` : ''}`
    : `✅ reachable${course.postCursor ? ` · newest essay seen ${ts(course.postCursor)}` : ''}`;
  const sections = [
    `**Health — ${quote(course.name, 100)}** · course ${course.status}${course.flaggedReason ? ` (${quote(course.flaggedReason)})` : ''} · as of ${ts(now, 'f')}`,
    `**Jobs** (last run of each)\n${(await jobLines(db, now, courseId)).join('\n')}`,
    `**Outbox**: ${backlog.pending} waiting${oldest ? ` (oldest ${ts(oldest)})` : ''}, ${backlog.dead} dead letter(s)${backlog.dead ? ' — staff can retry them with /sync' : ''}`,
    `**Blog**: ${blog}`,
    `**${pushLine(course.blogKind, await pushState(db, courseId)).replace(/^Push:/, 'Push**:')}`,
    `**Bot permissions**\n${[
      await permissionLine(chat, 'essays channel', course.channelId, course.channelKind === 'text' ? 'text' : 'forum'),
      await permissionLine(chat, 'staff channel', course.staffChannelId, 'text'),
    ].join('\n')}`,
    `**Processes**\n${(await processLines(db, { courseId, now })).join('\n')}`,
  ];
  return splitMessage(sections.join('\n\n'), { max: 2000 });
}
