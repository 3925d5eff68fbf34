// /privacy name, discord-only, pseudonyms and pseudonym-decision (issue 12 item 11): thin handlers that read
// the options, call the privacy use cases and reply ephemerally. Their option definitions live here too, so
// commands/privacy.ts only adds them to its builder.
import { MessageFlags, type ChatInputCommandInteraction, type SlashCommandBuilder } from 'discord.js';
import type { Context } from '../context.js';
import { NAME_STYLES, NAME_STYLE_WORDS } from '../core/roster/blog-author-name.js';
import { findStudentByDiscordId } from '../db/repositories/students.js';
import { chooseBlogName, setDiscordOnly } from '../privacy/blog-name-choice.js';
import { decidePseudonym, listPendingPseudonyms } from '../privacy/pseudonym-review.js';
import { UserError } from '../shared/user-error.js';
import type { CourseRow } from './course-access.js';

export const NAME_SUBCOMMANDS = ['name', 'discord-only', 'pseudonyms', 'pseudonym-decision'] as const;
export const STAFF_NAME_SUBCOMMANDS: readonly string[] = ['pseudonyms', 'pseudonym-decision'];

export function addNameSubcommands(builder: SlashCommandBuilder) {
  return builder
    .addSubcommand((s) =>
      s
        .setName('name')
        .setDescription('How your name appears on the blog when your thread replies are published there')
        .addStringOption((o) =>
          o
            .setName('choice')
            .setDescription('Full name, first name and initial, or a pseudonym staff approve')
            .setRequired(true)
            .addChoices(...NAME_STYLES.map((v) => ({ name: NAME_STYLE_WORDS[v], value: v }))),
        )
        .addStringOption((o) => o.setName('pseudonym').setDescription('With choice:pseudonym, the name to show (staff approve it first)').setMaxLength(40)),
    )
    .addSubcommand((s) =>
      s
        .setName('discord-only')
        .setDescription('Keep your thread replies in Discord: not published on the blog, still counted')
        .addBooleanOption((o) => o.setName('enabled').setDescription('true: keep them in Discord; false: publish them on the blog').setRequired(true)),
    )
    .addSubcommand((s) => s.setName('pseudonyms').setDescription('Staff: the pseudonyms students asked for, waiting for approval'))
    .addSubcommand((s) =>
      s
        .setName('pseudonym-decision')
        .setDescription('Staff: approve or reject a student’s pseudonym (they are told by DM)')
        .addUserOption((o) => o.setName('student').setDescription('The student').setRequired(true))
        .addStringOption((o) =>
          o
            .setName('decision')
            .setDescription('approve or reject')
            .setRequired(true)
            .addChoices({ name: 'approve', value: 'approve' }, { name: 'reject', value: 'reject' }),
        ),
    );
}

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
