import type { Db, Tx } from '../client.js';

/**
 * What purged students had been credited with. Their essays and comments stay as anonymous rows, so a
 * report's course total is (rows still attributed to a roster student) + these numbers.
 */
export interface TallyIncrement {
  purgedStudents: number;
  essays: number;
  commentsGiven: number;
  reviewsDone: number;
  remindersSent: number;
}

/** Adds a purge's numbers to the course's AnonymousTally (created on the first purge). */
export async function addToTally(tx: Tx | Db, courseId: string, add: TallyIncrement): Promise<void> {
  await tx.anonymousTally.upsert({
    where: { courseId },
    create: { courseId, ...add },
    update: {
      purgedStudents: { increment: add.purgedStudents },
      essays: { increment: add.essays },
      commentsGiven: { increment: add.commentsGiven },
      reviewsDone: { increment: add.reviewsDone },
      remindersSent: { increment: add.remindersSent },
    },
  });
}

/** The course's anonymous totals (all zero before anyone was purged). */
export async function readTally(db: Tx | Db, courseId: string): Promise<TallyIncrement> {
  const row = await db.anonymousTally.findUnique({
    where: { courseId },
    select: { purgedStudents: true, essays: true, commentsGiven: true, reviewsDone: true, remindersSent: true },
  });
  return row ?? { purgedStudents: 0, essays: 0, commentsGiven: 0, reviewsDone: 0, remindersSent: 0 };
}
