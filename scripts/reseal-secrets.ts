// npm run secrets:reseal — after adding a new key to COURSETHREADS_SECRET_KEYS, re-seals every stored
// blog secret and push signing secret with it (and binds any secret from before format 2 to its course). Prints counts and
// course ids, never a secret. Safe to run again, and while the bot runs. Once it reports 0 that
// could not be opened, the older key versions can be removed from COURSETHREADS_SECRET_KEYS.
import { ConfigError, loadConfig } from '../src/config.js';
import { closeDb, openDb } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { describeReseal, resealFailures, resealSecrets } from '../src/privacy/reseal-secrets.js';
import { SecretBox, SecretKeyError } from '../src/privacy/secret-box.js';

async function main(): Promise<number> {
  const config = loadConfig();
  const box = new SecretBox(config.secretKeys);
  if (box.currentVersion === null)
    throw new SecretKeyError(
      'secrets:reseal needs COURSETHREADS_SECRET_KEYS: every key version still in use plus the new one, e.g. "1:<old key>,2:<new key>" (openssl rand -base64 32).',
    );
  await migrateDatabase(config.databaseUrl);
  const db = await openDb(config.databaseUrl);
  try {
    const report = await resealSecrets(db, box);
    process.stdout.write(`${describeReseal(report)}\n`);
    const failures = resealFailures(report);
    for (const failure of failures) process.stderr.write(`${failure}\n`);
    if (failures.length > 0) process.stderr.write('Those stay as they were. Add the key version they were sealed with and run this again.\n');
    return failures.length > 0 ? 1 : 0;
  } finally {
    await closeDb(db);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof SecretKeyError;
    process.stderr.write(`${known ? error.message : `secrets:reseal stopped: ${error instanceof Error ? error.message : String(error)}`}\n`);
    process.exitCode = 1;
  },
);
