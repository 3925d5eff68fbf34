import { ConfigError, loadConfig } from '../../../src/config.js';

/** What the operator is told about these settings: every problem loadConfig reports, one a line ('' when none). */
export function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.join('\n');
    throw e;
  }
  return '';
}
