// vitest globalSetup for the e2e project: starts a real WordPress (Debian's package, PHP's built-in
// server, a private MariaDB; see wordpress/start-wordpress.sh), hands its address and accounts to
// the tests with project.provide('wordpress', ...), and stops it afterwards.
//   WP_E2E_DIR   state folder (default: <tmp>/coursethreads-wp-e2e); kept between runs, so a
//                second run starts in about a second
//   WP_PORT / DB_PORT / WP_TIMEZONE   passed through to the script
//   WP_E2E_KEEP_RUNNING=1   leave the servers up after the run (for poking with curl)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { WordPressTestSite } from '../integration/blog/wordpress-test-site.js';
import { shellQuote, startWatchdog } from '../support/server-watchdog.js';

declare module 'vitest' {
  export interface ProvidedContext {
    wordpress: WordPressTestSite;
    /** The state folder: credentials.json and the site's files (wordpress/), for tests that install a plugin. */
    wordpressDir: string;
  }
}

const here = dirname(fileURLToPath(import.meta.url));

interface Credentials {
  url: string;
  users: Record<'admin' | 'bot' | 'student1' | 'student2', { id: number; login: string; app_password: string; email: string; display_name?: string }>;
}

function run(script: string, env: NodeJS.ProcessEnv, args: string[] = []): void {
  const r = spawnSync('bash', [join(here, 'wordpress', script), ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export default function setup(project: TestProject): () => void {
  const dir = process.env.WP_E2E_DIR ?? join(tmpdir(), 'coursethreads-wp-e2e');
  const timezone = process.env.WP_TIMEZONE ?? 'America/Chicago';
  const env = { ...process.env, WP_E2E_DIR: dir, WP_TIMEZONE: timezone, WP_E2E_CLEAN: '1' };
  const started = Date.now();
  run('start-wordpress.sh', env);
  // Stopped by the teardown below; and should this vitest process be killed first, by the watchdog.
  if (process.env.WP_E2E_KEEP_RUNNING !== '1') {
    startWatchdog({
      ownerPid: process.pid,
      stopCommand: `WP_E2E_DIR=${shellQuote([dir])} ${shellQuote(['bash', join(here, 'wordpress', 'stop-wordpress.sh')])}`,
    });
  }
  const creds = JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8')) as Credentials;
  const user = (k: keyof Credentials['users']) => {
    const u = creds.users[k];
    return { id: u.id, login: u.login, appPassword: u.app_password, email: u.email, name: u.display_name ?? u.login };
  };
  const site: WordPressTestSite = {
    kind: 'real',
    url: creds.url,
    timezone,
    users: { admin: user('admin'), bot: user('bot'), student1: user('student1'), student2: user('student2') },
  };
  project.provide('wordpress', site);
  project.provide('wordpressDir', dir);
  process.stderr.write(`[e2e] WordPress ready at ${site.url} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return () => {
    if (process.env.WP_E2E_KEEP_RUNNING === '1') return;
    run('stop-wordpress.sh', env);
  };
}
