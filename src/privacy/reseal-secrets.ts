import type { Db } from '../db/client.js';
import { inTransaction } from '../db/transaction.js';
import { LEGACY_FORMAT, type SecretBox } from './secret-box.js';
import { asStored, blogSecrets, pushSecrets, type SealedTable } from './sealed-tables.js';

export interface ResealCounts {
  resealed: number;
  alreadyCurrent: number;
  /** Replaced by /course credentials or /course push rotate (or another process) while this ran: the newer value was kept. */
  changedMeanwhile: number;
  /** Course ids whose secret no configured key opens, with why; never the secret itself. */
  failed: { courseId: string; reason: string }[];
}

export interface ResealReport extends ResealCounts {
  /** The key version every re-sealed secret now uses. */
  keyVersion: number | null;
  /** The push links' signing secrets (/course push), counted apart from the blog credentials above. */
  push: ResealCounts;
}

const noneYet = (): ResealCounts => ({ resealed: 0, alreadyCurrent: 0, changedMeanwhile: 0, failed: [] });

/** One table, one transaction per row: a crash leaves each secret either as it was or re-sealed. */
async function resealTable(db: Db, box: SecretBox, table: SealedTable, onlyLegacy: boolean): Promise<ResealCounts> {
  const counts = noneYet();
  for (const courseId of await table.courseIds(db)) {
    const outcome = await inTransaction(db, async (tx) => {
      const row = await table.read(tx, courseId);
      if (!row) return 'changed' as const; // the course was purged meanwhile
      if (box.isCurrent(row) || (onlyLegacy && row.format !== LEGACY_FORMAT)) return 'current' as const;
      let plaintext: string;
      try {
        plaintext = box.open(asStored(table, row));
      } catch (error) {
        return { reason: (error as Error).message };
      }
      return (await table.replace(tx, row, box.seal(plaintext, table.boundTo(courseId)))) ? ('resealed' as const) : ('changed' as const);
    });
    if (outcome === 'resealed') counts.resealed += 1;
    else if (outcome === 'current') counts.alreadyCurrent += 1;
    else if (outcome === 'changed') counts.changedMeanwhile += 1;
    else counts.failed.push({ courseId, ...outcome });
  }
  return counts;
}

/**
 * Re-seals stored secrets (blog credentials and push signing secrets) in the newest format under the newest
 * key. The write is conditional on the row being unchanged, so secrets replaced meanwhile are never
 * overwritten with older ones. Running it again re-seals nothing. `onlyLegacy` limits it to rows sealed
 * before secrets were bound to their course (what start-up upgrades on its own; push secrets never were).
 */
export async function resealSecrets(db: Db, box: SecretBox, options: { onlyLegacy?: boolean } = {}): Promise<ResealReport> {
  const blog = await resealTable(db, box, blogSecrets, options.onlyLegacy ?? false);
  const push = await resealTable(db, box, pushSecrets, options.onlyLegacy ?? false);
  return { keyVersion: box.currentVersion, ...blog, push };
}

function line(label: string, c: ResealCounts, keyVersion: number | null): string {
  const meanwhile = c.changedMeanwhile > 0 ? `, ${c.changedMeanwhile} replaced meanwhile (kept as replaced)` : '';
  return `${label}: ${c.resealed} re-sealed under key version ${keyVersion ?? 'none'}, ${c.alreadyCurrent} already current, ${c.failed.length} could not be opened${meanwhile}.`;
}

/** What the operator reads: counts only (the push line only when a course has a push link). */
export function describeReseal(r: ResealReport): string {
  const push =
    r.push.resealed + r.push.alreadyCurrent + r.push.changedMeanwhile + r.push.failed.length > 0 ? `\n${line('Push secrets', r.push, r.keyVersion)}` : '';
  return `${line('Blog secrets', r, r.keyVersion)}${push}`;
}

/** Every row no configured key opens, named for the operator (never the secret). */
export function resealFailures(r: ResealReport): string[] {
  return [
    ...r.failed.map((f) => `${blogSecrets.rowName(f.courseId)}: ${f.reason}`),
    ...r.push.failed.map((f) => `${pushSecrets.rowName(f.courseId)}: ${f.reason}`),
  ];
}
