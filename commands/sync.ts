import { MessageFlags } from 'discord.js';
import { recordAudit } from '../src/courses/audit.js';
import { retryDeadLetters } from '../src/courses/retry-dead-letters.js';
import type { Command } from '../src/discord/command.js';
import { syncCourseNow } from '../src/jobs/sync-now.js';
import { inCourseChannel } from './shared/in-course.js';
import { staffCommand } from './shared/slash-builders.js';

const data = staffCommand('sync', 'Mirror between the blog and Discord now')
  .addSubcommand((s) => s.setName('now').setDescription('Poll the blog and compare every essay’s comments now'))
  .addSubcommand((s) => s.setName('retry').setDescription('Retry the effects that failed too often (dead letters)'));

export const sync = {
  data,
  access: 'staff',
  execute: inCourseChannel(async (interaction, ctx, course) => {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    if (interaction.options.getSubcommand() === 'retry') {
      const actor = { userId: interaction.user.id, guildId: course.guildId };
      const count = await retryDeadLetters(ctx.db, { courseId: course.id, actor, now: ctx.clock.now() });
      ctx.kickOutbox();
      await interaction.editReply(count ? `${count} failed effect(s) will be retried now.` : 'There is nothing to retry: no dead letters.');
      return;
    }
    const outcome = await syncCourseNow(ctx, course.id);
    if ('heldElsewhere' in outcome) {
      await interaction.editReply(
        'Another CourseThreads process is syncing this course right now, so nothing was done here. It polls the blog every few minutes; run `/sync now` again in a minute if you still need it.',
      );
      return;
    }
    const result = outcome.summary;
    await recordAudit(ctx.db, { courseId: course.id, guildId: course.guildId, actorUserId: interaction.user.id, action: 'sync.now' });
    await interaction.editReply(
      `Synced. Essays: ${result.essays.created} new, ${result.essays.updated} updated, ${result.essays.reopened} reopened, ${result.essays.closed} closed. ` +
        `Blog comments: ${result.comments.posted} new, ${result.comments.edited} edited, ${result.comments.removed} removed. ` +
        `Effects: ${result.effects.done} done, ${result.effects.retried} to retry, ${result.effects.dead} failed.`,
    );
  }),
} satisfies Command;
