// Reading what people see: the round's pairs as /reviews list shows them to staff, and the reminders each
// student can read (their DMs, or mentions of them in the course's reminder thread).
import type { DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { CAST, STUDENTS, type StudentKey } from './semester-cast.js';
import type { People } from './semester-people.js';

export interface ListedPair {
  reviewer: string;
  title: string;
  author: string;
  done: boolean;
}

/** Every page of `/reviews list round:<name>` as staff see it: "✅|⏳ Reviewer → “Title” by Author". */
export async function readPairs(p: People, staffId: string, round: string): Promise<ListedPair[]> {
  const pairs: ListedPair[] = [];
  for (let page = 1; page < 20; page++) {
    const reply = await p.run(staffId, 'reviews', 'list', { round, page });
    for (const m of reply.content.matchAll(/^(✅|⏳) (.+?) → “(.+?)” by (.+)$/gm))
      pairs.push({ done: m[1] === '✅', reviewer: m[2]!, title: m[3]!, author: m[4]! });
    if (!new RegExp(`Page ${page} of (\\d+)`).test(reply.content) || reply.content.includes(`Page ${page} of ${page}.`)) break;
  }
  if (pairs.length === 0) throw new Error(`/reviews list shows no pairs for ${round}`);
  return pairs;
}

export interface Reminder {
  where: 'dm' | 'thread';
  content: string;
}
export type ReminderSnapshot = Record<StudentKey, Reminder[]>;

const isReminder = (content: string) => /peer review reminder/i.test(content);

/** The reminders each student can read right now; `since(earlier)` keeps only those that are new. */
export function reminderSnapshot(emu: DiscordEmulator, ids: Record<StudentKey, string>, reminderThreadId: string) {
  const ofStudent = (s: StudentKey) =>
    new Map<string, Reminder>([
      ...emu
        .dmsTo(ids[s])
        .filter((m) => isReminder(m.content))
        .map((m) => [m.id, { where: 'dm', content: m.content }] as const),
      ...emu
        .messagesIn(reminderThreadId)
        .filter((m) => isReminder(m.content) && m.content.includes(`<@${ids[s]}>`))
        .map((m) => [m.id, { where: 'thread', content: m.content }] as const),
    ]);
  const now = Object.fromEntries(STUDENTS.map((s) => [s, ofStudent(s)])) as Record<StudentKey, Map<string, Reminder>>;
  return {
    now,
    since(earlier: { now: Record<StudentKey, Map<string, Reminder>> }): ReminderSnapshot {
      return Object.fromEntries(STUDENTS.map((s) => [s, [...now[s]].filter(([id]) => !earlier.now[s].has(id)).map(([, r]) => r)])) as ReminderSnapshot;
    },
  };
}

/** Student key of a name /reviews list shows. */
export function studentNamed(name: string): StudentKey {
  const key = STUDENTS.find((s) => CAST[s].name === name);
  if (!key) throw new Error(`“${name}” is not on the roster`);
  return key;
}
