// Reads a database's structure from the database itself (not from Prisma's schema), in one shape for
// both engines, so the migration test can compare what the two migration sets really created.
import type { Db } from '../../../src/db/client.js';

export interface TableShape {
  columns: string[]; // "name" or "name?" when nullable, sorted
  primaryKey: string[];
  indexes: string[]; // "name unique|plain (col,col)", sorted
  foreignKeys: string[]; // "col,col -> Table(col) on delete X", sorted
}
export type DbShape = Record<string, TableShape>;

type Row = Record<string, unknown>;
const s = (v: unknown): string => String(v);
const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

export async function sqliteShape(db: Db): Promise<DbShape> {
  const tables = await db.$queryRawUnsafe<Row[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
  );
  const shape: DbShape = {};
  for (const { name } of tables) {
    const t = s(name);
    const cols = await db.$queryRawUnsafe<Row[]>(`SELECT name, "notnull", pk FROM pragma_table_info('${t}')`);
    const idx = await db.$queryRawUnsafe<Row[]>(`SELECT name, "unique" FROM pragma_index_list('${t}') WHERE origin = 'c'`);
    const indexes: string[] = [];
    for (const i of idx) {
      const icols = await db.$queryRawUnsafe<Row[]>(`SELECT name FROM pragma_index_info('${s(i.name)}') ORDER BY seqno`);
      indexes.push(`${s(i.name)} ${Number(i.unique) ? 'unique' : 'plain'} (${icols.map((c) => s(c.name)).join(',')})`);
    }
    const fks = await db.$queryRawUnsafe<Row[]>(`SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list('${t}') ORDER BY id, seq`);
    shape[t] = {
      columns: cols.map((c) => `${s(c.name)}${Number(c.notnull) ? '' : '?'}`).sort(),
      primaryKey: cols
        .filter((c) => Number(c.pk) > 0)
        .sort((a, b) => Number(a.pk) - Number(b.pk))
        .map((c) => s(c.name)),
      indexes: indexes.sort(),
      foreignKeys: fks.map((f) => `${s(f.from)} -> ${s(f.table)}(${s(f.to)}) on delete ${s(f.on_delete)}`).sort(),
    };
  }
  return shape;
}

export async function postgresShape(db: Db): Promise<DbShape> {
  const cols = await db.$queryRawUnsafe<Row[]>(
    `SELECT c.table_name::text AS table_name, c.column_name::text AS column_name, c.is_nullable::text AS is_nullable FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_coursethreads_migrations'`,
  );
  const idx = await db.$queryRawUnsafe<Row[]>(
    `SELECT t.relname::text AS tbl, i.relname::text AS name, ix.indisunique AS uniq, ix.indisprimary AS pk,
       array_to_string(ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',') AS cols
     FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`,
  );
  const fks = await db.$queryRawUnsafe<Row[]>(
    `SELECT t.relname::text AS tbl, f.relname::text AS ref, c.confdeltype::text AS del,
       array_to_string(ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k), ',') AS cols,
       array_to_string(ARRAY(SELECT a.attname::text FROM unnest(c.confkey) k JOIN pg_attribute a ON a.attrelid = f.oid AND a.attnum = k), ',') AS refcols
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const shape: DbShape = {};
  const table = (name: string): TableShape => (shape[name] ??= { columns: [], primaryKey: [], indexes: [], foreignKeys: [] });
  for (const c of cols) table(s(c.table_name)).columns.push(`${s(c.column_name)}${c.is_nullable === 'YES' ? '?' : ''}`);
  for (const i of idx) {
    if (s(i.tbl) === '_coursethreads_migrations') continue;
    if (i.pk) table(s(i.tbl)).primaryKey = s(i.cols).split(',');
    else table(s(i.tbl)).indexes.push(`${s(i.name)} ${i.uniq ? 'unique' : 'plain'} (${s(i.cols)})`);
  }
  for (const f of fks) {
    table(s(f.tbl)).foreignKeys.push(`${s(f.cols)} -> ${s(f.ref)}(${s(f.refcols)}) on delete ${ACTIONS[s(f.del)] ?? s(f.del)}`);
  }
  for (const t of Object.values(shape)) {
    t.columns.sort();
    t.indexes.sort();
    t.foreignKeys.sort();
  }
  return Object.fromEntries(Object.entries(shape).sort(([a], [b]) => a.localeCompare(b)));
}
