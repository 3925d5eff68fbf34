import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openDb, type Db } from '../../../src/db/client.js';
import { createTestDatabase, postgresAvailable, startPostgres, type PostgresServer } from '../../support/postgres-server.js';

const pg = postgresAvailable();

const course = (channelId: string) => ({
  guildId: '111',
  channelId,
  channelKind: 'forum',
  name: 'Writing 101 — “Essays”',
  blogKind: 'wordpress',
  blogUrl: 'https://blog.example.edu',
  staffRoleId: '222',
  ingestSince: new Date('2026-09-01T00:00:00.000Z'),
});

describe.skipIf(!pg.ok)(`PostgreSQL through openDb${pg.ok ? '' : ` (skipped: ${pg.reason})`}`, () => {
  let server: PostgresServer;
  let db: Db;

  beforeAll(async () => {
    server = await startPostgres();
    const url = await createTestDatabase({ server }); // migrated copy of a template database
    expect(databaseKind(url)).toBe('postgresql');
    db = await openDb(url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it('creates, reads, updates and deletes, keeping text and times exact', async () => {
    const created = await db.course.create({ data: course('c-crud') });
    const read = await db.course.findUniqueOrThrow({ where: { id: created.id } });
    expect(read.name).toBe('Writing 101 — “Essays”');
    expect(read.ingestSince.toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(read.timeZone).toBe('UTC'); // schema default applied by the migration
    await db.course.update({ where: { id: created.id }, data: { status: 'paused' } });
    expect((await db.course.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('paused');
    await db.course.delete({ where: { id: created.id } });
    expect(await db.course.findUnique({ where: { id: created.id } })).toBeNull();
  });

  it('runs nested creates and cascades deletes through the foreign keys', async () => {
    const created = await db.course.create({
      data: { ...course('c-nested'), students: { create: [{ displayName: 'Ada' }, { displayName: 'Grace', discordUserId: '42' }] } },
      include: { students: true },
    });
    expect(created.students.map((s) => s.displayName).sort()).toEqual(['Ada', 'Grace']);
    await db.course.delete({ where: { id: created.id } });
    expect(await db.student.count({ where: { courseId: created.id } })).toBe(0);
  });

  it('reports a unique violation as P2002 naming the fields', async () => {
    await db.course.create({ data: course('c-dup') });
    const dup = await db.course.create({ data: course('c-dup') }).catch((err: unknown) => err);
    expect(dup).toMatchObject({ code: 'P2002' });
    expect(JSON.stringify((dup as { meta?: unknown }).meta)).toMatch(/guildId|Course_guildId_channelId_key/);
  });

  it('gives each test database its own data', async () => {
    await db.course.create({ data: course('c-isolated') });
    const other = await openDb(await createTestDatabase({ server }));
    try {
      expect(await other.course.count()).toBe(0); // migrated (the table exists) but empty
      expect(await db.course.count({ where: { channelId: 'c-isolated' } })).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it('rolls a failed interactive transaction back', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.course.create({ data: course('c-tx') });
        await tx.course.create({ data: course('c-tx') });
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(await db.course.count({ where: { channelId: 'c-tx' } })).toBe(0);
  });
});
