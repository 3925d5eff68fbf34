// The plugin's PHP checked the ways available here (PHP and phpcs come with the e2e suite's packages):
// php -l, a PHP 7.4 syntax check (the plugin promises 7.4; PHP 8.2 runs here), and phpcs with the
// Generic/Squiz/PEAR sniffs WordPress's standard builds on (WordPress-Coding-Standards itself is not
// installable from Debian or npm; src/wordpress-plugin/coursethreads/README.md says what that leaves out).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluginSourceDir } from '../../scripts/zip-wordpress-plugin.js';

const toolsDir = join(pluginSourceDir, '..');
const phpFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? phpFiles(path) : name.endsWith('.php') ? [path] : [];
  });
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', cwd: toolsDir });

describe('the plugin PHP meets its promises', () => {
  const files = phpFiles(pluginSourceDir);

  it('every file parses (php -l)', () => {
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const lint = run('php', ['-l', file]);
      expect(lint.status, `${file}: ${lint.stdout}${lint.stderr}`).toBe(0);
    }
  });

  it('uses no PHP 8-only syntax, so it runs on PHP 7.4 as its header says', () => {
    const check = run('php', ['check-php74.php', ...files]);
    expect(check.stdout + check.stderr).toBe('no PHP 8-only syntax found\n');
    expect(check.status).toBe(0);
  });

  it('the PHP 7.4 check does catch PHP 8-only syntax', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-php8-'));
    const file = join(dir, 'php8.php');
    writeFileSync(file, '<?php\n$a = match ( $x ) { 1 => 2 };\n$b = $o?->p;\nfoo( name: 1 );\nfunction g( int|string $v ) {}\n');
    const check = run('php', ['check-php74.php', file]);
    rmSync(dir, { recursive: true, force: true });
    expect(check.status).toBe(1);
    expect(check.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('passes phpcs with the WordPress-style ruleset in src/wordpress-plugin/phpcs.xml', () => {
    const phpcs = run('phpcs', ['--standard=phpcs.xml', '-s', '--no-colors']);
    expect(phpcs.error, 'phpcs is installed by test/e2e/wordpress/start-wordpress.sh (php-codesniffer)').toBeUndefined();
    expect(phpcs.stdout + phpcs.stderr).toBe('');
    expect(phpcs.status).toBe(0);
  });
});
