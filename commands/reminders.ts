import { MessageFlags } from 'discord.js';
import { recordAudit } from '../src/courses/audit.js';
import type { Command } from '../src/discord/command.js';
import { previewReminders, renderReminderPreview, renderSendNow, sendRemindersNow, setReminderMode } from '../src/reminders/preview-reminders.js';
import { everyoneFor, inCourseChannel } from './shared/in-course.js';
import { requiredChoice, serverCommand } from './shared/slash-builders.js';

const data = serverCommand('reminders', 'Peer review reminders')
  .addSubcommand((s) =>
    s
      .setName('mode')
      .setDescription('Get reminders by DM or as a mention in the course reminder thread')
      .addStringOption(
        requiredChoice('via', 'Where to remind you', [
          { name: 'Direct message', value: 'dm' },
          { name: 'Mention in the course channel', value: 'channel' },
        ]),
      ),
  )
  .addSubcommand((s) => s.setName('preview').setDescription('Staff: dry run of send-now: who would be reminded now, of what, and where (sends nothing)'))
  .addSubcommand((s) => s.setName('send-now').setDescription('Staff: send the due reminders now and name who was reminded where (each still goes once)'));

export const reminders = {
  data,
  access: everyoneFor('mode'),
  execute: inCourseChannel(async (interaction, ctx, course) => {
    const sub = interaction.options.getSubcommand();
    if (sub === 'mode') {
      const mode = interaction.options.getString('via', true) as 'dm' | 'channel';
      await setReminderMode(ctx.db, { courseId: course.id, discordUserId: interaction.user.id, mode });
      await interaction.reply({
        content: mode === 'dm' ? 'You will get reminders by direct message.' : 'You will get reminders as a mention in the course reminder thread.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    if (sub === 'preview') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const now = ctx.clock.now();
      const preview = await previewReminders(ctx.db, course.id, now, ctx.log);
      await interaction.editReply({ content: renderReminderPreview(preview, now), allowedMentions: { parse: [] } });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const report = await sendRemindersNow({ db: ctx.db, chat: ctx.chat, clock: ctx.clock, log: ctx.log }, course.id);
    const s = report.summary;
    await recordAudit(ctx.db, {
      courseId: course.id,
      guildId: course.guildId,
      actorUserId: interaction.user.id,
      action: 'reminders.send_now',
      details: { sent: s.sent, failed: s.failed },
    });
    await interaction.editReply({ content: renderSendNow(report), allowedMentions: { parse: [] } });
  }),
} satisfies Command;
