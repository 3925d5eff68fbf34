// Activity per ISO week for the chart: weeks without activity are kept (as zeros) so the x axis is even,
// and the series runs to `through` (the report's now), so a quiet recent week shows as a drop to zero.
import { isoWeek, weeksBetween, type IsoWeek } from './iso-week.js';
import type { WeeklyActivity } from './types.js';

export interface ActivityEvent {
  at: Date;
  kind: 'essay' | 'discord' | 'blog' | 'review';
}

export function weeklyActivity(events: readonly ActivityEvent[], timeZone = 'UTC', through?: Date): WeeklyActivity[] {
  if (events.length === 0) return [];
  const weekOf = new Map<ActivityEvent, IsoWeek>(events.map((e) => [e, isoWeek(e.at, timeZone)]));
  const all = [...weekOf.values(), ...(through ? [isoWeek(through, timeZone)] : [])].sort((a, b) => a.mondayMs - b.mondayMs);
  const rows = new Map<string, WeeklyActivity>(
    weeksBetween(all[0]!, all[all.length - 1]!).map((w) => [
      w.week,
      { week: w.week, weekStart: w.weekStart, essays: 0, commentsDiscord: 0, commentsBlog: 0, reviewsDone: 0 },
    ]),
  );
  for (const [e, w] of weekOf) {
    const row = rows.get(w.week)!;
    if (e.kind === 'essay') row.essays++;
    else if (e.kind === 'discord') row.commentsDiscord++;
    else if (e.kind === 'blog') row.commentsBlog++;
    else row.reviewsDone++;
  }
  return [...rows.values()];
}
