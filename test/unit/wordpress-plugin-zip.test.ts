import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPluginZip, pluginSourceDir } from '../../scripts/zip-wordpress-plugin.js';

// Read the archive with Python's zipfile (an independent ZIP reader): names, CRC check, and bytes.
const readZip = (zipPath: string): Record<string, string> =>
  JSON.parse(
    execFileSync(
      'python3',
      [
        '-c',
        [
          'import base64, json, sys, zipfile',
          'z = zipfile.ZipFile(sys.argv[1])',
          'assert z.testzip() is None, "corrupt entry"',
          'print(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))',
        ].join('\n'),
        zipPath,
      ],
      { encoding: 'utf8' },
    ),
  ) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [relative(pluginSourceDir, path).split(sep).join('/')];
  });
}

describe('npm run plugin:zip', () => {
  const work = mkdtempSync(join(tmpdir(), 'ct-plugin-zip-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds a zip that WordPress can install: one top folder coursethreads/ holding every plugin file unchanged', () => {
    const zipPath = buildPluginZip(pluginSourceDir, join(work, 'plugin.zip'));
    const entries = readZip(zipPath);
    const files = Object.keys(entries).filter((name) => !name.endsWith('/'));
    const expected = sourceFiles(pluginSourceDir)
      .map((f) => `coursethreads/${f}`)
      .sort();
    expect(files.sort()).toEqual(expected);
    expect(Object.keys(entries).every((name) => name.startsWith('coursethreads/'))).toBe(true);
    for (const name of files) {
      expect(Buffer.from(entries[name]!, 'base64').equals(readFileSync(join(pluginSourceDir, name.slice('coursethreads/'.length)))), name).toBe(true);
    }
    // WordPress finds a plugin by the header in a PHP file directly inside the top folder.
    expect(Buffer.from(entries['coursethreads/coursethreads.php']!, 'base64').toString('utf8')).toMatch(/^\s*\* Plugin Name:\s+CourseThreads$/m);
  });

  it("extracts to a single coursethreads/ folder, as WordPress's upload does", () => {
    const zipPath = buildPluginZip(pluginSourceDir, join(work, 'check.zip'));
    const out = join(work, 'unzipped');
    // python3 is on every machine of this project (node-gyp needs it); the system unzip may not be.
    execFileSync('python3', ['-m', 'zipfile', '-e', zipPath, out]);
    expect(readdirSync(out)).toEqual(['coursethreads']);
    expect(sourceFiles(join(out, 'coursethreads')).length).toBe(sourceFiles(pluginSourceDir).length);
  });
});
