/** The pino-style subset the blog adapters log through (pino's Logger satisfies it). */
export interface BlogLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: BlogLogger = { debug() {}, info() {}, warn() {}, error() {} };
