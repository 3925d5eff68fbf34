// A database that refuses one kind of audit entry, for the tests that prove a staff action is all or nothing:
// the audit entry is a use case's last write, so a refusal there comes after every other write has run.
import type { Db } from '../../src/db/client.js';
import { testDatabaseKind } from './test-db.js';

/** From now on, inserting an AuditEntry with this action fails (a trigger); call the result to accept them again. */
export async function refuseAuditEntries(db: Db, action: string): Promise<() => Promise<void>> {
  const name = `refuse_${action.replace(/\W/g, '_')}`;
  if (testDatabaseKind() === 'sqlite') {
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEntry" WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER ${name}`));
  }
  await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEntry" FOR EACH ROW WHEN (NEW.action = '${action}') EXECUTE FUNCTION ${name}()`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditEntry"`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}
