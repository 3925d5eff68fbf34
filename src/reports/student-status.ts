// /status for a student: the reviews they owe (with links and due times in their own time zone),
// what counts as done, and their own participation numbers. Everything is looked up by the caller's
// own Discord id and filtered to their own rows: nothing about a peer (not even whose essay it is)
// is shown beyond the title and links of the essays they were asked to review.
import { escapeDiscordText, markdownLinkTarget, neutraliseMentions } from '../core/format/discord-escape.js';
import { splitMessage } from '../core/format/split-message.js';
import { formatInZone } from '../core/time/zoned.js';
import type { Db } from '../db/client.js';
import { activeRoundsReviewedBy, studentStatusFacts } from '../db/repositories/report-student-status.js';
import { UserError } from '../shared/user-error.js';
import { describeNameChoice } from '../privacy/blog-name-choice.js';
import { participationReport } from './load-participation.js';

const safe = (s: string) => neutraliseMentions(escapeDiscordText(s.replace(/\s+/g, ' ').trim()));

type AssignmentRow = {
  status: string;
  essayId: string | null;
  slotKey: string;
  essay: { title: string; url: string; threadId: string | null; blogStatus: string } | null;
};

function stateOf(a: AssignmentRow, dueAt: Date, now: Date): 'done' | 'done late' | 'overdue' | 'pending' {
  if (a.status === 'done') return 'done';
  if (a.status === 'done_late') return 'done late';
  return now.getTime() >= dueAt.getTime() ? 'overdue' : 'pending';
}

const MARK = { done: '✅', 'done late': '☑️', overdue: '⚠️', pending: '⏳' } as const;

export async function studentStatus(db: Db, input: { courseId: string; guildId: string; discordUserId: string; now: Date }): Promise<string[]> {
  const { now } = input;
  const { course, me } = await studentStatusFacts(db, input.courseId, input.discordUserId);
  if (!me) throw new UserError(`You are not on the roster of ${course.name} yet. Ask the course staff to add you, then try /status again.`);
  const zone = me.timeZone ?? course.timeZone;
  const rounds = await activeRoundsReviewedBy(db, input.courseId, me.id);

  const out: string[] = [
    `**Your reviews — ${safe(course.name)}**`,
    `A review counts as done when you write **one comment of at least ${course.minCommentWords} words** on the essay — on the blog or as a reply in its Discord thread — before it is due (a round may ask for more: see each round below). Times are shown in ${safe(zone)}.`,
    ...(me.blogUserId
      ? [`Your blog account${me.blogUsername ? ` **${safe(me.blogUsername)}**` : ''} is linked: your blog comments and essays count for you.`]
      : [
          '⚠️ Your blog account is not linked yet, so comments you write **on the blog** cannot count for you until you link it (replies in the Discord threads already count). To link it:',
          '1. Run `/link claim` with `blog_username:` set to your username on the class blog.',
          '2. Log in to the blog and post the code it gives you as a comment on any post or page.',
          '3. Within a few minutes the bot links your account and tells you by DM; /status then says it is linked.',
        ]),
    ...describeNameChoice(me, course.blogNameStyle),
  ];
  if (rounds.length === 0) out.push('', 'You have no peer reviews assigned right now.');
  for (const r of rounds) {
    const unix = Math.floor(r.dueAt.getTime() / 1000);
    out.push(
      '',
      `**${safe(r.name)}** — due <t:${unix}:F> (<t:${unix}:R>) · ${formatInZone(r.dueAt, zone)} · each review: a comment of at least ${r.minCommentWords ?? course.minCommentWords} words`,
    );
    const specific = r.assignments.filter((a) => a.essayId !== null);
    for (const a of specific) {
      const state = stateOf(a, r.dueAt, now);
      const e = a.essay!;
      const links = [
        e.threadId ? `[thread](https://discord.com/channels/${input.guildId}/${e.threadId})` : null,
        e.blogStatus === 'published' ? `[blog](${markdownLinkTarget(e.url)})` : null,
      ]
        .filter(Boolean)
        .join(' · ');
      out.push(`${MARK[state]} ${state} — “${safe(e.title)}”${links ? ` — ${links}` : ''}`);
    }
    const quota = r.assignments.filter((a) => a.essayId === null);
    if (quota.length) {
      const done = quota.filter((a) => a.status === 'done' || a.status === 'done_late').length;
      const state = done === quota.length ? 'done' : now >= r.dueAt ? 'overdue' : 'pending';
      out.push(`${MARK[state]} ${done} of ${quota.length} comments on classmates’ essays of this round (any essays you choose)`);
    }
  }

  const report = await participationReport(db, { courseId: input.courseId, now });
  const mine = report.students.find((s) => s.studentId === me.id)!;
  const rv = mine.reviews;
  out.push(
    '',
    `**Your participation**: ${mine.essaysPublished} essay(s) published · ${mine.commentsGiven.total} comment(s) on classmates’ essays ` +
      `(${mine.commentsGiven.discord} in Discord, ${mine.commentsGiven.blog} on the blog) · ${mine.commentsReceived} comment(s) received · ` +
      `reviews: ${rv.done} done, ${rv.doneLate} late, ${rv.pending} pending, ${rv.overdue} overdue · ${mine.remindersSent} reminder(s) sent to you`,
  );
  return splitMessage(out.join('\n'), { max: 2000 });
}
