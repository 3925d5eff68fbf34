// The real WordPress of test/e2e/wordpress for a bench: its own state folder and ports, so a bench never
// restarts or wipes the server an e2e run may be using at the same time. The first start installs
// WordPress into the folder (about 20 s); later starts take about a second. Every start empties it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'e2e', 'wordpress');

export interface RealWordPressUser {
  login: string;
  appPassword: string;
}

export interface RealWordPress {
  url: string;
  /** The state folder (credentials.json, the site's files): for benches that install the plugin. */
  dir: string;
  users: Record<'admin' | 'bot' | 'student1' | 'student2', RealWordPressUser>;
  stop(): void;
}

export function startRealWordPress(): RealWordPress {
  const env = {
    ...process.env,
    WP_E2E_DIR: process.env.BENCH_WP_DIR ?? path.join(tmpdir(), 'coursethreads-wp-bench'),
    WP_PORT: process.env.BENCH_WP_PORT ?? '18095',
    DB_PORT: process.env.BENCH_WP_DB_PORT ?? '33065',
    WP_E2E_CLEAN: '1',
  };
  const run = (script: string) => {
    const r = spawnSync('bash', [path.join(scripts, script)], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  };
  run('start-wordpress.sh');
  const creds = JSON.parse(readFileSync(path.join(env.WP_E2E_DIR, 'credentials.json'), 'utf8')) as {
    users: Record<string, { login: string; app_password: string }>;
  };
  const user = (key: string): RealWordPressUser => ({ login: creds.users[key]!.login, appPassword: creds.users[key]!.app_password });
  return {
    // credentials.json keeps the URL of the first install; the port in use is the one asked for now.
    url: `http://127.0.0.1:${env.WP_PORT}`,
    dir: env.WP_E2E_DIR,
    users: { admin: user('admin'), bot: user('bot'), student1: user('student1'), student2: user('student2') },
    stop: () => run('stop-wordpress.sh'),
  };
}
