import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll } from 'vitest';

// `npm run lint` in CI runs the project's eslint.config.js; the architecture tests run the same config through
// ESLint's Node API on small sources placed (virtually) in the project's folders, so a rule they pin fails CI.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Lints `text` as if it were the file at `filePath` (relative to the project root); returns one rule's messages. */
export type RuleMessages = (filePath: string, text: string) => Promise<string[]>;

/** Call once at the top of a test file: loads the project's ESLint before the tests and hands out one rule's messages. */
export function projectEslint(): { messagesOf(ruleId: string): RuleMessages } {
  let eslint: ESLint;
  beforeAll(async () => {
    // A virtual file is in no TypeScript program: type-aware rules are switched off, the others stay.
    eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }] });
    // The first lint loads the config and its plugins (seconds on a busy machine); the tests then lint only.
    await eslint.lintText('export {};\n', { filePath: path.join(root, 'src/core/warm-up.ts') });
  }, 120_000);

  return {
    messagesOf: (ruleId) => async (filePath, text) => {
      const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) });
      return result!.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
    },
  };
}
