import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  /** Path from the repository root, with forward slashes (src/offline/demo/run-demo.ts). */
  path: string;
  text: string;
}

export interface BoundaryBreak {
  file: string;
  specifier: string;
  rule: string;
}

// Static imports and re-exports (`from '...'`), side-effect imports (`import '...'`) and dynamic `import('...')`.
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;

export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(specifierPattern)].map((m) => m[2]!);
}

/** Where a relative specifier lands, from the repository root; null for packages and node: built-ins. */
function resolved(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
}

const inside = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);

/**
 * The two rules of issue 13 item 2: nothing in src/ (or commands/) outside src/offline imports the offline
 * world, and no src/ file imports test/ (the offline world included: it ships with `npm run demo`).
 */
export function findBoundaryBreaks(files: SourceFile[]): BoundaryBreak[] {
  const breaks: BoundaryBreak[] = [];
  const isBot = (file: string) => (inside(file, 'src') || inside(file, 'commands')) && !inside(file, 'src/offline');
  for (const file of files) {
    for (const specifier of importSpecifiers(file.text)) {
      const target = resolved(file.path, specifier);
      if (target === null) continue;
      if (inside(target, 'src/offline') && isBot(file.path)) breaks.push({ file: file.path, specifier, rule: 'only src/offline imports src/offline' });
      if (inside(target, 'test') && inside(file.path, 'src')) breaks.push({ file: file.path, specifier, rule: 'no src/ file imports test/' });
    }
  }
  return breaks;
}

/** Every .ts file under the given folders of the repository (the generated Prisma client left out). */
export function readSourceFiles(root: string, folders: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory() && child !== 'src/generated') walk(child);
      else if (entry.isFile() && entry.name.endsWith('.ts')) files.push({ path: child, text: readFileSync(path.join(root, child), 'utf8') });
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}
