import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseKind, sqliteFilePath } from './client.js';
import { migratePostgres } from './postgres-migrate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Brings the database up to the committed migrations: SQLite through `prisma migrate deploy`,
 * PostgreSQL through our own runner (prisma cannot deploy to PostgreSQL with the js engine).
 */
export async function migrateDatabase(url: string): Promise<void> {
  if (databaseKind(url) === 'postgresql') {
    await migratePostgres(url, path.join(root, 'prisma', 'postgres', 'migrations'));
    return;
  }
  const file = sqliteFilePath(url);
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const prisma = path.join(root, 'node_modules', '.bin', 'prisma');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(prisma, ['migrate', 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${path.resolve(file)}` }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`))));
  });
}
