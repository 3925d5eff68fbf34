// A separate bot process running reminder sweeps: `tsx sweep-worker.ts <url> <courseId> <closedDmUserIds,>`.
// Prints "ready"; for each JSON line {step, now} on stdin runs one sweep at that instant and prints
// {step, summary, dms, channel} with what it sent during that sweep. Separate processes are the honest
// way to race two sweepers on one SQLite file (clients in one process share one blocked event loop).
import { createInterface } from 'node:readline';
import { openDb } from '../../../src/db/client.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { RecordingChat } from '../../support/recording-chat.js';

const [url, courseId, closed] = process.argv.slice(2);
if (!url || !courseId) throw new Error('usage: sweep-worker.ts <url> <courseId> [closedDmUserIds]');
const db = await openDb(url);
const clock = new ManualClock(new Date(0));
const chat = new RecordingChat(() => clock.now());
for (const id of (closed ?? '').split(',').filter(Boolean)) chat.closeDms(id);
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  const { step, now } = JSON.parse(line) as { step: number; now: string };
  clock.set(new Date(now));
  const dmStart = chat.dms.length;
  const channelStart = chat.channelMessages.length;
  try {
    const summary = await runReminderSweep({ db, chat, clock, log: silentLogger() }, courseId);
    process.stdout.write(`${JSON.stringify({ step, summary, dms: chat.dms.slice(dmStart), channel: chat.channelMessages.slice(channelStart) })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ step, error: String((error as Error).stack ?? error) })}\n`);
  }
}
await db.$disconnect();
