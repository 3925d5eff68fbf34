import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBoundaryBreaks, importSpecifiers, readSourceFiles } from '../../support/import-boundaries.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('import boundaries of the offline world', () => {
  it('the bot in src/ and commands/ never imports the offline world, and src/ never imports test/', () => {
    const files = readSourceFiles(root, ['src', 'commands']);
    // The scan really saw the tree: the offline world and the bot are both in it.
    expect(files.some((f) => f.path === 'src/offline/demo/run-demo.ts')).toBe(true);
    expect(files.some((f) => f.path === 'src/main.ts')).toBe(true);
    expect(findBoundaryBreaks(files)).toEqual([]);
  });

  it('rejects a bot file that imports the emulator, and an offline file that imports a test helper', () => {
    const breaks = findBoundaryBreaks([
      { path: 'src/app/start-bot.ts', text: "import { startDiscordEmulator } from '../offline/discord-emulator/index.js';" },
      { path: 'commands/course.ts', text: "const fake = await import('../src/offline/wordpress-fake/index.js');" },
      { path: 'src/offline/demo/run-demo.ts', text: "import { startBotWorld } from '../../../test/support/bot-world.js';" },
      { path: 'src/jobs/tick.ts', text: "export { fixture } from '../../test/support/course-fixture.js';" },
    ]);
    expect(breaks).toEqual([
      { file: 'src/app/start-bot.ts', specifier: '../offline/discord-emulator/index.js', rule: 'only src/offline imports src/offline' },
      { file: 'commands/course.ts', specifier: '../src/offline/wordpress-fake/index.js', rule: 'only src/offline imports src/offline' },
      { file: 'src/offline/demo/run-demo.ts', specifier: '../../../test/support/bot-world.js', rule: 'no src/ file imports test/' },
      { file: 'src/jobs/tick.ts', specifier: '../../test/support/course-fixture.js', rule: 'no src/ file imports test/' },
    ]);
  });

  it('allows the offline world to import itself and the bot, and tests to import the offline world', () => {
    expect(findBoundaryBreaks([
      { path: 'src/offline/offline-world.ts', text: "import { startBot } from '../app/start-bot.js';\nimport { startDiscordEmulator } from './discord-emulator/index.js';" },
      { path: 'test/support/bot-world.ts', text: "import { startOfflineWorld } from '../../src/offline/offline-world.js';" },
      { path: 'src/offline-notes.ts', text: "import { x } from './offline-notes-helper.js';" },
    ])).toEqual([]);
  });

  it('reads static, re-exported, side-effect and dynamic imports', () => {
    const text = "import a from 'a';\nimport type { B } from \"./b.js\";\nexport * from './c.js';\nimport './d.js';\nawait import('./e.js');\nimport {\n  f,\n} from './f.js';";
    expect(importSpecifiers(text)).toEqual(['a', './b.js', './c.js', './d.js', './e.js', './f.js']);
  });
});
