import { MessageFlags } from 'discord.js';
import { discordTimestamp } from '../src/core/format/format-date.js';
import { courseBlogUrl } from '../src/db/repositories/courses.js';
import type { Command } from '../src/discord/command.js';
import { approveLink, startLinkClaim } from '../src/roster/link-claims.js';
import { blogAccountId } from '../src/roster/blog-account-id.js';
import { inCourseChannel, staffFor } from './shared/in-course.js';
import { blogUsernameOption, requiredStudent, serverCommand } from './shared/slash-builders.js';

const data = serverCommand('link', 'Link your blog account to your Discord account')
  .addSubcommand((s) =>
    s
      .setName('claim')
      .setDescription('Get a one-time code to post as a blog comment')
      .addStringOption(blogUsernameOption('Your username on the class blog', true)),
  )
  .addSubcommand((s) =>
    s
      .setName('approve')
      .setDescription('Staff: link a student’s blog account without a code')
      .addUserOption(requiredStudent('user'))
      .addStringOption(blogUsernameOption('Their blog username', true))
      .addStringOption((o) => o.setName('blog_user_id').setDescription('Their numeric blog user id, if known')),
  );

export const link = {
  data,
  access: staffFor('approve'),
  execute: inCourseChannel(async (interaction, ctx, course) => {
    const now = ctx.clock.now();
    if (interaction.options.getSubcommand() === 'approve') {
      const user = interaction.options.getUser('user', true);
      const blogUsername = interaction.options.getString('blog_username', true).trim();
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const blogUserId = await blogAccountId(ctx, course.id, blogUsername, interaction.options.getString('blog_user_id'));
      const credited = await approveLink(ctx.db, {
        courseId: course.id,
        discordUserId: user.id,
        blogUsername,
        blogUserId,
        actor: { userId: interaction.user.id, guildId: course.guildId },
        now,
      });
      await interaction.editReply({
        content: `<@${user.id}> is linked to the blog account ${blogUsername} (blog user id ${blogUserId}). Credited to them now: ${credited.essayIds.length} essay(s), ${credited.comments} blog comment(s).`,
        allowedMentions: { parse: [] },
      });
      return;
    }
    const blogUsername = interaction.options.getString('blog_username', true);
    const claim = await startLinkClaim(ctx.db, { courseId: course.id, discordUserId: interaction.user.id, blogUsername, now });
    const blogUrl = await courseBlogUrl(ctx.db, course.id);
    await interaction.reply({
      content: [
        `Your one-time code: \`${claim.code}\` (shown only now).`,
        `Log in to ${blogUrl} as **${blogUsername}** and post the code as a comment on any post before ${discordTimestamp(claim.expiresAt, 'f')}.`,
        'The link is confirmed within a few minutes of the comment appearing; you can delete the comment afterwards.',
      ].join('\n'),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  }),
} satisfies Command;
