// /reviews's options as Discord shows them; commands/reviews.ts answers them.
import type { SlashCommandStringOption } from 'discord.js';
import { serverCommand } from '../shared/slash-builders.js';

/** The round that swap and cancel act on. */
const roundName = (o: SlashCommandStringOption) => o.setName('round').setDescription('Round name').setRequired(true);

export const data = serverCommand('reviews', 'Peer review rounds')
  .addSubcommand((s) =>
    s
      .setName('assign')
      .setDescription('Staff: assign a review round (shows a preview first)')
      .addStringOption((o) => o.setName('name').setDescription('Round name, e.g. Week 8').setRequired(true).setMaxLength(100))
      .addStringOption((o) => o.setName('due').setDescription('Due date and time in the course time zone: YYYY-MM-DD HH:MM').setRequired(true))
      .addIntegerOption((o) => o.setName('reviews').setDescription('Reviews per student').setRequired(true).setMinValue(1).setMaxValue(20))
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('Specific peer essays, or any peers’ essays')
          .addChoices({ name: 'assigned (specific essays)', value: 'assigned' }, { name: 'quota (any peers’ essays)', value: 'quota' }),
      )
      .addStringOption((o) => o.setName('published_from').setDescription('Only essays published on or after YYYY-MM-DD'))
      .addStringOption((o) => o.setName('published_to').setDescription('Only essays published on or before YYYY-MM-DD'))
      .addStringOption((o) => o.setName('category').setDescription('Only essays in this blog category'))
      .addStringOption((o) => o.setName('tag').setDescription('Only essays with this blog tag'))
      .addIntegerOption((o) =>
        o.setName('min_words').setDescription('Words a review comment needs in this round (default: the course minimum)').setMinValue(0).setMaxValue(2_000),
      )
      .addBooleanOption((o) =>
        o.setName('exclude_unlinked').setDescription('Leave out essays whose author is not linked to a student (otherwise they block the round)'),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('list')
      .setDescription('The review rounds, or who reviews whom in one round (paged, or as a CSV file)')
      .addStringOption((o) => o.setName('round').setDescription('Round name: shows who reviews whom (students see their own reviews)'))
      .addIntegerOption((o) => o.setName('page').setDescription('Page of a long list (the reply says how many there are)').setMinValue(1))
      .addStringOption((o) =>
        o
          .setName('format')
          .setDescription('A reply (default) or a CSV file of the whole round')
          .addChoices({ name: 'reply', value: 'reply' }, { name: 'CSV file', value: 'csv' }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('swap')
      .setDescription('Staff: move the reviews a student owes in a round to another student')
      .addStringOption(roundName)
      .addUserOption((o) => o.setName('from').setDescription('Student who owes the reviews').setRequired(true))
      .addUserOption((o) => o.setName('to').setDescription('Student who takes them over').setRequired(true)),
  )
  .addSubcommand((s) => s.setName('cancel').setDescription('Staff: cancel a round (no more reminders)').addStringOption(roundName));
