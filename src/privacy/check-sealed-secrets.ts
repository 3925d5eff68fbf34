import type { Db } from '../db/client.js';
import { SecretKeyError, type SecretBox } from './secret-box.js';
import { asStored, sealedTables } from './sealed-tables.js';

/** Opens every stored secret (blog credentials and push signing secrets) once at start-up, so a missing or wrong key is reported before anything runs. */
export async function checkSealedSecrets(db: Db, secrets: SecretBox): Promise<void> {
  const broken: string[] = [];
  for (const table of sealedTables) {
    for (const courseId of await table.courseIds(db)) {
      const row = await table.read(db, courseId);
      if (!row) continue; // purged meanwhile
      try {
        secrets.open(asStored(table, row));
      } catch (error) {
        broken.push(`${table.rowName(courseId)}: ${(error as Error).message}`);
      }
    }
  }
  if (broken.length > 0) {
    throw new SecretKeyError(
      `CourseThreads cannot start: stored secrets cannot be opened with COURSETHREADS_SECRET_KEYS.\n  - ${broken.join('\n  - ')}\nNothing was changed. Set the key(s) they were sealed with (old versions may stay listed beside the new one).`,
    );
  }
}
