// npm run plugin:zip -> dist/coursethreads-wordpress-plugin.zip, a zip whose top folder is coursethreads/,
// ready for WordPress's Plugins -> Add New -> Upload. Written by hand (ZIP "deflate" entries, node:zlib)
// so packaging needs no dependency and no system `zip`.
import { deflateRawSync } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const pluginSourceDir = join(repoRoot, 'src', 'wordpress-plugin', 'coursethreads');
export const pluginZipPath = join(repoRoot, 'dist', 'coursethreads-wordpress-plugin.zip');

interface ZipEntry {
  name: string; // forward slashes; directories end with '/'
  data: Buffer;
  modified: Date;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// MS-DOS time and date, the only timestamps plain ZIP headers carry (2-second resolution, local time).
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(d.getFullYear(), 1980);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Encodes entries as a ZIP archive: files deflated, directories stored, names flagged as UTF-8. */
export function zipEntries(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const isDir = entry.name.endsWith('/');
    const body = isDir ? Buffer.alloc(0) : deflateRawSync(entry.data, { level: 9 });
    const crc = isDir ? 0 : crc32(entry.data);
    const { time, date } = dosTime(entry.modified);
    const method = isDir ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate, folders)
    local.writeUInt16LE(0x0800, 6); // bit 11: names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, so the modes below are read
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((isDir ? 0o40755 : 0o100644) << 16) >>> 0, 38); // external attributes: Unix mode
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Every file and folder under dir, named `<top>/<relative path>`, skipping dotfiles. */
function collect(dir: string, top: string): ZipEntry[] {
  const entries: ZipEntry[] = [{ name: `${top}/`, data: Buffer.alloc(0), modified: statSync(dir).mtime }];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(current, name);
      const zipName = `${top}/${relative(dir, path).split(sep).join('/')}`;
      const stat = statSync(path);
      if (stat.isDirectory()) {
        entries.push({ name: `${zipName}/`, data: Buffer.alloc(0), modified: stat.mtime });
        walk(path);
      } else {
        entries.push({ name: zipName, data: readFileSync(path), modified: stat.mtime });
      }
    }
  };
  walk(dir);
  return entries;
}

/** Builds the installable zip of the plugin folder and returns where it was written. */
export function buildPluginZip(sourceDir = pluginSourceDir, outFile = pluginZipPath): string {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, zipEntries(collect(sourceDir, 'coursethreads')));
  return outFile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = buildPluginZip();
  process.stdout.write(`wrote ${relative(process.cwd(), out)}\n`);
}
