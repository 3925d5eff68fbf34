import type { BlogRequestOutcome } from '../../shared/metrics.js';
import type { BlogError } from '../../ports/blog-source.js';

/** How one attempt ended, for the blog request counter: null error = an answer the adapter can read. */
export function requestOutcome(error: BlogError | null): BlogRequestOutcome {
  if (!error) return 'ok';
  if (error.status === 429) return 'rate_limited';
  if (error.status !== null) return error.status >= 500 ? 'server_error' : 'client_error';
  if (error.code === 'timeout') return 'timeout';
  if (error.code?.startsWith('invalid_')) return 'invalid_response';
  return 'network';
}
