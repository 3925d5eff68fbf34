// The signal handling of a stopping bot, with a recording fake bot: what an operator sees when they
// run `systemctl stop` (one SIGTERM) or lose patience (a second one).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopGracefullyOnSignals } from '../../../src/app/graceful-shutdown.js';
import { silentLogger } from '../../../src/shared/logger.js';

function harness(options: { drainNeverEnds?: boolean; attached?: boolean } = {}) {
  const steps: string[] = [];
  const signals = new EventEmitter();
  let exited: (code: number) => void = () => {};
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  const shutdown = stopGracefullyOnSignals({
    log: silentLogger(),
    drainMs: 60_000,
    exit: (code) => {
      steps.push(`exit ${code}`);
      exited(code);
    },
    signals: signals as unknown as Pick<NodeJS.Process, 'on'>,
  });
  const attach = () =>
    shutdown.attach({
      bot: {
        drain: () => (options.drainNeverEnds ? new Promise<void>(() => steps.push('drain started')) : Promise.resolve(void steps.push('drain'))),
        stop: async () => void steps.push('gateway closed'),
      },
      closeDatabase: async () => void steps.push('database closed'),
      closeHttp: async () => void steps.push('http closed'),
    });
  if (options.attached !== false) attach();
  return { steps, exitCode, attach, send: (signal: NodeJS.Signals) => signals.emit(signal, signal) };
}

describe('stopping the bot with signals', () => {
  it('systemctl stop (SIGTERM) drains first, then closes the HTTP server, the gateway and the database, and exits 0', async () => {
    const { steps, exitCode, send } = harness();
    send('SIGTERM');
    expect(await exitCode).toBe(0);
    expect(steps).toEqual(['drain', 'http closed', 'gateway closed', 'database closed', 'exit 0']);
  });

  it('Ctrl-C (SIGINT) stops the same way', async () => {
    const { steps, exitCode, send } = harness();
    send('SIGINT');
    expect(await exitCode).toBe(0);
    expect(steps.at(-1)).toBe('exit 0');
  });

  it('a second SIGTERM during a long drain exits at once with code 1, closing nothing more', async () => {
    const { steps, exitCode, send } = harness({ drainNeverEnds: true });
    send('SIGTERM');
    send('SIGTERM');
    expect(await exitCode).toBe(1);
    expect(steps).toEqual(['drain started', 'exit 1']);
  });

  it('a SIGTERM during start-up is not lost: the bot stops cleanly as soon as it is up', async () => {
    const { steps, exitCode, send, attach } = harness({ attached: false });
    send('SIGTERM');
    await Promise.resolve();
    expect(steps).toEqual([]);
    attach();
    expect(await exitCode).toBe(0);
    expect(steps).toEqual(['drain', 'http closed', 'gateway closed', 'database closed', 'exit 0']);
  });
});
