// /report reminders: what the reminder sweeps did, per stage, from the Reminder rows they leave.
//  sent       delivered (by DM, or as a mention in the reminder thread)
//  postponed  held for quiet hours at least once (postponedUntil set), whatever happened after
//  failed     the DM could not be delivered because the student's DMs are closed (the reminder may
//             have reached them in the reminder thread instead, or not at all)
//  pending    recorded but not delivered yet (Discord unreachable, retried by the next sweep)
import type { Db } from '../db/client.js';
import { studentReminderOutcomes } from '../db/repositories/report-reminders.js';
import type { ReminderStageStats } from './render/index.js';

export interface ReminderStats {
  stages: ReminderStageStats[];
  /** Failed for another reason (no Discord account, no longer owed, no fallback channel). */
  otherFailures: number;
  /** Of the closed-DM failures, how many still reached the student in a channel. */
  dmClosedDeliveredInChannel: number;
}

function stageOrder(stage: string): number {
  const m = /^before_(\d+)h$/.exec(stage);
  if (m) return -Number(m[1]);
  return stage === 'at_due' ? 0 : 1;
}

export async function reminderStats(db: Db, courseId: string): Promise<ReminderStats> {
  // Student reminders only: staff digests have their own place in /report health.
  const rows = await studentReminderOutcomes(db, courseId);
  const byStage = new Map<string, ReminderStageStats>();
  let otherFailures = 0;
  let dmClosedDeliveredInChannel = 0;
  for (const r of rows) {
    const s = byStage.get(r.stage) ?? byStage.set(r.stage, { stage: r.stage, sent: 0, postponedQuietHours: 0, failedDmClosed: 0, pending: 0 }).get(r.stage)!;
    if (r.postponedUntil) s.postponedQuietHours++;
    if (r.status === 'pending') {
      s.pending++;
      continue;
    }
    if (r.status === 'sent') s.sent++;
    const dmClosed = r.student?.dmClosedAt != null && r.student.reminderMode === 'dm' && r.deliveredVia !== 'dm';
    if (dmClosed) {
      s.failedDmClosed++;
      if (r.status === 'sent') dmClosedDeliveredInChannel++;
    } else if (r.status === 'failed') otherFailures++;
  }
  const stages = [...byStage.values()].sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || a.stage.localeCompare(b.stage));
  return { stages, otherFailures, dmClosedDeliveredInChannel };
}
