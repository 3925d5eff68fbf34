// Figures for the peer-review core: assignment of a 400-student round (goal <= 200 ms) and, for
// reference, the pure reminder planning of a 150,000-row sweep (the job's DB time is measured elsewhere).
// Run: npx tsx bench/assignment.bench.ts
import { assignReviews } from '../src/core/reviews/assign.js';
import { planReminders, type ReminderAssignment } from '../src/core/reminders/plan-reminders.js';

function roster(n: number) {
  // Every 12th student has no essay: the usual shape of a real round.
  return Array.from({ length: n }, (_, i) => ({ id: `student-${i}`, essayIds: i % 12 === 5 ? [] : [`essay-${i}`] }));
}

function timeIt(label: string, runs: number, fn: (run: number) => void): void {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn(r);
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  process.stdout.write(`${label}: first ${times[0]!.toFixed(1)} ms, median ${median.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (${runs} runs)\n`);
}

const students = roster(400);
timeIt('assign 400 students, k=3', 20, (r) => assignReviews({ students, k: 3, mode: 'assigned', seed: `bench-${r}` }));
const first = assignReviews({ students, k: 3, mode: 'assigned', seed: 'round-1' });
const previousPairs = first.assignments.map((a) => [a.reviewerId, a.authorId!] as const);
timeIt('assign 400 students, k=3, avoiding a previous round', 20, (r) =>
  assignReviews({ students, k: 3, mode: 'assigned', seed: `bench2-${r}`, previousPairs }),
);
timeIt('assign 400 students, k=5', 10, (r) => assignReviews({ students, k: 5, mode: 'assigned', seed: `bench3-${r}` }));

// 100 courses x 300 students x 5 assignments, each course with its own deadline and zone.
const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'];
const now = new Date('2025-03-30T09:00:00Z');
const courses = Array.from({ length: 100 }, (_, c) => {
  const dueAt = new Date(now.getTime() + ((c % 60) - 10) * 3_600_000);
  const rows: ReminderAssignment[] = [];
  for (let s = 0; s < 300; s++) {
    for (let k = 0; k < 5; k++) rows.push({ id: `c${c}-s${s}-${k}`, reviewerId: `s${s}`, dueAt, completedAt: k === 0 ? now : null, cancelled: false });
  }
  return { tz: zones[c % zones.length]!, rows };
});
const quiet = { start: '22:00', end: '08:00' };
const sweep = (sent: Set<string>, record: boolean) => {
  for (const c of courses) {
    const plan = planReminders({ now, courseTimeZone: c.tz, quietHours: quiet, assignments: c.rows, alreadySent: sent });
    if (record) for (const r of [...plan.due, ...plan.skipped]) sent.add(r.key);
  }
};
timeIt('plan reminders, 150,000 rows, nothing recorded yet (core only)', 5, () => sweep(new Set(), false));
const recorded = new Set<string>();
sweep(recorded, true);
timeIt('plan reminders, 150,000 rows, steady state (core only)', 5, () => sweep(recorded, false));
process.stdout.write(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
