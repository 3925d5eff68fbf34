import { BlogGuardError, formatBytes } from './guard-errors.js';

// A response body is read through a counter: fetch has already decompressed it, so the limit is on what
// the bot would hold in memory, and a small gzip that inflates to gigabytes is cut off at the limit.

function tooLarge(maxBytes: number): BlogGuardError {
  return new BlogGuardError('too_large', `the response is larger than ${formatBytes(maxBytes)} (BLOG_MAX_RESPONSE_BYTES)`);
}

/**
 * The same response with a body that errors (and cancels the download) once more than `maxBytes` arrive.
 * A declared Content-Length over the limit is refused before reading anything.
 */
export async function capResponse(res: Response, maxBytes: number): Promise<Response> {
  if (!res.body) return res;
  const declared = Number(res.headers.get('content-length'));
  const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
  if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  let seen = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      // Erroring the transform cancels the source, which closes the connection: nothing more is read.
      if (seen > maxBytes) controller.error(tooLarge(maxBytes));
      else controller.enqueue(chunk);
    },
  });
  return new Response(res.body.pipeThrough(counter), { status: res.status, statusText: res.statusText, headers: res.headers });
}
