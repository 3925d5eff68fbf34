import { createHmac, timingSafeEqual } from 'node:crypto';

/** Requests signed more than this far from the bot's clock, either way, are refused (replay window). */
export const MAX_SKEW_SECONDS = 300;

const signaturePattern = /^sha256=([0-9a-f]{64})$/;

/** HMAC-SHA256(secret as UTF-8, "<timestamp>.<raw body>"), lowercase hex: what the plugin sends. */
export function signPush(secret: string, timestamp: string, rawBody: Buffer): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'));
  mac.update(`${timestamp}.`, 'utf8');
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

/** Compared in constant time over the raw bytes received (never a re-serialised body). */
export function signatureMatches(secret: string, timestamp: string, rawBody: Buffer, header: string | undefined): boolean {
  const given = signaturePattern.exec(header ?? '')?.[1];
  if (!given) return false;
  const expected = signPush(secret, timestamp, rawBody).slice('sha256='.length);
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'));
}

/** True when the timestamp header is whole unix seconds within the window around `nowMs`. */
export function timestampFresh(header: string | undefined, nowMs: number): boolean {
  if (!header || !/^\d{1,12}$/.test(header)) return false;
  return Math.abs(Number(header) - nowMs / 1000) <= MAX_SKEW_SECONDS;
}
