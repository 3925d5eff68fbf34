import type { Logger } from '../shared/logger.js';
import type { RunningBot } from './start-bot.js';

export interface ShutdownWatch {
  log: Logger;
  /** How long effects under way may take to finish (SHUTDOWN_DRAIN_SECONDS). */
  drainMs: number;
  /** process.exit, replaceable in tests. */
  exit?: (code: number) => void;
  /** Where the signals come from: the process by default. */
  signals?: Pick<NodeJS.Process, 'on'>;
}

export interface StoppableParts {
  bot: Pick<RunningBot, 'drain' | 'stop'>;
  /** Closes the database (closeDb in src/db/client.ts), last. */
  closeDatabase: () => Promise<void>;
  /** The HTTP server's close(), when one runs outside the bot (health, metrics, blog push). */
  closeHttp?: () => Promise<void>;
}

export interface ShutdownOnSignals {
  /** The bot is up: a signal from now on (or one that came during start-up) stops it cleanly. */
  attach(parts: StoppableParts): void;
}

/** Time for the release, the gateway and the database after the drain, before the process gives up on them. */
const closeGraceMs = 10_000;

/**
 * SIGTERM (systemd, a deploy, a container stop) and SIGINT (Ctrl-C) stop the bot cleanly: take no new
 * work, let the effects under way finish (bounded), give the course leases back so another process takes
 * them at once, then close the HTTP server, the gateway and the database, and exit 0. A second signal
 * exits at once (code 1): whoever sends it has decided not to wait, and every effect survives a cut
 * anyway (the outbox retries it, reconciling first).
 *
 * Call this first thing at start-up, before anything logs that it is connected: a signal that arrives
 * before a listener exists kills the process outright (the operating system's default), and an operator
 * (or a deploy script) may well send one the moment the log says "connected". A signal during start-up is
 * remembered and acted on as soon as `attach` hands over the running bot.
 */
export function stopGracefullyOnSignals(watch: ShutdownWatch): ShutdownOnSignals {
  const { log, drainMs } = watch;
  const exit = watch.exit ?? ((code: number) => process.exit(code));
  let parts: StoppableParts | null = null;
  let requested: NodeJS.Signals | null = null;
  let started = false;
  let backstop: NodeJS.Timeout | undefined;

  const stop = (stopping: StoppableParts) => {
    if (started) return;
    started = true;
    void (async () => {
      try {
        await stopping.bot.drain({ drainMs });
        await stopping.closeHttp?.();
        await stopping.bot.stop({ drainMs });
        await stopping.closeDatabase();
        log.info('stopped');
        exit(0);
      } catch (error) {
        log.error({ err: error }, 'shutdown failed');
        exit(1);
      } finally {
        clearTimeout(backstop);
      }
    })();
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (requested) {
      log.warn({ signal }, 'second signal: exiting at once');
      exit(1);
      return;
    }
    requested = signal;
    log.info({ signal, drainMs }, parts ? 'shutting down' : 'shutting down as soon as start-up finishes');
    // Whatever hangs (a start-up that never ends, a database that went away), the process still ends on its own.
    backstop = setTimeout(() => {
      log.error({ drainMs, closeGraceMs }, 'shutdown did not finish in time; exiting anyway');
      exit(1);
    }, drainMs + closeGraceMs);
    backstop.unref();
    if (parts) stop(parts);
  };
  const signals = watch.signals ?? process;
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
  return {
    attach(running) {
      parts = running;
      if (requested) stop(running);
    },
  };
}
