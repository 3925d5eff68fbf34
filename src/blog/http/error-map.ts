import { BlogError, type BlogErrorKind } from '../../ports/blog-source.js';
import { findGuardError } from './guard-errors.js';

/** WordPress error body: { code, message, data: { status } }. Anything else is treated as opaque. */
// Only the code is kept, and only when it looks like a WordPress identifier (rest_forbidden,
// comment_duplicate): the message and anything else in the body are the remote server's words, which must
// never reach staff, the logs or the database (an internal service's error page is an information leak).
function readWpErrorCode(text: string): string | null {
  try {
    const body = JSON.parse(text) as { code?: unknown };
    return typeof body.code === 'string' && /^[a-z][a-z0-9_]{0,63}$/i.test(body.code) ? body.code : null;
  } catch {
    return null;
  }
}

function kindFor(status: number, code: string | null): BlogErrorKind {
  if (code === 'comment_duplicate' || status === 409) return 'duplicate';
  if (code === 'comment_flood') return 'flood';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 408 || status === 429 || status >= 500) return 'unavailable';
  return 'rejected';
}

/** Maps a non-2xx response to a BlogError. The message names the request and status, never headers or body text. */
export function errorFromResponse(status: number, bodyText: string, what: string): BlogError {
  const code = readWpErrorCode(bodyText);
  return new BlogError(kindFor(status, code), `${what} -> HTTP ${status}${code ? ` ${code}` : ''}`, status, code);
}

/** Maps a failure to get any response (timeout, refused connection, reset) to 'unavailable'. */
export function errorFromNetwork(err: unknown, what: string, timedOut: boolean): BlogError {
  // The client's own limits: a refused address is the URL's fault (not retried by the outbox as an
  // outage); an oversized answer or a redirect loop is this blog's failure, retried on a later poll.
  const guard = findGuardError(err);
  if (guard)
    return new BlogError(
      guard.code === 'blocked_address' || guard.code === 'unsupported_scheme' ? 'rejected' : 'unavailable',
      `${what}: ${guard.message}`,
      null,
      guard.code,
    );
  if (timedOut) return new BlogError('unavailable', `${what} timed out`, null, 'timeout');
  const e = err as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown };
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.code === 'string' ? e.code : null;
  const reason = code ?? (typeof e?.cause?.message === 'string' ? e.cause.message : String(e?.message ?? err));
  return new BlogError('unavailable', `${what} failed: ${reason}`, null, code ?? 'network');
}
