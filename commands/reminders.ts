import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { recordAudit } from '../src/courses/audit.js';
import type { Command } from '../src/discord/command.js';
import { courseForInteraction } from '../src/discord/course-access.js';
import { previewReminders, renderReminderPreview, sendRemindersNow, setReminderMode } from '../src/reminders/preview-reminders.js';

const data = new SlashCommandBuilder()
  .setName('reminders')
  .setDescription('Peer review reminders')
  .setDMPermission(false)
  .addSubcommand((s) => s.setName('mode').setDescription('Get reminders by DM or as a mention in the course reminder thread')
    .addStringOption((o) => o.setName('via').setDescription('Where to remind you').setRequired(true).addChoices(
      { name: 'Direct message', value: 'dm' }, { name: 'Mention in the course channel', value: 'channel' })))
  .addSubcommand((s) => s.setName('preview').setDescription('Staff: who would be reminded now and why (sends nothing)'))
  .addSubcommand((s) => s.setName('send-now').setDescription('Staff: run the reminder sweep now (each reminder still goes once)'));

export const reminders = {
  data,
  access: (sub) => (sub === 'mode' ? 'everyone' : 'staff'),
  async execute(interaction, ctx) {
    const course = await courseForInteraction(ctx.db, interaction);
    const sub = interaction.options.getSubcommand();
    if (sub === 'mode') {
      const mode = interaction.options.getString('via', true) as 'dm' | 'channel';
      await setReminderMode(ctx.db, { courseId: course.id, discordUserId: interaction.user.id, mode });
      await interaction.reply({ content: mode === 'dm' ? 'You will get reminders by direct message.' : 'You will get reminders as a mention in the course reminder thread.', flags: MessageFlags.Ephemeral });
      return;
    }
    if (sub === 'preview') {
      const { status } = await ctx.db.course.findUniqueOrThrow({ where: { id: course.id }, select: { status: true } });
      const lines = await previewReminders(ctx.db, course.id, ctx.clock.now());
      await interaction.reply({ content: renderReminderPreview(lines, status === 'paused'), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const s = await sendRemindersNow({ db: ctx.db, chat: ctx.chat, clock: ctx.clock, log: ctx.log }, course.id);
    await recordAudit(ctx.db, { courseId: course.id, guildId: course.guildId, actorUserId: interaction.user.id, action: 'reminders.send_now', details: { sent: s.sent, failed: s.failed } });
    await interaction.editReply(`Sweep done: ${s.sent} reminder(s) sent, ${s.failed} failed, ${s.deferred} waiting for Discord, ${s.postponed} held for quiet hours, ${s.duplicates} already sent elsewhere. Digest: ${s.digest ?? 'n/a'}.`);
  },
} satisfies Command;
