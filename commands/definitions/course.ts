// /course's options as Discord shows them; commands/course.ts answers them.
import {
  ChannelType,
  PermissionFlagsBits,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { MAX_MIN_WORDS } from '../../src/courses/course-min-words.js';
import { BLOG_NAMES_CHOICES } from '../../src/courses/course-name-style.js';
import { blogUsernameOption, requiredChoice, staffCommand } from '../shared/slash-builders.js';

// Options that setup offers and a later subcommand offers again, each time with the help that fits there.

/** The three options credentialsFrom reads (setup, credentials). */
function addBlogCredentials(s: SlashCommandSubcommandBuilder, help: { user: string; password: string; token: string }) {
  return s
    .addStringOption((o) => o.setName('blog_user').setDescription(help.user))
    .addStringOption((o) => o.setName('blog_password').setDescription(help.password))
    .addStringOption((o) => o.setName('blog_token').setDescription(help.token));
}

const minWords = (description: string) => (o: SlashCommandIntegerOption) =>
  o.setName('min_words').setDescription(description).setMinValue(0).setMaxValue(MAX_MIN_WORDS);

const blogNames = (description: string) => (o: SlashCommandStringOption) =>
  o
    .setName('blog_names')
    .setDescription(description)
    .addChoices(...BLOG_NAMES_CHOICES);

export const data = staffCommand('course', 'Set up and manage the course that this channel hosts', PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) => {
    s.setName('setup')
      .setDescription('Connect a blog to a forum or text channel (tests both before saving)')
      .addStringOption((o) => o.setName('name').setDescription('Course name, e.g. HIST 214 Spring').setRequired(true).setMaxLength(100))
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Forum (preferred) or text channel for essay threads')
          .addChannelTypes(ChannelType.GuildForum, ChannelType.GuildText)
          .setRequired(true),
      )
      .addStringOption(
        requiredChoice('blog_kind', 'Where the blog lives', [
          { name: 'WordPress (self-hosted)', value: 'wordpress' },
          { name: 'WordPress.com site', value: 'wordpress_com' },
          { name: 'RSS/Atom feed (read-only)', value: 'feed' },
        ]),
      )
      .addStringOption((o) => o.setName('blog_url').setDescription('Blog address (or feed URL)').setRequired(true))
      .addRoleOption((o) => o.setName('staff_role').setDescription('Role of instructors and TAs').setRequired(true))
      .addStringOption((o) => o.setName('time_zone').setDescription('Course time zone, e.g. America/New_York').setRequired(true));
    // The rest is optional: Discord lists every required option first.
    return addBlogCredentials(s, {
      user: 'WordPress user name for the bot (self-hosted)',
      password: 'Its application password (stored encrypted, never shown)',
      token: 'WordPress.com access token (stored encrypted)',
    })
      .addChannelOption((o) => o.setName('staff_channel').setDescription('Channel for staff alerts and digests').addChannelTypes(ChannelType.GuildText))
      .addStringOption((o) => o.setName('quiet_start').setDescription('Quiet hours start, HH:MM (no reminders)'))
      .addStringOption((o) => o.setName('quiet_end').setDescription('Quiet hours end, HH:MM'))
      .addStringOption((o) => o.setName('ends_on').setDescription('Last day of the course, YYYY-MM-DD (data is purged 180 days later)'))
      .addIntegerOption(minWords('Words a review comment needs (default 25; change later with /course settings)'))
      .addStringOption(blogNames('How students’ names appear on the blog unless they choose (default: full name)'));
  })
  .addSubcommand((s) =>
    s
      .setName('settings')
      .setDescription('Change how reviews count, or how students’ names appear on the blog')
      .addIntegerOption(minWords('Words a review comment needs (a round’s own min_words wins)'))
      .addStringOption(blogNames('How students’ names appear on the blog unless they choose')),
  )
  .addSubcommand((s) => s.setName('show').setDescription('Show this course’s settings and health'))
  .addSubcommand((s) => s.setName('pause').setDescription('Stop polling the blog and sending reminders'))
  .addSubcommand((s) => s.setName('resume').setDescription('Resume a paused course'))
  .addSubcommand((s) =>
    addBlogCredentials(s.setName('credentials').setDescription('Replace the blog credentials (tested first; stored encrypted, never shown)'), {
      user: 'WordPress user name for the bot',
      password: 'Its application password',
      token: 'WordPress.com access token',
    }),
  )
  .addSubcommand((s) =>
    s
      .setName('staff_posts')
      .setDescription('Mark posts by staff blog accounts or in an announcements category as staff posts, not essays')
      .addStringOption(blogUsernameOption('A staff account on the blog (e.g. the instructor’s)', false))
      .addStringOption((o) => o.setName('category').setDescription('The blog category staff use for announcements (empty text clears it)').setMaxLength(100)),
  )
  .addSubcommand((s) =>
    s
      .setName('push')
      .setDescription('Instant updates: the blog plugin’s URL, secret (shown once) and install steps')
      .addBooleanOption((o) => o.setName('rotate').setDescription('Make a new secret; the old one stops working at once')),
  )
  .addSubcommand((s) => s.setName('archive').setDescription('End the course now: delete all students’ personal data (asks to confirm)'))
  .addSubcommand((s) =>
    s
      .setName('backfill')
      .setDescription('Import essays published since a date (older than the setup moment)')
      .addStringOption((o) => o.setName('since').setDescription('YYYY-MM-DD').setRequired(true)),
  );
