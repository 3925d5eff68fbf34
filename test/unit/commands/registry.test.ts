import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';

const commandsDir = path.resolve(import.meta.dirname, '../../../commands');

describe('command registry', () => {
  it('registers every file in commands/ exactly once, under unique names', async () => {
    const files = readdirSync(commandsDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const registered = new Set(commands);
    for (const file of files) {
      const module = (await import(path.join(commandsDir, file))) as Record<string, unknown>;
      const exported = Object.values(module).filter((v) => registered.has(v as never));
      expect(exported, `${file} exports a command that commands/index.ts registers`).toHaveLength(1);
    }
    expect(commands).toHaveLength(files.length);
    const names = commands.map((c) => c.data.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every staff-only command default member permissions (hidden by default, checked on the server too)', () => {
    for (const command of commands) {
      const json = command.data.toJSON();
      const staffSomewhere = typeof command.access === 'function' || command.access !== 'everyone';
      if (staffSomewhere && typeof command.access !== 'function') expect(json.default_member_permissions, command.data.name).not.toBeNull();
      expect(json.description.length).toBeGreaterThan(0);
    }
  });
});
