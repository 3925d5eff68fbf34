import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { problems } from './config-problems.js';

describe('the operator’s HTTP server settings (health and metrics)', () => {
  it('by default the server listens on 127.0.0.1:8787, this machine only', () => {
    const config = loadConfig({});
    expect(config.httpHost).toBe('127.0.0.1');
    expect(config.httpPort).toBe(8787);
  });

  it('HTTP_PORT=off runs the bot without the server; a host and port can be chosen', () => {
    expect(loadConfig({ HTTP_PORT: 'off' }).httpPort).toBe('off');
    const config = loadConfig({ HTTP_HOST: '0.0.0.0', HTTP_PORT: '9100' });
    expect(config.httpHost).toBe('0.0.0.0');
    expect(config.httpPort).toBe(9100);
  });

  it('a port that is not a number from 0 to 65535 nor "off" is refused, naming HTTP_PORT and what to write', () => {
    for (const bad of ['http', '70000', '-1', '80.5']) {
      const text = problems({ HTTP_PORT: bad });
      expect(text).toContain('HTTP_PORT');
      expect(text).toContain('off');
    }
  });

  it('a URL in HTTP_HOST is refused, naming HTTP_HOST and an example', () => {
    const text = problems({ HTTP_HOST: 'http://127.0.0.1:8787' });
    expect(text).toContain('HTTP_HOST');
    expect(text).toContain('127.0.0.1');
  });
});
