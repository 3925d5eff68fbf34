// The demo's scene, step by step, on an offline world the caller started (run-demo.ts for `npm run demo`,
// a test for the checks): each step is what a person does, and what the bot showed them is printed.
import type { ManualClock } from '../../shared/clock.js';
import type { OfflineWorld } from '../offline-world.js';
import { publishEssays, replyBothWays } from './demo-discussion.js';
import { indent, step, type Say } from './demo-narration.js';
import { assignReviews, importRoster, remindReviewers, reportParticipation } from './demo-staff.js';

export interface DemoOptions {
  /** The bot's clock: the demo moves it on to the first reminder. */
  clock: ManualClock;
  /** Where the participation chart is written. */
  chartDir: string;
  say: Say;
}

export interface DemoResult {
  chartPath: string;
}

/** The demo clock starts on a whole minute, so a due time typed to the minute is exactly the one meant. */
export function demoStartsAt(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

export async function playDemo(world: OfflineWorld, { clock, chartDir, say }: DemoOptions): Promise<DemoResult> {
  say('1. The bot logged in to the Discord emulator (server “HIST 214 — Soviet History”, forum #essays, channel #staff).');
  await step(2, '/course setup', async () => {
    const reply = await world.setupCourse();
    say('\n2. The instructor ran /course setup (blog tested, permissions checked, password stored encrypted). The bot replied, privately:');
    say(indent(reply));
  });
  await importRoster(world, say);
  const discussion = await publishEssays(world, say);
  await replyBothWays(world, say, discussion);
  const dueAt = await assignReviews(world, say, clock);
  await remindReviewers(world, say, clock, dueAt);
  const chartPath = await reportParticipation(world, say, chartDir);
  return { chartPath };
}
