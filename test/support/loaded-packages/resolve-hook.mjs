// Module hook (runs on Node's loader thread) for register.mjs: appends the package of each resolved URL once
// (or, outside node_modules, the URL itself).
import { appendFileSync } from 'node:fs';
import { packageOf } from './package-of.mjs';

let file = '';
const seen = new Set();

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  // A file of the bundled build (dist/bot/*.js) is recorded by its URL: its packages are read from esbuild's metafile.
  const name = packageOf(result.url) || (result.url.startsWith('file:') ? result.url : '');
  if (name && !seen.has(name)) {
    seen.add(name);
    appendFileSync(file, `${name}\n`);
  }
  return result;
}
