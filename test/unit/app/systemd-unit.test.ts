// The systemd unit in docs/operations runs the bot itself (no npm in between, so SIGTERM reaches it): it must
// run what `npm start` runs, with the same Node flags, or operators get other memory figures than bench/ prints.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const npmStart = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: { start: string } }).scripts.start;
const execStart = /^ExecStart=(.*)$/m.exec(readFileSync(new URL('docs/operations/coursethreads.service', root), 'utf8'))?.[1];

describe('the systemd unit', () => {
  it('starts the same file with the same Node flags as npm start', () => {
    expect(execStart?.replace(/^\/usr\/bin\/node /, 'node ')).toBe(npmStart);
  });
});
