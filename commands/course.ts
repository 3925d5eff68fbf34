import { ChannelType, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Context } from '../src/context.js';
import { setupCourse } from '../src/courses/setup-course.js';
import { setCourseStatus, showCourse } from '../src/courses/course-status.js';
import { backfillCourse } from '../src/courses/backfill-course.js';
import { changeCourseSettings } from '../src/courses/course-name-style.js';
import { setStaffPosts } from '../src/courses/staff-posts.js';
import { coursePush } from '../src/courses/push-setup.js';
import { courseBlogKind } from '../src/db/repositories/courses.js';
import type { Command } from '../src/discord/command.js';
import { data } from './definitions/course.js';
import { confirmButtons } from '../src/discord/confirm-buttons.js';
import { courseForInteraction } from '../src/discord/course-access.js';
import { collect, credentialsFrom, parseCourseDay } from '../src/discord/course-options.js';
import { replaceCredentials } from '../src/courses/replace-credentials.js';
import { requestConfirmation } from '../src/privacy/confirmations.js';
import { purgeCourseData } from '../src/privacy/purge-course.js';
import { staffConfirmButton } from './shared/staff-confirm-button.js';

const archiveKind = 'course.archive';

async function setup(interaction: ChatInputCommandInteraction, ctx: Context): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const channel = interaction.options.getChannel('channel', true);
  const optionProblems: string[] = [];
  const result = await setupCourse(ctx, {
    guildId: interaction.guildId!,
    channelId: channel.id,
    staffRoleId: interaction.options.getRole('staff_role', true).id,
    staffChannelId: interaction.options.getChannel('staff_channel')?.id ?? null,
    actorUserId: interaction.user.id,
    credentials: collect(optionProblems, () => credentialsFrom(interaction)),
    optionProblems,
    settings: {
      name: interaction.options.getString('name', true),
      channelKind: channel.type === ChannelType.GuildForum ? 'forum' : channel.type === ChannelType.GuildText ? 'text' : 'other',
      blogKind: interaction.options.getString('blog_kind', true),
      blogUrl: interaction.options.getString('blog_url', true),
      timeZone: interaction.options.getString('time_zone', true),
      quietHoursStart: interaction.options.getString('quiet_start'),
      quietHoursEnd: interaction.options.getString('quiet_end'),
      endsAt: collect(optionProblems, () =>
        parseCourseDay(interaction.options.getString('ends_on'), 'ends_on', interaction.options.getString('time_zone', true), 'end'),
      ),
      ...(interaction.options.getInteger('min_words') !== null ? { minCommentWords: interaction.options.getInteger('min_words') } : {}),
      ...(interaction.options.getString('blog_names') !== null ? { blogNameStyle: interaction.options.getString('blog_names') } : {}),
    },
  });
  await interaction.editReply({
    content:
      `Course set up: essays from **${result.siteName}** will appear in <#${channel.id}>. Only essays published from now on are announced; use /course backfill to import older ones.\n` +
      (result.reminderThreadId
        ? `Reminders that cannot go by DM are posted in <#${result.reminderThreadId}>, where students can read them.`
        : 'The reminder thread could not be opened yet; the bot opens it in that channel when the first reminder needs it.'),
    allowedMentions: { parse: [] },
  });
}

export const course = {
  data,
  access: (sub) => (sub === 'setup' ? 'server_manager' : 'staff'),
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    if (sub === 'setup') return setup(interaction, ctx);
    const target = await courseForInteraction(ctx.db, interaction);
    if (sub === 'show') {
      await interaction.reply({ content: await showCourse(ctx.db, target.id), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    if (sub === 'pause' || sub === 'resume') {
      const actor = { userId: interaction.user.id, guildId: target.guildId };
      await setCourseStatus(ctx.db, { courseId: target.id, status: sub === 'pause' ? 'paused' : 'active', actor });
      await interaction.reply({
        content: sub === 'pause' ? `${target.name} is paused: no polling, no reminders.` : `${target.name} is active again.`,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    if (sub === 'settings') {
      const content = await changeCourseSettings(ctx.db, {
        courseId: target.id,
        guildId: target.guildId,
        actorUserId: interaction.user.id,
        minWords: interaction.options.getInteger('min_words'),
        blogNames: interaction.options.getString('blog_names'),
      });
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    if (sub === 'credentials') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await replaceCredentials(ctx, {
        courseId: target.id,
        guildId: target.guildId,
        actorUserId: interaction.user.id,
        credentials: credentialsFrom(interaction),
      });
      await interaction.editReply('New blog credentials tested and saved (encrypted). The old ones are gone.');
      return;
    }
    if (sub === 'staff_posts') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const text = await setStaffPosts(ctx, {
        courseId: target.id,
        guildId: target.guildId,
        actorUserId: interaction.user.id,
        blogUsername: interaction.options.getString('blog_username'),
        category: interaction.options.getString('category'),
      });
      await interaction.editReply({ content: text, allowedMentions: { parse: [] } });
      return;
    }
    if (sub === 'push') {
      const blogKind = await courseBlogKind(ctx.db, target.id);
      const text = await coursePush(ctx, {
        courseId: target.id,
        guildId: target.guildId,
        blogKind,
        actorUserId: interaction.user.id,
        rotate: interaction.options.getBoolean('rotate') ?? false,
      });
      await interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    if (sub === 'archive') {
      const id = await requestConfirmation(ctx.db, {
        kind: archiveKind,
        courseId: target.id,
        actorUserId: interaction.user.id,
        payload: {},
        now: ctx.clock.now(),
      });
      await interaction.reply({
        content: `Archive **${target.name}** now? Every student’s personal data is deleted from CourseThreads (roster, identities, reviews, reminders, blog credentials); anonymous totals stay. The bot stops following the blog. Comments stay on the blog and in Discord. This cannot be undone.`,
        components: [confirmButtons('course', id, 'Archive and delete')],
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return;
    }
    const since = parseCourseDay(interaction.options.getString('since', true), 'since', target.timeZone, 'start')!;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const summary = await backfillCourse(ctx, { courseId: target.id, since, actorUserId: interaction.user.id });
    await interaction.editReply(`Backfill queued: ${summary.created} essay thread(s) will be created, paced under Discord's rate limits.`);
    ctx.kickOutbox();
  },
  onButton: staffConfirmButton(archiveKind, async (interaction, ctx, target) => {
    const summary = await purgeCourseData(ctx.db, {
      courseId: target.id,
      now: ctx.clock.now(),
      actorUserId: interaction.user.id,
      blogFor: (id) => ctx.blogFor(id),
    });
    // The blog credentials are gone now: files the blog refused to delete can only be deleted by a blog admin.
    const left = summary.uploads.left
      ? ` ${summary.uploads.left} file(s) uploaded for students’ replies could not be deleted from the blog’s media library: ask a blog admin to delete them.`
      : '';
    await interaction.update({
      content: `${target.name} is archived: personal data of ${summary.students.students} student(s) deleted; anonymous totals kept.${left}`,
      components: [],
    });
  }),
} satisfies Command;
