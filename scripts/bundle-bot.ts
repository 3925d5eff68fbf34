// The second half of `npm run build`: bundles the bot (src/main.ts and everything it imports, npm packages
// included) into dist/bot/, which `npm start` runs. Why a bundle: Node resolves, reads and wraps ~1,200
// module files one by one at start-up; as a handful of files the same code loads in about half the time
// (issue 14's start time; bench/cold-start.bench.ts measures it). What is imported lazily (slash commands,
// reports, charts, CSV, feeds, PostgreSQL) stays in chunks of its own that load on first use.
// Not minified, so a stack trace names real functions. Source maps are written beside the chunks but not
// enabled by `npm start`: `--enable-source-maps` parses all of them at start (about +50 MB RSS); add the flag
// when a trace is hard to read. `npm run build -- --outdir <dir>` builds elsewhere (the build test does).
// dist/bot/meta.json is esbuild's record of which source files went into which chunk.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Native addons load from node_modules; the optional speed-ups of ws and discord.js are not installed. */
const notBundled = ['better-sqlite3', '@napi-rs/canvas', 'pg-native', 'zlib-sync', 'bufferutil', 'utf-8-validate', '@discordjs/zlib-sync'];

/** How the bot is bundled; the reminder-sweep bench bundles its sweeping child the same way. */
export function bundleOptions(entryPoint: string, outdir: string): BuildOptions & { metafile: true } {
  return {
    absWorkingDir: root,
    entryPoints: [entryPoint],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: notBundled,
    metafile: true,
    logLevel: 'warning',
    // The npm packages written as CommonJS call require(); in an ES module bundle that needs a real one.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outIndex = process.argv.indexOf('--outdir');
  const outDir = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]!) : path.join(root, 'dist');
  const result = await build(bundleOptions(path.join(root, 'src', 'main.ts'), path.join(outDir, 'bot')));
  writeFileSync(path.join(outDir, 'bot', 'meta.json'), JSON.stringify(result.metafile));
}
