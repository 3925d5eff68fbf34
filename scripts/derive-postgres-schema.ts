// Writes prisma/postgres/schema.prisma from prisma/schema.prisma. The two schemas must describe the same
// model; only the datasource provider and the generated client's folder differ, so the PostgreSQL file is
// never edited by hand. `--check` exits 1 when the committed file is not what this script would write
// (the drift test and CI run it).
//
// Usage: tsx scripts/derive-postgres-schema.ts [--check] [--from <sqlite schema>] [--out <postgres schema>]
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SQLITE_SCHEMA = path.join(root, 'prisma', 'schema.prisma');
export const POSTGRES_SCHEMA = path.join(root, 'prisma', 'postgres', 'schema.prisma');
/** Relative to prisma/postgres/, where the derived schema lives. */
const POSTGRES_CLIENT_OUTPUT = '../../src/generated/prisma-postgres';

const HEADER =
  '// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.ts (npm run db:schema:postgres).\n' +
  '// Do not edit: change prisma/schema.prisma and run the script; a test fails when the two drift.\n\n';

/** Replaces one `key = value` line inside the named top-level block, failing loudly when it is absent. */
function replaceInBlock(text: string, blockHead: RegExp, key: string, value: string): string {
  const head = blockHead.exec(text);
  if (!head) throw new Error(`schema has no block matching ${blockHead}`);
  const start = head.index;
  const end = text.indexOf('\n}', start);
  if (end < 0) throw new Error(`block ${head[0]} is not closed`);
  const block = text.slice(start, end);
  const line = new RegExp(`^(\\s*${key}\\s*=\\s*).*$`, 'm');
  if (!line.test(block)) throw new Error(`block ${head[0]} has no ${key}`);
  return text.slice(0, start) + block.replace(line, `$1${value}`) + text.slice(end);
}

/** The PostgreSQL schema for a SQLite schema text. Pure: same input, same output. */
export function derivePostgresSchema(sqliteSchema: string): string {
  let out = replaceInBlock(sqliteSchema, /^datasource\s+\w+\s*\{/m, 'provider', '"postgresql"');
  out = replaceInBlock(out, /^generator\s+client\s*\{/m, 'output', `"${POSTGRES_CLIENT_OUTPUT}"`);
  return HEADER + out;
}

export interface DeriveResult {
  changed: boolean;
  out: string;
}

/** Derives `from` into `out`; with check, writes nothing and only reports whether `out` is stale. */
export function deriveFile(opts: { from?: string; out?: string; check?: boolean } = {}): DeriveResult {
  const from = opts.from ?? SQLITE_SCHEMA;
  const out = opts.out ?? POSTGRES_SCHEMA;
  const wanted = derivePostgresSchema(readFileSync(from, 'utf8'));
  const current = existsSync(out) ? readFileSync(out, 'utf8') : null;
  const changed = current !== wanted;
  if (changed && !opts.check) {
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, wanted);
  }
  return { changed, out };
}

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: string[]): number {
  const check = args.includes('--check');
  const result = deriveFile({ from: argValue(args, '--from'), out: argValue(args, '--out'), check });
  const rel = path.relative(process.cwd(), result.out);
  if (check && result.changed) {
    console.error(`${rel} is out of date with prisma/schema.prisma: run \`npm run db:schema:postgres\`.`);
    return 1;
  }
  console.log(check ? `${rel} is up to date.` : result.changed ? `wrote ${rel}` : `${rel} unchanged`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
