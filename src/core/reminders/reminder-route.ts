// Where a student's reminder goes, decided once for the sweep and for /reminders preview alike: by DM,
// as a mention in the course's reminder thread (they chose it, or Discord refused a recent DM with
// 50007), or nowhere (no Discord account on the roster). Pure: the caller passes the clock.

/** DMs closed long ago are tried again: students change their privacy settings. */
export const RETRY_CLOSED_DMS_MS = 7 * 24 * 3_600_000;

export interface RouteStudent {
  discordUserId: string | null;
  reminderMode: string;
  dmClosedAt: Date | null;
}

export type ReminderRoute =
  { kind: 'dm' } | { kind: 'thread'; reason: 'chose_channel' | 'dm_closed'; dmClosedAt: Date | null } | { kind: 'unreachable'; reason: 'no_discord' };

export function dmsKnownClosed(student: RouteStudent, now: Date): boolean {
  return student.dmClosedAt !== null && now.getTime() - student.dmClosedAt.getTime() < RETRY_CLOSED_DMS_MS;
}

export function reminderRoute(student: RouteStudent, now: Date): ReminderRoute {
  if (!student.discordUserId) return { kind: 'unreachable', reason: 'no_discord' };
  if (student.reminderMode === 'channel') return { kind: 'thread', reason: 'chose_channel', dmClosedAt: student.dmClosedAt };
  if (dmsKnownClosed(student, now)) return { kind: 'thread', reason: 'dm_closed', dmClosedAt: student.dmClosedAt };
  return { kind: 'dm' };
}
