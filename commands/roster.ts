import { AttachmentBuilder, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Context } from '../src/context.js';
import { csvSafeCell } from '../src/core/roster/csv-safe.js';
import type { Command } from '../src/discord/command.js';
import { importRoster, type ImportResult } from '../src/roster/import-roster.js';
import { linkRosterAccounts } from '../src/roster/link-roster-accounts.js';
import { addStudent, findStudent, removeStudent, rosterLines, showRoster } from '../src/roster/roster-students.js';
import { promptStudentPurge } from '../src/discord/purge-student-prompt.js';
import { UserError } from '../src/shared/user-error.js';
import { inCourseChannel } from './shared/in-course.js';
import { staffCommand } from './shared/slash-builders.js';

const MAX_CSV_BYTES = 1_000_000;

const data = staffCommand('roster', 'The course roster: students, emails, blog and Discord accounts')
  .addSubcommand((s) =>
    s
      .setName('import')
      .setDescription('Import a CSV (name, email, blog username, Discord user); nothing changes if a line is wrong')
      .addAttachmentOption((o) => o.setName('file').setDescription('CSV file, UTF-8').setRequired(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add one student')
      .addStringOption((o) => o.setName('name').setDescription('Full name').setRequired(true).setMaxLength(100))
      .addStringOption((o) => o.setName('email').setDescription('University email').setRequired(true))
      .addUserOption((o) => o.setName('user').setDescription('Their Discord account'))
      .addStringOption((o) => o.setName('blog_username').setDescription('Their blog username')),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Remove a student (and the reviews they still owe)')
      .addUserOption((o) => o.setName('user').setDescription('Their Discord account'))
      .addStringOption((o) => o.setName('email').setDescription('Or their email'))
      .addBooleanOption((o) => o.setName('purge').setDescription('Also delete all their personal data from the bot (asks to confirm)')),
  )
  .addSubcommand((s) => s.setName('show').setDescription('Show the roster'));

/** CSV text of the rows; the CSV library is loaded on first use, so the bot does not pay for it at start. */
async function csvText(rows: Parameters<typeof csvSafeCell>[0][][]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  return stringify(rows.map((r) => r.map((c) => csvSafeCell(c))));
}

async function importReport(result: ImportResult): Promise<{ content: string; files: AttachmentBuilder[] }> {
  const rows = result.ok ? result.lines.map((l) => [l.line, l.action, l.email, l.note ?? '']) : result.errors.map((e) => [e.line, 'error', '', e.message]);
  const head = result.ok
    ? `Roster imported: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged.`
    : `Nothing was imported: ${result.errors.length} problem(s). Fix them and upload the file again.`;
  const details = result.ok
    ? result.lines.filter((l) => l.note).map((l) => `Line ${l.line}: ${l.note}`)
    : result.errors.map((e) => `Line ${e.line}: ${e.message}`);
  const text = [head, ...details].join('\n');
  if (text.length <= 1_900) return { content: text, files: [] };
  const csv = await csvText([['line', 'result', 'email', 'message'], ...rows]);
  return { content: `${head}\nThe line-by-line report is attached.`, files: [new AttachmentBuilder(Buffer.from(csv), { name: 'roster-report.csv' })] };
}

async function runImport(interaction: ChatInputCommandInteraction, ctx: Context, courseId: string, guildId: string): Promise<void> {
  const file = interaction.options.getAttachment('file', true);
  if (file.size > MAX_CSV_BYTES) throw new UserError('The file is larger than 1 MB; a roster CSV is far smaller. Is it the right file?');
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const response = await fetch(file.url);
  if (!response.ok) throw new UserError('Discord did not let me download the file; upload it again.');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const result = await importRoster(ctx.db, {
    courseId,
    csvBytes: bytes,
    actor: { userId: interaction.user.id, guildId },
    resolveDiscordUsername: async (username) => {
      // Exact username match among server members; any failure just leaves the student to /link.
      const found = await interaction.guild?.members.search({ query: username, limit: 10 }).catch(() => null);
      return found?.find((m) => m.user.username.toLowerCase() === username)?.id ?? null;
    },
  });
  const report = await importReport(result);
  const accounts = result.ok ? `\n${await linkRosterAccounts(ctx, courseId)}` : '';
  await interaction.editReply({ content: `${report.content}${accounts}`, files: report.files, allowedMentions: { parse: [] } });
}

export const roster = {
  data,
  access: 'staff',
  execute: inCourseChannel(async (interaction, ctx, course) => {
    const actor = { userId: interaction.user.id, guildId: course.guildId };
    const sub = interaction.options.getSubcommand();
    if (sub === 'import') return runImport(interaction, ctx, course.id, course.guildId);
    let content: string;
    if (sub === 'add') {
      await addStudent(ctx.db, {
        courseId: course.id,
        actor,
        student: {
          name: interaction.options.getString('name', true),
          email: interaction.options.getString('email', true),
          discordUserId: interaction.options.getUser('user')?.id ?? null,
          blogUsername: interaction.options.getString('blog_username'),
        },
      });
      content = `${interaction.options.getString('name', true)} is on the roster of ${course.name}.`;
      if (interaction.options.getString('blog_username')) {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply({ content: `${content}\n${await linkRosterAccounts(ctx, course.id)}`, allowedMentions: { parse: [] } });
        return;
      }
    } else if (sub === 'remove') {
      if (interaction.options.getBoolean('purge')) {
        const ref = { discordUserId: interaction.options.getUser('user')?.id ?? null, email: interaction.options.getString('email') };
        return promptStudentPurge(interaction, ctx, course, await findStudent(ctx.db, course.id, ref));
      }
      const removed = await removeStudent(ctx.db, {
        courseId: course.id,
        actor,
        student: { discordUserId: interaction.options.getUser('user')?.id ?? null, email: interaction.options.getString('email') },
      });
      content = `${removed.displayName} was removed from the roster${removed.pendingRemoved ? ` with ${removed.pendingRemoved} pending review(s)` : ''}. Their essays and comments stay until the course data is purged.`;
    } else {
      const entries = await showRoster(ctx.db, course.id);
      const lines = rosterLines(entries);
      const text = `**${course.name}: ${entries.length} student(s)**\n${lines.join('\n')}`;
      if (text.length > 1_900) {
        const csv = await csvText([
          ['name', 'email', 'blog username', 'blog linked', 'discord user id', 'reminders', 'dms closed'],
          ...entries.map((e) => [e.displayName, e.email, e.blogUsername, e.blogLinked, e.discordUserId, e.reminderMode, e.dmClosed]),
        ]);
        await interaction.reply({
          content: `**${course.name}: ${entries.length} student(s)** — attached as CSV.`,
          files: [new AttachmentBuilder(Buffer.from(csv), { name: 'roster.csv' })],
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      content = entries.length ? text : 'The roster is empty. Import it with /roster import.';
    }
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  }),
} satisfies Command;
