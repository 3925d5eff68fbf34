// The reminder-sweep bench's child: sweeps every course of a seeded database for one case and prints wall
// time, CPU and peak RSS. The bench bundles it like the bot (scripts/bundle-bot.ts) and runs it on plain Node
// with `npm start`'s flags, so its memory is what a deployed bot's sweep costs, without tsx's own ~50 MB.
// Usage (the bench does this): node <flags> <bundle>/sweep-child.js <database url> <case> <sweeps>
import { openDb } from '../../src/db/client.js';
import { runReminderSweep } from '../../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { RecordingChat } from '../../test/support/recording-chat.js';
import { cases, type CaseName } from './sweep-cases.js';

const [url, which, sweepsArg] = process.argv.slice(2) as [string, CaseName, string];
const sweeps = Number(sweepsArg);
const db = await openDb(url);
const courseIds = (await db.course.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id);
const clock = new ManualClock(new Date(0));
const deps = { db, chat: new RecordingChat(() => clock.now()), clock, log: silentLogger() };
const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
process.stdout.write(
  `[${which}] node ${process.execArgv.join(' ')}; RSS before the first sweep (Node + Prisma, database open): ${mb(process.memoryUsage().rss)} MB\n`,
);

clock.set(cases[which].at);
const wall: number[] = [];
const cpu: number[] = [];
let postponed = 0;
for (let run = 0; run < sweeps; run++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let sent = 0;
  postponed = 0;
  for (const courseId of courseIds) {
    const summary = await runReminderSweep(deps, courseId);
    sent += summary.sent;
    postponed += summary.postponed;
  }
  wall.push(performance.now() - start);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
  clock.advance(5 * 60_000);
  if (sent > 0) throw new Error(`bench expected no sends, got ${sent}`);
}
const s = (ms: number[]) => ms.map((v) => (v / 1000).toFixed(2)).join(', ');
process.stdout.write(
  `${cases[which].label}: wall ${s(wall)} s, CPU ${s(cpu)} s per sweep of ${courseIds.length} courses; ${postponed} postponed; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
);
await db.$disconnect();
