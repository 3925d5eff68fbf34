// /course's options as Discord shows them; commands/course.ts answers them.
import { ChannelType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { MAX_MIN_WORDS } from '../../src/courses/course-min-words.js';
import { BLOG_NAMES_CHOICES } from '../../src/courses/course-name-style.js';

export const data = new SlashCommandBuilder()
  .setName('course')
  .setDescription('Set up and manage the course that this channel hosts')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setDMPermission(false)
  .addSubcommand((s) =>
    s
      .setName('setup')
      .setDescription('Connect a blog to a forum or text channel (tests both before saving)')
      .addStringOption((o) => o.setName('name').setDescription('Course name, e.g. HIST 214 Spring').setRequired(true).setMaxLength(100))
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Forum (preferred) or text channel for essay threads')
          .addChannelTypes(ChannelType.GuildForum, ChannelType.GuildText)
          .setRequired(true),
      )
      .addStringOption((o) =>
        o
          .setName('blog_kind')
          .setDescription('Where the blog lives')
          .setRequired(true)
          .addChoices(
            { name: 'WordPress (self-hosted)', value: 'wordpress' },
            { name: 'WordPress.com site', value: 'wordpress_com' },
            { name: 'RSS/Atom feed (read-only)', value: 'feed' },
          ),
      )
      .addStringOption((o) => o.setName('blog_url').setDescription('Blog address (or feed URL)').setRequired(true))
      .addRoleOption((o) => o.setName('staff_role').setDescription('Role of instructors and TAs').setRequired(true))
      .addStringOption((o) => o.setName('time_zone').setDescription('Course time zone, e.g. America/New_York').setRequired(true))
      .addStringOption((o) => o.setName('blog_user').setDescription('WordPress user name for the bot (self-hosted)'))
      .addStringOption((o) => o.setName('blog_password').setDescription('Its application password (stored encrypted, never shown)'))
      .addStringOption((o) => o.setName('blog_token').setDescription('WordPress.com access token (stored encrypted)'))
      .addChannelOption((o) => o.setName('staff_channel').setDescription('Channel for staff alerts and digests').addChannelTypes(ChannelType.GuildText))
      .addStringOption((o) => o.setName('quiet_start').setDescription('Quiet hours start, HH:MM (no reminders)'))
      .addStringOption((o) => o.setName('quiet_end').setDescription('Quiet hours end, HH:MM'))
      .addStringOption((o) => o.setName('ends_on').setDescription('Last day of the course, YYYY-MM-DD (data is purged 180 days later)'))
      .addIntegerOption((o) =>
        o
          .setName('min_words')
          .setDescription('Words a review comment needs (default 25; change later with /course settings)')
          .setMinValue(0)
          .setMaxValue(MAX_MIN_WORDS),
      )
      .addStringOption((o) =>
        o
          .setName('blog_names')
          .setDescription('How students’ names appear on the blog unless they choose (default: full name)')
          .addChoices(...BLOG_NAMES_CHOICES),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('settings')
      .setDescription('Change how reviews count, or how students’ names appear on the blog')
      .addIntegerOption((o) =>
        o.setName('min_words').setDescription('Words a review comment needs (a round’s own min_words wins)').setMinValue(0).setMaxValue(MAX_MIN_WORDS),
      )
      .addStringOption((o) =>
        o
          .setName('blog_names')
          .setDescription('How students’ names appear on the blog unless they choose')
          .addChoices(...BLOG_NAMES_CHOICES),
      ),
  )
  .addSubcommand((s) => s.setName('show').setDescription('Show this course’s settings and health'))
  .addSubcommand((s) => s.setName('pause').setDescription('Stop polling the blog and sending reminders'))
  .addSubcommand((s) => s.setName('resume').setDescription('Resume a paused course'))
  .addSubcommand((s) =>
    s
      .setName('credentials')
      .setDescription('Replace the blog credentials (tested first; stored encrypted, never shown)')
      .addStringOption((o) => o.setName('blog_user').setDescription('WordPress user name for the bot'))
      .addStringOption((o) => o.setName('blog_password').setDescription('Its application password'))
      .addStringOption((o) => o.setName('blog_token').setDescription('WordPress.com access token')),
  )
  .addSubcommand((s) =>
    s
      .setName('staff_posts')
      .setDescription('Mark posts by staff blog accounts or in an announcements category as staff posts, not essays')
      .addStringOption((o) => o.setName('blog_username').setDescription('A staff account on the blog (e.g. the instructor’s)').setMaxLength(60))
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
