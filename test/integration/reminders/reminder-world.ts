// What the reminder tests share: the course's guild in the Discord emulator with its students as members, a real
// discord.js client connected to it, a test database, and the round most of them remind about. Not built the way a
// course gets there: the course, its students and their essays (already credited to them) are written straight to
// the database by ../reviews/course-fixture.ts; only the round goes through the use cases behind /reviews preview
// and confirm. These tests are about what the sweep sends after a crash, not about how a course is set up.
import type { Client } from 'discord.js';
import type { Db } from '../../../src/db/client.js';
import { DiscordChat } from '../../../src/discord/discord-chat.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { previewRound } from '../../../src/reviews/preview-round.js';
import { connectClient } from '../../support/connect-client.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { createCourse, discordIdOf, GUILD, seedStudents } from '../reviews/course-fixture.js';

export interface ReminderWorld {
  emu: DiscordEmulator;
  client: Client<true>;
  chat: DiscordChat;
  t: TestDb;
  close(): Promise<void>;
}

/**
 * The emulator with guild GUILD, students 1..`students` as members (and any `channels`), on `now` when given (the
 * test's fake clock, so Discord's time moves with the bot's); a connected client; an empty test database.
 */
export async function startReminderWorld(options: {
  students: number;
  now?: () => number;
  channels?: { id: string; name: string; type: 'text' | 'forum' }[];
}): Promise<ReminderWorld> {
  const emu = await startDiscordEmulator({ heartbeatIntervalMs: 1_000, ...(options.now && { now: options.now }) });
  emu.createGuild({ id: GUILD, name: 'HIST 214' });
  for (const channel of options.channels ?? []) emu.createChannel(GUILD, channel);
  for (let n = 1; n <= options.students; n++) {
    emu.createUser({ id: discordIdOf(n), username: `student${n}` });
    emu.addMember(GUILD, discordIdOf(n));
  }
  const client = await connectClient(emu);
  const t = await createTestDb();
  return {
    emu,
    client,
    chat: new DiscordChat(client),
    t,
    async close() {
      await client.destroy();
      await emu.close();
      await t.close();
    },
  };
}

/** The dates of the round "Week 3": published 1 March, confirmed 10 March 12:00 UTC, due 12 March 15:00 UTC. */
export const WEEK3 = { publishedAt: new Date('2026-03-01T12:00:00Z'), confirmedAt: new Date('2026-03-10T12:00:00Z'), dueAt: new Date('2026-03-12T15:00:00Z') };

/** A course of `students` who each published an essay, and round "Week 3" (one essay each, assigned) confirmed. */
export async function courseWithWeek3(db: Db, students: number, course: Parameters<typeof createCourse>[1] = { reminderStages: '48' }): Promise<string> {
  const courseId = await createCourse(db, course);
  await seedStudents(db, courseId, students, { publishedAt: WEEK3.publishedAt });
  const start = WEEK3.confirmedAt;
  const p = await previewRound(db, { courseId, actorUserId: '1', name: 'Week 3', dueAt: WEEK3.dueAt, k: 1, mode: 'assigned', filter: {}, now: start });
  await confirmRound(db, p.pendingId, { userId: '1', guildId: GUILD }, start);
  return courseId;
}

/**
 * The database as a process saw it that died right after Discord took a message: the first reminder update that
 * `dies` picks (every one by default) is never recorded; the call fails with `message`, as the killed process's did.
 */
export function dyingOnReminderRecord(db: Db, message: string, dies: (args: { data: { deliveredVia?: string } }) => boolean = () => true): Db {
  let died = false;
  const reminder = new Proxy(db.reminder, {
    get(target, prop, receiver) {
      if (prop === 'update' && !died) {
        return (args: { data: { deliveredVia?: string } }) => {
          if (!dies(args)) return target.update(args as Parameters<typeof target.update>[0]);
          died = true;
          return Promise.reject(new Error(message));
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return new Proxy(db, { get: (target, prop, receiver) => (prop === 'reminder' ? reminder : (Reflect.get(target, prop, receiver) as unknown)) });
}
