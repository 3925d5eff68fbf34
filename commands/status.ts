import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { courseForInteraction } from '../src/discord/course-access.js';
import { studentStatus } from '../src/reports/student-status.js';

const data = new SlashCommandBuilder()
  .setName('status')
  .setDescription('Your peer reviews, when they are due, and your participation (only you see it)')
  .setDMPermission(false);

export const status = {
  data,
  access: 'everyone',
  async execute(interaction, ctx) {
    const course = await courseForInteraction(ctx.db, interaction);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    // Looked up by the caller's own Discord id only: there is no option to ask about someone else.
    const pages = await studentStatus(ctx.db, { courseId: course.id, guildId: course.guildId, discordUserId: interaction.user.id, now: ctx.clock.now() });
    await interaction.editReply({ content: pages[0]!, allowedMentions: { parse: [] } });
    for (const page of pages.slice(1)) await interaction.followUp({ content: page, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
} satisfies Command;
