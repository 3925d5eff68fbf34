import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, missingForDiscord } from '../../../src/config.js';

const key = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('uses the SQLite default and parses keys by version', () => {
    const config = loadConfig({ COURSETHREADS_SECRET_KEYS: `1:${key},2:${key}` });
    expect(config.databaseUrl).toBe('file:./data/coursethreads.db');
    expect(Object.keys(config.secretKeys)).toEqual(['1', '2']);
    expect(config.logLevel).toBe('info');
  });

  it('lists every bad setting at once, by environment variable, without echoing values', () => {
    const secret = 'x'.repeat(10);
    let error: unknown;
    try {
      loadConfig({ DISCORD_TOKEN: secret, DATABASE_URL: 'mysql://nope', LOG_LEVEL: 'loud', COURSETHREADS_SECRET_KEYS: '1:short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['DISCORD_TOKEN', 'DATABASE_URL', 'LOG_LEVEL', 'COURSETHREADS_SECRET_KEYS']) expect(problems).toContain(name);
    expect((error as ConfigError).message).not.toContain(secret);
  });

  it('says exactly what npm start still needs', () => {
    const missing = missingForDiscord(loadConfig({}));
    expect(missing.map((m) => m.split(':')[0])).toEqual(['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'COURSETHREADS_SECRET_KEYS']);
  });
});
