// `node --import <this file> app.js`: records the name of every npm package the process loads, one per line, in
// the file named by LOADED_PACKAGES_FILE. Tests read it to prove what start-up does (not) load. Plain .mjs so it
// also runs under plain Node (the compiled build). ES module imports are seen by a resolve hook as they happen;
// CommonJS require() calls bypass that hook on Node 20, so the CommonJS module cache is added when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { packageOf } from './package-of.mjs';

const file = process.env.LOADED_PACKAGES_FILE;
if (!file) throw new Error('register.mjs: LOADED_PACKAGES_FILE is not set');
register('./resolve-hook.mjs', import.meta.url, { data: { file } });
const requireCache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const names = new Set(
    Object.keys(requireCache)
      .map((p) => packageOf(p))
      .filter(Boolean),
  );
  if (names.size > 0) appendFileSync(file, `${[...names].join('\n')}\n`);
});
