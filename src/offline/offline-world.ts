import { createServer } from 'node:net';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { startBot, type RunningBot } from '../app/start-bot.js';
import { realBlogSources } from '../courses/course-blogs.js';
import type { Db } from '../db/client.js';
import { deployCommands } from '../discord/deploy-commands.js';
import { SecretBox } from '../privacy/secret-box.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { silentLogger, type Logger } from '../shared/logger.js';
import { startDiscordEmulator, type DiscordEmulator, type SlashOptionValue } from './discord-emulator/index.js';
import { offlineBlogHosts, offlineSecretKeys } from './offline-keys.js';
import { startWordPressFake, type WordPressFake } from './wordpress-fake/index.js';

/** Where the bot of an offline world keeps its data: tests pass a fresh test database, the demo a temporary file. */
export interface OfflineDatabase {
  db: Db;
  /** The database URL, for the readiness check's migration comparison (optional: the demo's temp file has one too). */
  url?: string;
  close(): Promise<void>;
}

export interface OfflineWorld<D extends OfflineDatabase = OfflineDatabase> {
  emu: DiscordEmulator;
  wp: WordPressFake;
  database: D;
  bot: RunningBot;
  guildId: string;
  forumId: string;
  staffChannelId: string;
  staffRoleId: string;
  instructorId: string;
  studentIds: [string, string];
  /** The options of a /course setup that works in this world (no staff channel), with `changes` over them. */
  courseSetupOptions(changes?: Record<string, SlashOptionValue>): Record<string, SlashOptionValue>;
  /** Runs /course setup as the instructor, through the emulator and the real bot. */
  setupCourse(): Promise<string>;
  /** Stops the bot (a deploy, a crash), runs `whileDown`, then starts a new bot process on the same database. */
  restartBot(whileDown?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole bot against real components on 127.0.0.1: the project's Discord emulator (real discord.js
 * client), the WordPress fake (real adapter over HTTP) and a real SQLite file. Used by integration tests
 * and by `npm run demo`. The database comes from the caller, so this file needs nothing from test/.
 */
export interface WorldBlog {
  url: string;
  username: string;
  appPassword: string;
}

export interface OfflineWorldOptions<D extends OfflineDatabase> {
  openDatabase: () => Promise<D>;
  log?: Logger;
  clock?: Clock;
  schedule?: boolean;
  /** A real WordPress instead of the fake (the fake still starts, unused). */
  blog?: WorldBlog;
  /** The bot's HTTP server on a free port of 127.0.0.1 (bot.http.url), which is also its PUBLIC_URL (what /course push shows). */
  http?: boolean;
}

/** A port free right now: the bot's public address must be known before it starts, as PUBLIC_URL is in production. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startOfflineWorld<D extends OfflineDatabase>(options: OfflineWorldOptions<D>): Promise<OfflineWorld<D>> {
  const emu = await startDiscordEmulator({ heartbeatIntervalMs: 1_000 });
  const wp = await startWordPressFake({ timezone: 'America/Chicago', floodSeconds: 0, commentPreviouslyApproved: false });
  const database = await options.openDatabase();
  const blog = options.blog ?? { url: wp.url, username: wp.users.bot.login, appPassword: wp.users.bot.appPassword };
  const courseSetupOptions = (changes: Record<string, SlashOptionValue> = {}): Record<string, SlashOptionValue> => ({
    name: 'HIST 214',
    channel: forum.id,
    blog_kind: 'wordpress',
    blog_url: blog.url,
    staff_role: staffRole.id,
    time_zone: 'America/Chicago',
    blog_user: blog.username,
    blog_password: blog.appPassword,
    ...changes,
  });
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
  const secrets = new SecretBox(offlineSecretKeys);
  const createBlog = realBlogSources({ sleep: async () => undefined, retries: 1, timeoutMs: 3_000, allowedHosts: offlineBlogHosts });
  const httpPort = options.http ? await freePort() : 0;
  const startOptions = {
    token: emu.botToken,
    apiUrl: emu.apiUrl,
    db: database.db,
    secrets,
    createBlog,
    clock,
    log,
    schedule: options.schedule ?? false,
    databaseUrl: database.url,
    ...(options.http && { http: { host: '127.0.0.1', port: httpPort }, publicUrl: `http://127.0.0.1:${httpPort}` }),
  };
  let bot = await startBot(startOptions);

  return {
    emu,
    wp,
    database,
    get bot() {
      return bot;
    },
    guildId: guild.id,
    forumId: forum.id,
    staffChannelId: staffChannel.id,
    staffRoleId: staffRole.id,
    instructorId: instructor.id,
    studentIds: [alice.id, bob.id],
    courseSetupOptions,
    async setupCourse() {
      const ix = emu.as(instructor.id).runSlashCommand({
        guildId: guild.id,
        channelId: staffChannel.id,
        name: 'course',
        subcommand: 'setup',
        options: courseSetupOptions({ staff_channel: staffChannel.id }),
      });
      const reply = await ix.response(10_000);
      if (!reply.content.startsWith('Course set up')) throw new Error(`course setup failed: ${reply.content}`);
      return reply.content;
    },
    async restartBot(whileDown) {
      await bot.stop();
      await whileDown?.();
      bot = await startBot(startOptions);
    },
    async close() {
      await bot.stop();
      await emu.close();
      await wp.close();
      await database.close();
    },
  };
}
