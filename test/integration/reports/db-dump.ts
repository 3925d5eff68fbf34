// Every row of every table (all Prisma models, so a new model is covered automatically), as sorted
// JSON lines per table: two dumps compare equal exactly when the database holds the same data.
import type { Db } from '../../../src/db/client.js';
import { Prisma } from '../../../src/generated/prisma/browser.js';

export type Dump = Record<string, string[]>;

export async function dumpDatabase(db: Db, keep: (model: string, row: Record<string, unknown>) => boolean = () => true): Promise<Dump> {
  const delegates = db as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> }>;
  const out: Dump = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const rows = await delegates[model[0]!.toLowerCase() + model.slice(1)]!.findMany();
    out[model] = rows
      .filter((r) => keep(model, r))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}
