import { PermissionFlagsBits } from 'discord-api-types/v10';
import { startBot, type RunningBot } from '../../src/app/start-bot.js';
import { realBlogSources } from '../../src/courses/course-blogs.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { SecretBox } from '../../src/privacy/secret-box.js';
import { systemClock, type Clock } from '../../src/shared/clock.js';
import { silentLogger, type Logger } from '../../src/shared/logger.js';
import { testBlogHosts, testSecretKeys } from './course-fixture.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../src/offline/discord-emulator/index.js';
import { createTestDb, type TestDb } from './test-db.js';
import { startWordPressFake, type WordPressFake } from '../../src/offline/wordpress-fake/index.js';

export interface BotWorld {
  emu: DiscordEmulator;
  wp: WordPressFake;
  testDb: TestDb;
  bot: RunningBot;
  guildId: string;
  forumId: string;
  staffChannelId: string;
  staffRoleId: string;
  instructorId: string;
  studentIds: [string, string];
  /** Runs /course setup as the instructor, through the emulator and the real bot. */
  setupCourse(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole bot against real components on 127.0.0.1: the project's Discord emulator (real discord.js
 * client), the WordPress fake (real adapter over HTTP) and a real SQLite file. Used by integration tests
 * and by `npm run demo`.
 */
export interface WorldBlog {
  url: string;
  username: string;
  appPassword: string;
}

export async function startBotWorld(options: { log?: Logger; clock?: Clock; schedule?: boolean; /** A real WordPress instead of the fake (the fake still starts, unused). */ blog?: WorldBlog } = {}): Promise<BotWorld> {
  const emu = await startDiscordEmulator({ heartbeatIntervalMs: 1_000 });
  const wp = await startWordPressFake({ timezone: 'America/Chicago', floodSeconds: 0, commentPreviouslyApproved: false });
  const testDb = await createTestDb();
  const blog = options.blog ?? { url: wp.url, username: wp.users.bot.login, appPassword: wp.users.bot.appPassword };
  const guild = emu.createGuild({ name: 'HIST 214 — Soviet History' });
  const staffRole = emu.createRole(guild.id, { name: 'Course staff', permissions: PermissionFlagsBits.ManageMessages });
  const forum = emu.createChannel(guild.id, { name: 'essays', type: 'forum' });
  const staffChannel = emu.createChannel(guild.id, { name: 'staff', type: 'text' });
  const instructor = emu.createUser({ username: 'prof.ivanova', globalName: 'Prof. Ivanova' });
  const alice = emu.createUser({ username: 'alice', globalName: 'Alice Student' });
  const bob = emu.createUser({ username: 'bob', globalName: 'Bob Student' });
  emu.addMember(guild.id, instructor.id, [staffRole.id]);
  emu.addMember(guild.id, alice.id);
  emu.addMember(guild.id, bob.id);
  // Guild owner-equivalent for /course setup: the instructor also manages the server in this world.
  const managers = emu.createRole(guild.id, { name: 'Managers', permissions: PermissionFlagsBits.ManageGuild });
  emu.addMember(guild.id, instructor.id, [staffRole.id, managers.id]);

  await deployCommands({ token: emu.botToken, applicationId: emu.applicationId, guildId: guild.id, apiUrl: emu.apiUrl });
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger();
  const secrets = new SecretBox(testSecretKeys);
  const createBlog = realBlogSources({ sleep: async () => undefined, retries: 1, timeoutMs: 3_000, allowedHosts: testBlogHosts });
  const bot = await startBot({ token: emu.botToken, apiUrl: emu.apiUrl, db: testDb.db, secrets, createBlog, clock, log, schedule: options.schedule ?? false });

  return {
    emu,
    wp,
    testDb,
    bot,
    guildId: guild.id,
    forumId: forum.id,
    staffChannelId: staffChannel.id,
    staffRoleId: staffRole.id,
    instructorId: instructor.id,
    studentIds: [alice.id, bob.id],
    async setupCourse() {
      const ix = emu.as(instructor.id).runSlashCommand({
        guildId: guild.id,
        channelId: staffChannel.id,
        name: 'course',
        subcommand: 'setup',
        options: {
          name: 'HIST 214',
          channel: forum.id,
          blog_kind: 'wordpress',
          blog_url: blog.url,
          staff_role: staffRole.id,
          time_zone: 'America/Chicago',
          blog_user: blog.username,
          blog_password: blog.appPassword,
          staff_channel: staffChannel.id,
        },
      });
      const reply = await ix.response(10_000);
      if (!reply.content.startsWith('Course set up')) throw new Error(`course setup failed: ${reply.content}`);
      return reply.content;
    },
    async close() {
      await bot.stop();
      await emu.close();
      await wp.close();
      await testDb.close();
    },
  };
}
