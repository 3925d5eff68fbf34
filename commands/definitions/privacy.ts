// /privacy's options as Discord shows them; commands/privacy.ts answers export and purge,
// src/discord/privacy-name-commands.ts the name subcommands.
import { NAME_STYLES, NAME_STYLE_WORDS } from '../../src/core/roster/blog-author-name.js';
import { requiredChoice, requiredStudent, serverCommand } from '../shared/slash-builders.js';

export const data = serverCommand('privacy', 'Your data in this course: your name on the blog, Discord-only replies, export; staff: purge')
  .addSubcommand((s) =>
    s
      .setName('name')
      .setDescription('How your name appears on the blog when your thread replies are published there')
      .addStringOption(
        requiredChoice(
          'choice',
          'Full name, first name and initial, or a pseudonym staff approve',
          NAME_STYLES.map((v) => ({ name: NAME_STYLE_WORDS[v], value: v })),
        ),
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
      .addUserOption(requiredStudent('student'))
      .addStringOption(
        requiredChoice('decision', 'approve or reject', [
          { name: 'approve', value: 'approve' },
          { name: 'reject', value: 'reject' },
        ]),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('export')
      .setDescription('A JSON file of everything the bot holds about you (staff: about a student)')
      .addUserOption((o) => o.setName('student').setDescription('Staff only: the student to export')),
  )
  .addSubcommand((s) =>
    s.setName('purge').setDescription('Staff: delete a student’s personal data from the bot (asks to confirm)').addUserOption(requiredStudent('student')),
  );
