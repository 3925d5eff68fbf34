// The node-flags bench's child: one SQLite database through the project's Prisma client, four kinds of
// query the bot makes all day (a row by id, 500 rows by id list, an update, a three-step transaction),
// timed after a warm-up. Prints one JSON line: CPU and wall microseconds per query, and peak RSS.
// Usage (the bench does this): node <flags> --import tsx bench/support/query-mix.ts
import { createId } from '../bench-ids.js';
import { createTestDb } from '../../test/support/test-db.js';

const t = await createTestDb();
const db = t.db;
const courseId = createId();
await db.course.create({
  data: {
    id: courseId,
    guildId: '1',
    channelId: '2',
    channelKind: 'forum',
    name: 'C',
    blogKind: 'wordpress',
    blogUrl: 'https://b.example.edu',
    staffRoleId: '3',
    ingestSince: new Date(),
  },
});
const ids = Array.from({ length: 500 }, () => createId());
await db.student.createMany({
  data: ids.map((id, i) => ({ id, courseId, displayName: `S${i}`, email: `s${i}@x.edu`, discordUserId: String(100000000000000000n + BigInt(i)) })),
});
const anyId = () => ids[Math.floor(Math.random() * ids.length)]!;
const kinds: [string, number, () => Promise<unknown>][] = [
  ['row by id', 2000, () => db.student.findUnique({ where: { id: anyId() } })],
  ['500 rows by id list', 300, () => db.student.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })],
  ['update', 2000, () => db.student.update({ where: { id: anyId() }, data: { displayName: `x${Math.random()}` } })],
  [
    'transaction of 3',
    1000,
    () =>
      db.$transaction(async (tx) => {
        await tx.student.findFirst({ where: { courseId } });
        await tx.course.update({ where: { id: courseId }, data: { name: `C${Math.random()}` } });
        return tx.student.count({ where: { courseId } });
      }),
  ],
];
const figures: Record<string, { cpuUs: number; wallUs: number }> = {};
for (const [name, n, run] of kinds) {
  for (let i = 0; i < 50; i++) await run();
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < n; i++) await run();
  const used = process.cpuUsage(cpu);
  figures[name] = { cpuUs: (used.user + used.system) / n, wallUs: ((performance.now() - wall) * 1000) / n };
}
process.stdout.write(`${JSON.stringify({ figures, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
await t.close();
