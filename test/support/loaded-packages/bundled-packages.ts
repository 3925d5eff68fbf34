// The npm packages inside the files of a bundled build that a process loaded: register.mjs records those
// files by URL (their packages are bundled in, so no package is resolved), and esbuild's metafile
// (`<outdir>/bot/meta.json`, written by scripts/bundle-bot.ts) says which source files went into each.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageOf } from './package-of.mjs';

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** `recorded`: the lines register.mjs wrote; `root`: the folder the bundle was built from (esbuild's paths are relative to it). */
export function packagesLoaded(recorded: readonly string[], root: string, metafilePath: string): Set<string> {
  const meta = JSON.parse(readFileSync(metafilePath, 'utf8')) as Metafile;
  const names = new Set(recorded.filter((line) => !line.startsWith('file:')));
  for (const line of recorded.filter((l) => l.startsWith('file:'))) {
    const output = meta.outputs[path.relative(root, fileURLToPath(line)).split(path.sep).join('/')];
    for (const input of Object.keys(output?.inputs ?? {})) {
      const name = packageOf(`/${input}`);
      if (name) names.add(name);
    }
  }
  return names;
}
