import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { derivePostgresSchema, deriveFile, POSTGRES_SCHEMA, SQLITE_SCHEMA } from '../../../scripts/derive-postgres-schema.js';
import { runScript, runScriptAsync } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'ct-drift-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A schema text with one more field on JobLease: the smallest change that must be noticed. */
function withExtraField(schema: string): string {
  const changed = schema.replace(/(model JobLease \{\n)/, '$1  drifted String?\n');
  expect(changed).not.toBe(schema);
  return changed;
}

describe('PostgreSQL schema derived from the SQLite one', () => {
  it('is committed up to date (the CLI --check passes)', () => {
    const res = runScript('scripts/derive-postgres-schema.ts', ['--check']);
    expect(res.output).toContain('up to date');
    expect(res.status).toBe(0);
  });

  it('differs from the SQLite schema only in provider, client output and header', () => {
    const sqlite = readFileSync(SQLITE_SCHEMA, 'utf8').split('\n');
    const postgres = readFileSync(POSTGRES_SCHEMA, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('// GENERATED') && !l.startsWith('// Do not edit'));
    expect(postgres.slice(1)).toHaveLength(sqlite.length);
    const differing = sqlite.map((line, i) => [line, postgres[i + 1]]).filter(([a, b]) => a !== b);
    expect(differing.map(([, b]) => b?.trim())).toEqual(['output     = "../../src/generated/prisma-postgres"', 'provider = "postgresql"']);
  });

  it('fails the check when only the SQLite schema changes', () => {
    const from = path.join(scratch, 'sqlite-changed.prisma');
    writeFileSync(from, withExtraField(readFileSync(SQLITE_SCHEMA, 'utf8')));
    const res = runScript('scripts/derive-postgres-schema.ts', ['--check', '--from', from]);
    expect(res.status).toBe(1);
    expect(res.output).toContain('npm run db:schema:postgres');
    // --check never writes: the committed file is untouched.
    expect(readFileSync(POSTGRES_SCHEMA, 'utf8')).toBe(derivePostgresSchema(readFileSync(SQLITE_SCHEMA, 'utf8')));
  });

  it('fails the check when only the PostgreSQL schema changes', () => {
    const out = path.join(scratch, 'postgres-changed.prisma');
    writeFileSync(out, withExtraField(readFileSync(POSTGRES_SCHEMA, 'utf8')));
    expect(runScript('scripts/derive-postgres-schema.ts', ['--check', '--out', out]).status).toBe(1);
    // Deriving repairs it, after which the check passes again.
    expect(deriveFile({ out }).changed).toBe(true);
    expect(deriveFile({ out, check: true }).changed).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(POSTGRES_SCHEMA, 'utf8'));
  });

  it('refuses a schema whose datasource it cannot find', () => {
    expect(() => derivePostgresSchema('model A {\n  id String @id\n}\n')).toThrow(/datasource/);
  });

  it('has a migration for every schema change, and notices one that has none', async () => {
    // The CLI's check against the real schema, and the same check with an edited copy standing in for it.
    const edited = path.join(scratch, 'current.prisma');
    writeFileSync(edited, withExtraField(readFileSync(SQLITE_SCHEMA, 'utf8')));
    const [real, changed] = await Promise.all([
      runScriptAsync('scripts/new-migration.ts', ['--check']),
      runScriptAsync('scripts/new-migration.ts', ['--check', '--schema', edited]),
    ]);
    expect(real.status, real.output).toBe(0);
    expect(changed.status, changed.output).toBe(1);
    expect(changed.output).toContain('npm run db:new-migration');
  });
});
