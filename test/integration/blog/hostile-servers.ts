// Small HTTP servers on 127.0.0.1 that behave like a hostile or broken blog, or like an internal service
// a blog must not be able to reach through the bot. Each records what it was asked and what it sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';

export interface Hit {
  path: string;
  authorization: string | undefined;
}

export interface TestServer {
  port: number;
  url: string;
  hits: Hit[];
  /** Bytes of body the handler managed to hand to the socket before the client went away. */
  sent: { bytes: number; finished: boolean };
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, sent: TestServer['sent']) => void;

export async function startServer(handler: Handler): Promise<TestServer> {
  const hits: Hit[] = [];
  const sent = { bytes: 0, finished: false };
  const server = createServer((req, res) => {
    hits.push({ path: req.url ?? '', authorization: req.headers.authorization });
    handler(req, res, sent);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    hits,
    sent,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const redirectTo =
  (location: string): Handler =>
  (_req, res) =>
    void res.writeHead(302, { location }).end('moved');

export const answerJson =
  (status: number, body: unknown): Handler =>
  (_req, res) =>
    void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** Writes `total` bytes of `fill` in 64 KiB chunks, only as fast as the client reads (backpressure). */
function pump(res: NodeJS.WritableStream & { destroyed?: boolean }, total: number, fill: number, sent: TestServer['sent']): void {
  const chunk = Buffer.alloc(64 * 1024, fill);
  const more = () => {
    while (sent.bytes < total) {
      if (res.destroyed) return;
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    sent.finished = true;
    res.end();
  };
  more();
}

/** A "JSON" body of `total` spaces, chunked (no Content-Length): a long stream. */
export const longStream =
  (total: number): Handler =>
  (_req, res, sent) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    pump(res, total, 0x20, sent);
  };

/** A gzip bomb made on the fly: a few KiB on the wire that inflate to `inflated` bytes of zeros. */
export const gzipBomb =
  (inflated: number): Handler =>
  (_req, res, sent) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    const gzip = createGzip({ level: 1 });
    gzip.pipe(res);
    res.on('close', () => gzip.destroy());
    pump(gzip, inflated, 0, sent);
  };

/** Announces a 300 MB body, sends a little of it and then nothing more. */
export const hugeContentLength: Handler = (_req, res, sent) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(300 * 1024 * 1024) });
  res.write('[');
  sent.bytes = 1;
};

/** Headers at once, then one byte every 20 ms, forever: a body that never ends. */
export const neverEndingBody: Handler = (_req, res, sent) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const timer = setInterval(() => {
    sent.bytes += 1;
    res.write(' ');
  }, 20);
  res.on('close', () => clearInterval(timer));
};
