import pino from 'pino';

export type Logger = pino.Logger;

/**
 * The one logger factory. Secrets never reach it by design (config values are not logged), and the
 * redact paths are a second line of defence for objects that carry credentials or emails.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['password', 'token', 'authorization', '*.password', '*.token', '*.authorization', 'email', '*.email', 'credentials', '*.credentials'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A logger that discards everything, for tests that do not read logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
