// A stand-in for the bot's push endpoint: records every request the plugin sends and checks its
// signature the way the bot does (HMAC-SHA256 of "<timestamp>.<raw body>" with the course secret).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPush {
  path: string;
  delivery: string;
  timestamp: number;
  signatureValid: boolean;
  body: { v: number; event: string; id: number; postId?: number; modified: string | null; site: string };
  rawBody: string;
  receivedAt: number;
  answeredAt?: number;
}

export interface Answer {
  status: number;
  body: unknown;
  delayMs?: number;
  headers?: Record<string, string>;
}

export interface PushReceiver {
  url: string;
  port: number;
  pushes: ReceivedPush[];
  /** What the next requests get; change it at any time. */
  answer: Answer;
  close(): Promise<void>;
}

function signatureMatches(secret: string, timestamp: string, raw: Buffer, header: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.`).update(raw).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startPushReceiver(secret: string, port = 0): Promise<PushReceiver> {
  const pushes: ReceivedPush[] = [];
  const receiver = { answer: { status: 202, body: { ok: true, course: 'Writing 101' } } as Answer };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const timestamp = String(req.headers['x-coursethreads-timestamp'] ?? '');
      const push: ReceivedPush = {
        path: req.url ?? '',
        delivery: String(req.headers['x-coursethreads-delivery'] ?? ''),
        timestamp: Number(timestamp),
        signatureValid: signatureMatches(secret, timestamp, raw, String(req.headers['x-coursethreads-signature'] ?? '')),
        body: JSON.parse(raw.toString('utf8')) as ReceivedPush['body'],
        rawBody: raw.toString('utf8'),
        receivedAt: Date.now(),
      };
      pushes.push(push);
      const { status, body, delayMs = 0, headers = {} } = receiver.answer;
      setTimeout(() => {
        push.answeredAt = Date.now();
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    pushes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Waits (polling, no timing assertion) until `pick` finds something, or fails with what was seen. */
export async function eventually<T>(pick: () => T | undefined | Promise<T | undefined>, what: string, limitMs = 20_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const found = await pick();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
