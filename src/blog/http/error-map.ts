import { BlogError, type BlogErrorKind } from '../blog-source.js';

/** WordPress error body: { code, message, data: { status } }. Anything else is treated as opaque. */
function readWpError(text: string): { code: string | null; message: string | null } {
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    return {
      code: typeof body.code === 'string' ? body.code : null,
      message: typeof body.message === 'string' ? body.message : null,
    };
  } catch {
    return { code: null, message: null };
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

/** Maps a non-2xx response to a BlogError. The message names the request, never its headers. */
export function errorFromResponse(status: number, bodyText: string, what: string): BlogError {
  const { code, message } = readWpError(bodyText);
  const detail = message ? `: ${message.slice(0, 300)}` : '';
  return new BlogError(kindFor(status, code), `${what} -> HTTP ${status}${code ? ` ${code}` : ''}${detail}`, status, code);
}

/** Maps a failure to get any response (timeout, refused connection, reset) to 'unavailable'. */
export function errorFromNetwork(err: unknown, what: string, timedOut: boolean): BlogError {
  if (timedOut) return new BlogError('unavailable', `${what} timed out`, null, 'timeout');
  const e = err as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown };
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.code === 'string' ? e.code : null;
  const reason = code ?? (typeof e?.cause?.message === 'string' ? e.cause.message : String(e?.message ?? err));
  return new BlogError('unavailable', `${what} failed: ${reason}`, null, code ?? 'network');
}
