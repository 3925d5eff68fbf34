// A world of many courses for the multi-process suite and the scale bench: a Discord emulator with
// `shardCount` shards and one guild per course (guild ids chosen so courses alternate between shards),
// each guild with a forum and two students; one WordPress fake per course (so essays and comments of
// one course never leak into another); course rows and rosters written straight to the database.
import type { Db } from '../../../src/db/client.js';
import { createCourse } from '../course-fixture.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { snowflakeForShard, shardForGuild } from '../../../src/offline/discord-emulator/snowflake.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

export interface WorldStudent {
  discordId: string;
  /** The WordPress fake's login of the same person. */
  wpLogin: 'student1' | 'student2';
}

export interface WorldCourse {
  index: number;
  courseId: string;
  guildId: string;
  shard: number;
  forumId: string;
  staffChannelId: string;
  wp: WordPressFake;
  students: [WorldStudent, WorldStudent];
}

export interface MultiCourseWorld {
  emu: DiscordEmulator;
  courses: WorldCourse[];
  close(): Promise<void>;
}

export async function startMultiCourseWorld(db: Db, options: { courses: number; shardCount: number; ingestSince?: Date }): Promise<MultiCourseWorld> {
  const emu = await startDiscordEmulator({ shardCount: options.shardCount, heartbeatIntervalMs: 1_000 });
  const ingestSince = options.ingestSince ?? new Date(Date.now() - 60_000);
  const courses: WorldCourse[] = [];
  for (let index = 0; index < options.courses; index++) {
    const shard = index % options.shardCount;
    const guild = emu.createGuild({ id: snowflakeForShard(shard, options.shardCount), name: `Course ${index}` });
    if (shardForGuild(guild.id, options.shardCount) !== shard) throw new Error('guild landed on the wrong shard');
    const forum = emu.createChannel(guild.id, { name: 'essays', type: 'forum' });
    const staff = emu.createChannel(guild.id, { name: 'staff', type: 'text' });
    const wp = await startWordPressFake({ siteName: `Course ${index} blog`, floodSeconds: 0, commentPreviouslyApproved: false });
    const people = (['student1', 'student2'] as const).map((wpLogin) => {
      const user = emu.createUser({ username: `c${index}-${wpLogin}`, globalName: `${wp.users[wpLogin].name} (${index})` });
      emu.addMember(guild.id, user.id);
      return { discordId: user.id, wpLogin };
    }) as [WorldStudent, WorldStudent];
    const courseId = await createCourse(db, {
      blogUrl: wp.url,
      username: wp.users.bot.login,
      appPassword: wp.users.bot.appPassword,
      ingestSince,
      guildId: guild.id,
      channelId: forum.id,
    });
    // Polled on every job tick (production: every 2 minutes), so a test sees work within seconds.
    await db.course.update({ where: { id: courseId }, data: { pollIntervalMinutes: 0, staffChannelId: staff.id, name: `Course ${index}` } });
    for (const person of people) {
      const wpUser = wp.users[person.wpLogin];
      await db.student.create({
        data: { courseId, displayName: wpUser.name, discordUserId: person.discordId, blogUserId: String(wpUser.id), blogUsername: wpUser.login },
      });
    }
    courses.push({ index, courseId, guildId: guild.id, shard, forumId: forum.id, staffChannelId: staff.id, wp, students: people });
  }
  return {
    emu,
    courses,
    async close() {
      await emu.close();
      await Promise.all(courses.map((c) => c.wp.close()));
    },
  };
}
