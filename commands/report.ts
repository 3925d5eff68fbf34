import { AttachmentBuilder, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Context } from '../src/context.js';
import { recordAudit } from '../src/courses/audit.js';
import type { Command } from '../src/discord/command.js';
import type { CourseRow } from '../src/discord/course-access.js';
import { auditReport } from '../src/reports/audit-report.js';
import { healthReport } from '../src/reports/health-report.js';
import { findRoundByName, participationOutput, type ParticipationFormat } from '../src/reports/participation-output.js';
import { reminderStats } from '../src/reports/reminder-stats.js';
import { remindersReportText } from '../src/reports/render/index.js';
import type { ChatFile } from '../src/ports/chat-port.js';
import { inCourseChannel } from './shared/in-course.js';
import { staffCommand } from './shared/slash-builders.js';

const data = staffCommand('report', 'Staff reports: participation, reminders, bot health, audit log')
  .addSubcommand((s) =>
    s
      .setName('participation')
      .setDescription('Per student: essays, comments, reviews, reminders')
      .addStringOption((o) => o.setName('round').setDescription('Only this review round (its name)').setMaxLength(100))
      .addStringOption((o) =>
        o
          .setName('format')
          .setDescription('Reply text (default), CSV for a gradebook, or a chart')
          .addChoices({ name: 'reply', value: 'reply' }, { name: 'csv', value: 'csv' }, { name: 'chart', value: 'chart' }),
      )
      .addBooleanOption((o) => o.setName('post_in_channel').setDescription('Post it in this channel for everyone (no e-mail addresses); default: only you')),
  )
  .addSubcommand((s) => s.setName('reminders').setDescription('Reminders sent, held for quiet hours, failed (closed DMs), pending, per stage'))
  .addSubcommand((s) => s.setName('health').setDescription('Jobs, outbox, blog, permissions, bot processes and their leases'))
  .addSubcommand((s) =>
    s
      .setName('audit')
      .setDescription('Recent staff actions and looks at student data')
      .addIntegerOption((o) => o.setName('limit').setDescription('How many entries (default 25)').setMinValue(1).setMaxValue(100)),
  );

const noPings = { parse: [] as [] };

/** First page as the (deferred) reply with the files, the rest as follow-ups with the same visibility. */
async function sendPages(interaction: ChatInputCommandInteraction, pages: string[], files: ChatFile[], ephemeral: boolean): Promise<void> {
  const attachments = files.map((f) => new AttachmentBuilder(f.data, { name: f.name, ...(f.description ? { description: f.description } : {}) }));
  await interaction.editReply({ content: pages[0] ?? '', files: attachments, allowedMentions: noPings });
  for (const page of pages.slice(1)) {
    await interaction.followUp({ content: page, allowedMentions: noPings, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  }
}

async function participation(interaction: ChatInputCommandInteraction, ctx: Context, course: CourseRow): Promise<void> {
  const inChannel = interaction.options.getBoolean('post_in_channel') ?? false;
  const format = (interaction.options.getString('format') ?? 'reply') as ParticipationFormat;
  const roundName = interaction.options.getString('round');
  // A wrong round name is answered privately before anything shows in the channel.
  const round = roundName ? await findRoundByName(ctx.db, course.id, roundName) : null;
  // Rendering a chart can take longer than Discord's 3-second answer window.
  await interaction.deferReply(inChannel ? {} : { flags: MessageFlags.Ephemeral });
  const out = await participationOutput(ctx.db, {
    courseId: course.id,
    roundId: round?.id ?? null,
    now: ctx.clock.now(),
    format,
    audience: inChannel ? 'channel' : 'private',
    log: ctx.log,
  });
  await recordAudit(ctx.db, {
    courseId: course.id,
    guildId: course.guildId,
    actorUserId: interaction.user.id,
    action: 'report.participation',
    details: { format, round: round?.name ?? null, postedInChannel: inChannel ? interaction.channelId : null, students: out.report.totals.students },
  });
  await sendPages(interaction, out.pages, out.files, !inChannel);
}

export const report = {
  data,
  access: 'staff',
  execute: inCourseChannel(async (interaction, ctx, course) => {
    const sub = interaction.options.getSubcommand();
    if (sub === 'participation') return participation(interaction, ctx, course);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const now = ctx.clock.now();
    let pages: string[];
    if (sub === 'reminders') {
      const stats = await reminderStats(ctx.db, course.id);
      pages = remindersReportText(stats.stages, { title: `Reminders — ${course.name}` });
      const notes = [
        stats.dmClosedDeliveredInChannel
          ? `${stats.dmClosedDeliveredInChannel} of the failed DMs reached the student as a mention in the reminder thread instead.`
          : '',
        stats.otherFailures ? `${stats.otherFailures} reminder(s) failed for another reason (no Discord account, no longer owed, or no fallback channel).` : '',
      ]
        .filter(Boolean)
        .join('\n');
      if (notes) pages.push(notes);
    } else if (sub === 'health') {
      pages = await healthReport({ db: ctx.db, chat: ctx.chat }, course.id, now);
    } else {
      pages = await auditReport(ctx.db, { courseId: course.id, limit: interaction.options.getInteger('limit') ?? undefined });
      await recordAudit(ctx.db, {
        courseId: course.id,
        guildId: course.guildId,
        actorUserId: interaction.user.id,
        action: 'report.audit',
        details: { shown: pages.length },
      });
    }
    await sendPages(interaction, pages, [], true);
  }),
} satisfies Command;
