// /privacy name, discord-only, pseudonyms and pseudonym-decision (issue 12 item 11): thin handlers that read
// the options, call the privacy use cases and reply ephemerally. Their options are defined with the rest of
// /privacy's in commands/definitions/privacy.ts.
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Context } from '../context.js';
import { findStudentByDiscordId } from '../db/repositories/students.js';
import { chooseBlogName, setDiscordOnly } from '../privacy/blog-name-choice.js';
import { decidePseudonym, listPendingPseudonyms } from '../privacy/pseudonym-review.js';
import { UserError } from '../shared/user-error.js';
import type { CourseRow } from './course-access.js';

export const NAME_SUBCOMMANDS = ['name', 'discord-only', 'pseudonyms', 'pseudonym-decision'] as const;
export const STAFF_NAME_SUBCOMMANDS: readonly string[] = ['pseudonyms', 'pseudonym-decision'];

async function rosterStudent(ctx: Context, course: CourseRow, discordUserId: string, typed: boolean) {
  const student = await findStudentByDiscordId(ctx.db, course.id, discordUserId);
  if (!student)
    throw new UserError(
      typed
        ? `student: <@${discordUserId}> is not on the roster of ${course.name} (/roster show lists who is).`
        : `You are not on the roster of ${course.name} yet, so nothing of yours is published. Ask the course staff to add you.`,
    );
  return student;
}

export async function runNameSubcommand(interaction: ChatInputCommandInteraction, ctx: Context, course: CourseRow, sub: string): Promise<void> {
  let content: string;
  if (sub === 'pseudonyms') content = await listPendingPseudonyms(ctx.db, course.id);
  else if (sub === 'pseudonym-decision') {
    const student = await rosterStudent(ctx, course, interaction.options.getUser('student', true).id, true);
    content = await decidePseudonym(ctx.db, {
      courseId: course.id,
      guildId: course.guildId,
      studentId: student.id,
      actorUserId: interaction.user.id,
      approve: interaction.options.getString('decision', true) === 'approve',
      now: ctx.clock.now(),
    });
    ctx.kickOutbox();
  } else {
    const student = await rosterStudent(ctx, course, interaction.user.id, false);
    content =
      sub === 'name'
        ? await chooseBlogName(ctx.db, {
            courseId: course.id,
            studentId: student.id,
            choice: interaction.options.getString('choice', true),
            pseudonym: interaction.options.getString('pseudonym'),
            now: ctx.clock.now(),
          })
        : await setDiscordOnly(ctx.db, { studentId: student.id, enabled: interaction.options.getBoolean('enabled', true) });
    if (sub === 'name') ctx.kickOutbox();
  }
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}
