// Module hook (runs on Node's loader thread) for register.mjs: appends the package of each resolved URL once.
import { appendFileSync } from 'node:fs';
import { packageOf } from './package-of.mjs';

let file = '';
const seen = new Set();

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const name = packageOf(result.url);
  if (name && !seen.has(name)) {
    seen.add(name);
    appendFileSync(file, `${name}\n`);
  }
  return result;
}
