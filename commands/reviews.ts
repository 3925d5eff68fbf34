import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Context } from '../src/context.js';
import type { Command } from '../src/discord/command.js';
import { data } from './definitions/reviews.js';
import { isCourseStaff, type CourseRow } from '../src/discord/course-access.js';
import { confirmRound, discardPreview } from '../src/reviews/confirm-round.js';
import { parseLocalDateTime, parseLocalDay } from '../src/reviews/parse-local-time.js';
import { previewRound } from '../src/reviews/preview-round.js';
import { cancelRound, listRounds, renderRounds, swapReviewer } from '../src/reviews/round-admin.js';
import { reviewPairsCsv } from '../src/reviews/review-pairs-csv.js';
import { renderPairsPage } from '../src/reviews/review-pairs-text.js';
import { loadReviewPairs } from '../src/reviews/round-pairs.js';
import { renderNoticeSummary, sendRoundNotices } from '../src/reviews/round-notices.js';
import { discordUserNames } from '../src/discord/discord-names.js';
import { findStudent } from '../src/roster/roster-students.js';
import { UserError } from '../src/shared/user-error.js';
import { courseForStaff, everyoneFor, inCourseChannel, memberOf } from './shared/in-course.js';

async function assign(interaction: ChatInputCommandInteraction, ctx: Context, course: { id: string; timeZone: string }): Promise<void> {
  const tz = course.timeZone;
  const opt = (n: string) => interaction.options.getString(n) ?? undefined;
  const from = opt('published_from');
  const to = opt('published_to');
  const preview = await previewRound(ctx.db, {
    courseId: course.id,
    actorUserId: interaction.user.id,
    name: interaction.options.getString('name', true),
    dueAt: parseLocalDateTime(interaction.options.getString('due', true), tz, 'due'),
    k: interaction.options.getInteger('reviews', true),
    mode: (opt('mode') ?? 'assigned') as 'assigned' | 'quota',
    filter: {
      ...(from ? { publishedFrom: parseLocalDay(from, tz, 'published_from', 'start').toISOString() } : {}),
      ...(to ? { publishedTo: parseLocalDay(to, tz, 'published_to', 'end').toISOString() } : {}),
      ...(opt('category') ? { category: opt('category') } : {}),
      ...(opt('tag') ? { tag: opt('tag') } : {}),
    },
    now: ctx.clock.now(),
    excludeUnlinked: interaction.options.getBoolean('exclude_unlinked') ?? false,
    minWords: interaction.options.getInteger('min_words'),
  });
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`reviews:confirm:${preview.pendingId}`).setLabel('Confirm').setStyle(ButtonStyle.Success).setDisabled(!preview.confirmable),
    new ButtonBuilder().setCustomId(`reviews:cancel:${preview.pendingId}`).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
  );
  await interaction.reply({ content: preview.text, components: [row], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

async function onButton(interaction: ButtonInteraction, ctx: Context): Promise<void> {
  const [, action, pendingId] = interaction.customId.split(':');
  if (!pendingId) return;
  // Buttons are checked like commands: only the course staff may apply a round.
  const course = await courseForStaff(ctx, interaction);
  if (action === 'cancel') {
    await discardPreview(ctx.db, pendingId);
    await interaction.update({ content: 'Cancelled: no round was created.', components: [] });
    return;
  }
  // Deferred: the reply waits for the students' notices, so staff learn at once whose DMs are closed.
  await interaction.deferUpdate();
  const outcome = await confirmRound(ctx.db, pendingId, { userId: interaction.user.id, guildId: course.guildId }, ctx.clock.now());
  const notices = renderNoticeSummary(await sendRoundNotices(ctx, { courseId: outcome.courseId, roundId: outcome.roundId }));
  const head = outcome.created
    ? `Round “${outcome.name}” created: ${outcome.assignments} review(s) assigned. Reminders go out on schedule; /reviews list round:${outcome.name} shows who reviews whom.`
    : `Round “${outcome.name}” was already created (${outcome.assignments} review(s)); nothing was added.`;
  await interaction.editReply({ content: `${head}\n${notices}`.slice(0, 2_000), components: [], allowedMentions: { parse: [] } });
}

/** /reviews list: the rounds, or one round's pairs (a page, or the whole round as CSV); students see their own. */
async function list(interaction: ChatInputCommandInteraction, ctx: Context, course: CourseRow): Promise<void> {
  const roundName = interaction.options.getString('round');
  const format = interaction.options.getString('format') ?? 'reply';
  if (!roundName) {
    if (format === 'csv') throw new UserError('format: a CSV file covers one round: add round: with its name (the rounds are listed by /reviews list).');
    const rounds = await listRounds(ctx.db, course.id);
    const hint = rounds.length ? '\nWho reviews whom: /reviews list round:<name> (add format:CSV file for a spreadsheet).' : '';
    return reply(interaction, renderRounds(rounds, course.timeZone).slice(0, 1_900) + hint);
  }
  const staff = isCourseStaff(memberOf(interaction), course);
  const pairs = await loadReviewPairs(ctx.db, { courseId: course.id, roundName, ...(staff ? {} : { onlyReviewerDiscordId: interaction.user.id }) });
  if (format === 'csv') {
    const names = await discordUserNames(
      interaction.client,
      pairs.flatMap((p) => (p.reviewerDiscordUserId ? [p.reviewerDiscordUserId] : [])),
    );
    const file = new AttachmentBuilder(await reviewPairsCsv(pairs, { timeZone: course.timeZone, discordNames: names }), {
      name: `reviews-${roundName.trim().replace(/[^A-Za-z0-9_-]+/g, '-')}.csv`,
    });
    await interaction.reply({
      content: `Round “${roundName.trim()}”: ${pairs.length} review(s), due times in ${course.timeZone}.`,
      files: [file],
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  const dueAt = pairs[0]?.dueAt ?? null;
  return reply(
    interaction,
    renderPairsPage({
      roundName: pairs[0]?.roundName ?? roundName.trim(),
      dueAt,
      timeZone: course.timeZone,
      pairs,
      page: interaction.options.getInteger('page') ?? 1,
      ownOnly: !staff,
    }),
  );
}

async function reply(interaction: ChatInputCommandInteraction, content: string): Promise<void> {
  await interaction.reply({ content: content.slice(0, 2_000), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

export const reviews = {
  data,
  access: everyoneFor('list'),
  execute: inCourseChannel(async (interaction, ctx, course) => {
    const sub = interaction.options.getSubcommand();
    const actor = { userId: interaction.user.id, guildId: course.guildId };
    if (sub === 'assign') return assign(interaction, ctx, course);
    if (sub === 'list') return list(interaction, ctx, course);
    let content: string;
    if (sub === 'cancel') {
      const name = interaction.options.getString('round', true);
      const r = await cancelRound(ctx.db, { courseId: course.id, name, actor });
      content = `Round “${name}” cancelled: ${r.cancelledAssignments} pending review(s) will not be reminded.`;
    } else {
      const from = await findStudent(ctx.db, course.id, { discordUserId: interaction.options.getUser('from', true).id });
      const to = await findStudent(ctx.db, course.id, { discordUserId: interaction.options.getUser('to', true).id });
      const r = await swapReviewer(ctx.db, {
        courseId: course.id,
        name: interaction.options.getString('round', true),
        fromStudentId: from.id,
        toStudentId: to.id,
        actor,
      });
      content = `${r.moved} review(s) moved from ${from.displayName} to ${to.displayName}.${r.kept.length ? `\nKept with ${from.displayName}: ${r.kept.join('; ')}.` : ''}`;
    }
    await interaction.reply({ content: content.slice(0, 2_000), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  }),
  onButton,
} satisfies Command;
