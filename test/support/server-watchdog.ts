// A server a test run starts must not outlive the process that started it. A vitest worker that is ended
// (a timeout, a crash, the run interrupted) never runs its 'exit' handlers, and one such run here left 34
// PostgreSQL servers behind. So every such server gets a watchdog: a small detached shell that waits for its
// owner process to disappear, then runs the server's stop command. It needs nothing from the owner to act,
// so it works whatever ends the owner, SIGKILL included.
import { spawn } from 'node:child_process';

export interface WatchdogTarget {
  /** The process whose end ends the server. */
  ownerPid: number;
  /** The server's own folder: the watchdog stops watching when it is gone (stopped normally); removed after the stop. */
  folder?: string;
  /** The stop command line, already quoted for the shell (see shellQuote). */
  stopCommand: string;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function shellQuote(args: readonly string[]): string {
  return args.map(quote).join(' ');
}

/** Starts the watchdog and returns at once; it polls twice a second, so an ended owner is noticed quickly. */
export function startWatchdog(target: WatchdogTarget): void {
  const stillNeeded = target.folder ? ` && [ -d ${quote(target.folder)} ]` : '';
  const script = [
    `while kill -0 ${target.ownerPid} 2>/dev/null${stillNeeded}; do sleep 0.5; done`,
    ...(target.folder ? [`[ -d ${quote(target.folder)} ] || exit 0`] : []),
    `${target.stopCommand} >/dev/null 2>&1`,
    ...(target.folder ? [`rm -rf ${quote(target.folder)}`] : []),
  ].join('\n');
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
}
