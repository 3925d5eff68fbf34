import { AttachmentBuilder, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Context } from '../src/context.js';
import { findStudentByDiscordId } from '../src/db/repositories/students.js';
import type { Command } from '../src/discord/command.js';
import { promptStudentPurge, purgeStudentKind } from '../src/discord/purge-student-prompt.js';
import { NAME_SUBCOMMANDS, runNameSubcommand, STAFF_NAME_SUBCOMMANDS } from '../src/discord/privacy-name-commands.js';
import { isCourseStaff, type CourseRow } from '../src/discord/course-access.js';
import { exportStudentData } from '../src/privacy/export-student.js';
import { describeRemains, purgeStudent } from '../src/privacy/purge-student.js';
import { UserError } from '../src/shared/user-error.js';
import { z } from 'zod';
import { data } from './definitions/privacy.js';
import { inCourseChannel, memberOf, staffFor } from './shared/in-course.js';
import { staffConfirmButton } from './shared/staff-confirm-button.js';

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

const onButton = staffConfirmButton(purgeStudentKind, async (interaction, ctx, course, confirmed) => {
  const payload = z.object({ studentId: z.string() }).parse(confirmed);
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
});

export const privacy = {
  data,
  // Export is every student's right for their own data (staff checked inside when it is someone else's).
  access: staffFor('purge', ...STAFF_NAME_SUBCOMMANDS),
  execute: inCourseChannel(async (interaction, ctx, course) => {
    const sub = interaction.options.getSubcommand();
    if ((NAME_SUBCOMMANDS as readonly string[]).includes(sub)) return runNameSubcommand(interaction, ctx, course, sub);
    if (sub === 'export') return exportData(interaction, ctx, course);
    return askToPurge(interaction, ctx, course);
  }),
  onButton,
} satisfies Command;
