/** Files larger than this stay links to Discord: a class blog is not a file host. */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;

export type DownloadedAttachment =
  | { kind: 'ok'; data: Uint8Array; contentType: string }
  /** Over the size cap, or gone from Discord (deleted message, expired link): the reply keeps its link. */
  | { kind: 'too_large' | 'gone' };

/**
 * Fetches a Discord attachment into memory, at most `maxBytes`: a declared length over the cap is refused
 * before reading, and the download stops as soon as the cap is passed. A 5xx or network failure throws (the
 * outbox retries it later).
 */
export async function downloadAttachment(url: string, maxBytes = MEDIA_MAX_BYTES, fetchImpl: typeof fetch = fetch): Promise<DownloadedAttachment> {
  const res = await fetchImpl(url, { signal: AbortSignal.timeout(60_000) });
  if (res.status === 404 || res.status === 403 || res.status === 410) return { kind: 'gone' };
  if (!res.ok || !res.body) throw new Error(`downloading a Discord attachment failed: HTTP ${res.status}`);
  const contentType = res.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream';
  if (Number(res.headers.get('content-length')) > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    return { kind: 'too_large' };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) return { kind: 'too_large' }; // leaving the loop cancels the rest of the download
    chunks.push(chunk);
  }
  return { kind: 'ok', data: Buffer.concat(chunks), contentType };
}
