import { AttachmentBuilder, MessageFlags, SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { Context } from '../src/context.js';
import { findStudentByDiscordId } from '../src/db/repositories/students.js';
import type { Command } from '../src/discord/command.js';
import { parseConfirmButton } from '../src/discord/confirm-buttons.js';
import { promptStudentPurge, purgeStudentKind } from '../src/discord/purge-student-prompt.js';
import { addNameSubcommands, NAME_SUBCOMMANDS, runNameSubcommand, STAFF_NAME_SUBCOMMANDS } from '../src/discord/privacy-name-commands.js';
import { courseForInteraction, isCourseStaff, type CourseRow } from '../src/discord/course-access.js';
import { cancelConfirmation, takeConfirmation } from '../src/privacy/confirmations.js';
import { exportStudentData } from '../src/privacy/export-student.js';
import { describeRemains, purgeStudent } from '../src/privacy/purge-student.js';
import { UserError } from '../src/shared/user-error.js';
import { z } from 'zod';

const data = addNameSubcommands(
  new SlashCommandBuilder()
    .setName('privacy')
    .setDescription('Your data in this course: your name on the blog, Discord-only replies, export; staff: purge')
    .setDMPermission(false),
)
  .addSubcommand((s) =>
    s
      .setName('export')
      .setDescription('A JSON file of everything the bot holds about you (staff: about a student)')
      .addUserOption((o) => o.setName('student').setDescription('Staff only: the student to export')),
  )
  .addSubcommand((s) =>
    s
      .setName('purge')
      .setDescription('Staff: delete a student’s personal data from the bot (asks to confirm)')
      .addUserOption((o) => o.setName('student').setDescription('The student').setRequired(true)),
  );

function memberOf(interaction: ChatInputCommandInteraction | ButtonInteraction) {
  return interaction.inCachedGuild() ? interaction.member : null;
}

async function studentByDiscordId(ctx: Context, course: CourseRow, discordUserId: string, typed: boolean) {
  const student = await findStudentByDiscordId(ctx.db, course.id, discordUserId);
  if (!student)
    throw new UserError(
      typed
        ? `student: <@${discordUserId}> is not on the roster of ${course.name} with this Discord account (/roster show lists who is).`
        : `You are not on the roster of ${course.name} with this Discord account; the bot holds no data about you here.`,
    );
  return student;
}

async function exportData(interaction: ChatInputCommandInteraction, ctx: Context, course: CourseRow): Promise<void> {
  const target = interaction.options.getUser('student');
  const aboutSomeoneElse = target !== null && target.id !== interaction.user.id;
  // A student may export only themselves; staff may export anyone on the roster (and that look is audited).
  if (aboutSomeoneElse && !isCourseStaff(memberOf(interaction), course))
    throw new UserError('You can export only your own data. Run /privacy export without a student.');
  const student = await studentByDiscordId(ctx, course, target?.id ?? interaction.user.id, Boolean(target));
  const exported = await exportStudentData(ctx.db, {
    courseId: course.id,
    studentId: student.id,
    now: ctx.clock.now(),
    ...(aboutSomeoneElse ? { auditAs: { actorUserId: interaction.user.id, guildId: course.guildId } } : {}),
  });
  const file = new AttachmentBuilder(Buffer.from(JSON.stringify(exported, null, 2), 'utf8'), {
    name: `coursethreads-${course.name.replace(/[^\w-]+/g, '-')}-data.json`,
  });
  await interaction.reply({
    content: aboutSomeoneElse
      ? `Everything CourseThreads holds about ${student.displayName} in ${course.name}.`
      : `Everything CourseThreads holds about you in ${course.name}.`,
    files: [file],
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}

async function askToPurge(interaction: ChatInputCommandInteraction, ctx: Context, course: CourseRow): Promise<void> {
  const student = await studentByDiscordId(ctx, course, interaction.options.getUser('student', true).id, true);
  await promptStudentPurge(interaction, ctx, course, student);
}

async function onButton(interaction: ButtonInteraction, ctx: Context): Promise<void> {
  const button = parseConfirmButton(interaction.customId);
  if (!button) return;
  const course = await courseForInteraction(ctx.db, interaction);
  if (!isCourseStaff(memberOf(interaction), course)) throw new UserError(`Only the staff of ${course.name} can do this.`);
  if (button.action === 'cancel') {
    await cancelConfirmation(ctx.db, button.id);
    await interaction.update({ content: 'Cancelled: nothing was deleted.', components: [] });
    return;
  }
  const payload = z
    .object({ studentId: z.string() })
    .parse(await takeConfirmation(ctx.db, { id: button.id, kind: purgeStudentKind, actorUserId: interaction.user.id, now: ctx.clock.now() }));
  const summary = await purgeStudent(ctx.db, {
    courseId: course.id,
    studentId: payload.studentId,
    actorUserId: interaction.user.id,
    guildId: course.guildId,
    now: ctx.clock.now(),
  });
  await interaction.update({
    content: `Done: the student’s personal data was deleted from CourseThreads. ${describeRemains(summary.remainsElsewhere)}`,
    components: [],
    allowedMentions: { parse: [] },
  });
}

export const privacy = {
  data,
  // Export is every student's right for their own data (staff checked inside when it is someone else's).
  access: (sub) => (sub === 'purge' || STAFF_NAME_SUBCOMMANDS.includes(sub ?? '') ? 'staff' : 'everyone'),
  async execute(interaction, ctx) {
    const course = await courseForInteraction(ctx.db, interaction);
    const sub = interaction.options.getSubcommand();
    if ((NAME_SUBCOMMANDS as readonly string[]).includes(sub)) return runNameSubcommand(interaction, ctx, course, sub);
    if (sub === 'export') return exportData(interaction, ctx, course);
    return askToPurge(interaction, ctx, course);
  },
  onButton,
} satisfies Command;
