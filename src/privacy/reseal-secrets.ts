import type { Db } from '../db/client.js';
import { LEGACY_FORMAT, type SecretBox } from './secret-box.js';

export interface ResealReport {
  /** The key version every re-sealed secret now uses. */
  keyVersion: number | null;
  resealed: number;
  alreadyCurrent: number;
  /** Replaced by /course credentials (or another process) while this ran: the newer value was kept. */
  changedMeanwhile: number;
  /** Course ids whose secret no configured key opens, with why; never the secret itself. */
  failed: { courseId: string; reason: string }[];
}

const sealedColumns = { courseId: true, format: true, keyVersion: true, iv: true, authTag: true, ciphertext: true } as const;

/**
 * Re-seals stored blog secrets in the newest format under the newest key, one transaction per secret,
 * so a crash leaves each secret either as it was (still opening with its old key) or re-sealed. The
 * write is conditional on the row being unchanged, so credentials replaced meanwhile are never
 * overwritten with older ones. Running it again re-seals nothing. `onlyLegacy` limits it to rows sealed
 * before secrets were bound to their course (what start-up upgrades on its own).
 */
export async function resealSecrets(db: Db, box: SecretBox, options: { onlyLegacy?: boolean } = {}): Promise<ResealReport> {
  const report: ResealReport = { keyVersion: box.currentVersion, resealed: 0, alreadyCurrent: 0, changedMeanwhile: 0, failed: [] };
  const ids = await db.blogSecret.findMany({ select: { courseId: true }, orderBy: { courseId: 'asc' } });
  for (const { courseId } of ids) {
    const outcome = await db.$transaction(async (tx) => {
      const row = await tx.blogSecret.findUnique({ where: { courseId }, select: sealedColumns });
      if (!row) return 'changed' as const; // the course was purged meanwhile
      if (box.isCurrent(row) || (options.onlyLegacy && row.format !== LEGACY_FORMAT)) return 'current' as const;
      let plaintext: string;
      try {
        plaintext = box.open(row);
      } catch (error) {
        return { reason: (error as Error).message };
      }
      const won = await tx.blogSecret.updateMany({ where: row, data: box.seal(plaintext, courseId) });
      return won.count === 1 ? ('resealed' as const) : ('changed' as const);
    });
    if (outcome === 'resealed') report.resealed += 1;
    else if (outcome === 'current') report.alreadyCurrent += 1;
    else if (outcome === 'changed') report.changedMeanwhile += 1;
    else report.failed.push({ courseId, ...outcome });
  }
  return report;
}

/** One line for the operator: counts only. */
export function describeReseal(r: ResealReport): string {
  const meanwhile = r.changedMeanwhile > 0 ? `, ${r.changedMeanwhile} replaced meanwhile (kept as replaced)` : '';
  return `Blog secrets: ${r.resealed} re-sealed under key version ${r.keyVersion ?? 'none'}, ${r.alreadyCurrent} already current, ${r.failed.length} could not be opened${meanwhile}.`;
}
