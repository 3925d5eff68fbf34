// Refusals of the blog client's own safety limits. They are thrown below the HTTP client (in the DNS
// lookup, the redirect loop, the body stream) and turned into a BlogError by error-map.ts.

export type GuardCode = 'blocked_address' | 'unsupported_scheme' | 'too_many_redirects' | 'too_large';

export class BlogGuardError extends Error {
  constructor(
    readonly code: GuardCode,
    message: string,
  ) {
    super(message);
    this.name = 'BlogGuardError';
  }
}

/** The guard error behind a failure, looking through fetch's `cause` wrapping (a few levels deep). */
export function findGuardError(err: unknown): BlogGuardError | null {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e; depth++) {
    if (e instanceof BlogGuardError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** 1048576 -> '1 MiB': limits are shown the way an operator sets them. */
export function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
