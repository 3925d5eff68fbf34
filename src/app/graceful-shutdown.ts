import type { Logger } from '../shared/logger.js';
import type { RunningBot } from './start-bot.js';

export interface ShutdownParts {
  bot: Pick<RunningBot, 'drain' | 'stop'>;
  db: { $disconnect(): Promise<void> };
  log: Logger;
  /** How long effects under way may take to finish (SHUTDOWN_DRAIN_SECONDS). */
  drainMs: number;
  /** The HTTP server's close(), when one runs (health, metrics, blog push). */
  closeHttp?: () => Promise<void>;
  /** process.exit, replaceable in tests. */
  exit?: (code: number) => void;
  /** Where the signals come from: the process by default. */
  signals?: Pick<NodeJS.Process, 'on'>;
}

/** Time for the release, the gateway and the database after the drain, before the process gives up on them. */
const closeGraceMs = 10_000;

/**
 * SIGTERM (systemd, a deploy, a container stop) and SIGINT (Ctrl-C) stop the bot cleanly: take no new
 * work, let the effects under way finish (bounded), give the course leases back so another process takes
 * them at once, then close the HTTP server, the gateway and the database, and exit 0. A second signal
 * exits at once (code 1): whoever sends it has decided not to wait, and every effect survives a cut
 * anyway (the outbox retries it, reconciling first).
 */
export function exitGracefullyOnSignals(parts: ShutdownParts): void {
  const { bot, db, log, drainMs } = parts;
  const exit = parts.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting at once');
      exit(1);
      return;
    }
    stopping = true;
    log.info({ signal, drainMs }, 'shutting down');
    // Whatever hangs after the drain (a database that went away), the process still ends on its own.
    const backstop = setTimeout(() => {
      log.error({ drainMs, closeGraceMs }, 'shutdown did not finish in time; exiting anyway');
      exit(1);
    }, drainMs + closeGraceMs);
    backstop.unref();
    void (async () => {
      try {
        await bot.drain({ drainMs });
        await parts.closeHttp?.();
        await bot.stop({ drainMs });
        await db.$disconnect();
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
  const signals = parts.signals ?? process;
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
}
