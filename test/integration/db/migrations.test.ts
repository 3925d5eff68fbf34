import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/db/client.js';
import { MIGRATIONS_TABLE } from '../../../src/db/migrations-table.js';
import { MigrationChangedError, migratePostgres } from '../../../src/db/postgres-migrate.js';
import { postgresAvailable, startPostgres, type PostgresServer } from '../../support/postgres-server.js';
import { migrationFolders, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from '../../../scripts/new-migration.js';
import { dbMigrate, tempSqlite } from './helpers.js';
import { postgresShape, sqliteShape } from './introspect.js';

const pg = postgresAvailable();

describe('committed migrations', () => {
  it('exist under the same folder names for SQLite and PostgreSQL', () => {
    const sqlite = migrationFolders(SQLITE_MIGRATIONS);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationFolders(POSTGRES_MIGRATIONS)).toEqual(sqlite);
  });
});

describe.skipIf(!pg.ok)(`PostgreSQL migrations${pg.ok ? '' : ` (skipped: ${pg.reason})`}`, () => {
  let server: PostgresServer;
  const opened: Db[] = [];
  let sqlite: ReturnType<typeof tempSqlite>;
  let scratch = '';

  beforeAll(async () => {
    sqlite = tempSqlite();
    scratch = mkdtempSync(path.join(tmpdir(), 'ct-migrations-'));
    server = await startPostgres();
  });
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.$disconnect()));
    await server?.stop();
    sqlite?.cleanup();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('create the same tables, columns, keys and indexes on both databases', async () => {
    const pgUrl = await server.createDatabase();
    // `npm run db:migrate` on each: prisma migrate deploy for SQLite, our runner for PostgreSQL.
    await Promise.all([dbMigrate(sqlite.url), dbMigrate(pgUrl)]);
    const [lite, post] = [await openDb(sqlite.url), await openDb(pgUrl)];
    opened.push(lite, post);
    const [liteShape, postShape] = [await sqliteShape(lite), await postgresShape(post)];
    // Guard against comparing two empty databases.
    expect(Object.keys(liteShape)).toContain('JobLease');
    expect(liteShape.Course?.indexes).toContain('Course_guildId_channelId_key unique (guildId,channelId)');
    expect(postShape).toEqual(liteShape);
    // Running again is a no-op that says so.
    await expect(migratePostgres(pgUrl, POSTGRES_MIGRATIONS)).resolves.toMatchObject({ applied: [] });
  });

  it('refuses to go on when an applied migration file changed, and applies nothing else', async () => {
    const dir = path.join(scratch, 'changed');
    cpSync(POSTGRES_MIGRATIONS, dir, { recursive: true });
    const url = await server.createDatabase();
    const first = await migratePostgres(url, dir);
    expect(first.applied).toEqual(migrationFolders(POSTGRES_MIGRATIONS));

    const init = first.applied[0]!;
    appendFileSync(path.join(dir, init, 'migration.sql'), '\n-- edited after it was applied\n');
    mkdirSync(path.join(dir, '29990101000000_later'));
    writeFileSync(path.join(dir, '29990101000000_later', 'migration.sql'), 'CREATE TABLE "Later" (id TEXT PRIMARY KEY);');

    const refused = migratePostgres(url, dir);
    await expect(refused).rejects.toBeInstanceOf(MigrationChangedError);
    await expect(refused).rejects.toThrow(new RegExp(`${init} was applied with checksum .* but its file now has`));
    const db = await openDb(url);
    opened.push(db);
    const later = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Later'`);
    expect(later).toHaveLength(0);
    const recorded = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM "${MIGRATIONS_TABLE}" ORDER BY name`);
    expect(recorded.map((r) => r.name)).toEqual(first.applied);
  });

  it('refuses when an applied migration folder disappeared', async () => {
    const dir = path.join(scratch, 'missing');
    cpSync(POSTGRES_MIGRATIONS, dir, { recursive: true });
    const url = await server.createDatabase();
    const { applied } = await migratePostgres(url, dir);
    rmSync(path.join(dir, applied[0]!), { recursive: true });
    await expect(migratePostgres(url, dir)).rejects.toThrow(/was applied but its folder is missing/);
  });

  it('rolls a failing migration back whole, leaving it unrecorded', async () => {
    const dir = path.join(scratch, 'failing');
    mkdirSync(path.join(dir, '20000101000000_bad'), { recursive: true });
    writeFileSync(path.join(dir, '20000101000000_bad', 'migration.sql'), 'CREATE TABLE "Half" (id TEXT);\nSELECT no_such_function();');
    const url = await server.createDatabase();
    await expect(migratePostgres(url, dir)).rejects.toThrow(/20000101000000_bad failed and was rolled back/);
    const db = await openDb(url);
    opened.push(db);
    expect(await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toHaveLength(0);
    expect(await db.$queryRawUnsafe<unknown[]>(`SELECT name FROM "${MIGRATIONS_TABLE}"`)).toHaveLength(0);
  });
});
