// A course's active review rounds, read by the reminder sweep and the review use cases (src/reviews/).
import type { Db } from '../client.js';
import { courseById } from './course-by-id.js';

export interface ActiveRound {
  id: string;
  dueAt: Date;
  mode: string;
  essayFilter: string;
  seed: string;
  createdAt: Date;
  /** The round's own minimum words; null = the course's. */
  minCommentWords: number | null;
}

const activeRoundSelect = { id: true, dueAt: true, mode: true, essayFilter: true, seed: true, createdAt: true, minCommentWords: true } as const;

/**
 * A course's active rounds. Assignment queries filter by these ids (the unique key's leading column)
 * rather than by a relation filter on the round, which SQLite answers by scanning every pending
 * assignment of every course through the status index (20 s per sweep at 150,000 rows).
 */
export async function activeRounds(db: Db, courseId: string): Promise<ActiveRound[]> {
  return db.reviewRound.findMany({ where: { courseId, status: 'active' }, select: activeRoundSelect });
}

/** A course with what the reminder sweep reads of it, and its active rounds (so no step of the sweep asks again). */
export function courseWithActiveRounds(db: Db, courseId: string) {
  return courseById(db, courseId, {
    id: true,
    name: true,
    guildId: true,
    channelId: true,
    channelKind: true,
    status: true,
    timeZone: true,
    quietHoursStart: true,
    quietHoursEnd: true,
    reminderStages: true,
    minCommentWords: true,
    digestHourLocal: true,
    reminderThreadId: true,
    staffChannelId: true,
    rounds: { where: { status: 'active' }, select: activeRoundSelect },
  });
}
