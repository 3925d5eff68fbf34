// A separate process that races for leases, like a bot process would: `tsx lease-race-worker.ts <url> <owner>`.
// Prints "ready", then for every JSON line {round, names, now, ttlMs} on stdin tries all the names at once
// and prints {round, owner, tokens: {name: token | null}}. Separate processes are the only honest race on
// SQLite: clients in one process share one event loop, which better-sqlite3's busy wait blocks.
import { createInterface } from 'node:readline';
import { openDb } from '../../../src/db/client.js';
import { acquireLease } from '../../../src/db/leases.js';

const [url, owner] = process.argv.slice(2);
if (!url || !owner) throw new Error('usage: lease-race-worker.ts <url> <owner>');
const db = await openDb(url);
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  const { round, names, now, ttlMs } = JSON.parse(line) as { round: number; names: string[]; now: string; ttlMs: number };
  const results = await Promise.all(names.map((name) => acquireLease(db, { name, owner, ttlMs, now: new Date(now) })));
  const tokens = Object.fromEntries(names.map((name, i) => [name, results[i]?.token ?? null]));
  process.stdout.write(`${JSON.stringify({ round, owner, tokens })}\n`);
}
await db.$disconnect();
