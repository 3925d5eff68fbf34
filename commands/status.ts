import { MessageFlags } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { studentStatus } from '../src/reports/student-status.js';
import { inCourseChannel } from './shared/in-course.js';
import { serverCommand } from './shared/slash-builders.js';

const data = serverCommand('status', 'Your peer reviews, when they are due, and your participation (only you see it)');

export const status = {
  data,
  access: 'everyone',
  execute: inCourseChannel(async (interaction, ctx, course) => {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    // Looked up by the caller's own Discord id only: there is no option to ask about someone else.
    const pages = await studentStatus(ctx.db, { courseId: course.id, guildId: course.guildId, discordUserId: interaction.user.id, now: ctx.clock.now() });
    await interaction.editReply({ content: pages[0]!, allowedMentions: { parse: [] } });
    for (const page of pages.slice(1)) await interaction.followUp({ content: page, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  }),
} satisfies Command;
