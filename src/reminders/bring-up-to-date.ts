// What every sweep does before it plans: late essays get reviewers, and reviews completed by comments
// since the last sweep are marked done. /reminders preview runs it too, so it plans from the same state
// as the send-now that follows it (both are derived from what people did; the 5-minute sweep would
// write the same rows anyway). Returns the counts the sweep reports.
import { assignLateEssays } from '../reviews/late-essays.js';
import { refreshCompletion } from '../reviews/refresh-completion.js';
import type { CourseForReminders } from './reminder-plan.js';
import type { SweepDeps } from './sweep-deps.js';

export async function bringUpToDate(
  deps: Pick<SweepDeps, 'db' | 'log'>,
  course: CourseForReminders,
  now: Date,
): Promise<{ lateAssigned: number; completed: number }> {
  const late = await assignLateEssays(deps.db, course.id, now, course.rounds);
  for (const warning of late.warnings) deps.log.warn({ courseId: course.id }, warning);
  const completion = await refreshCompletion(deps.db, course.id, now, course);
  return { lateAssigned: late.assigned, completed: completion.done + completion.doneLate };
}
