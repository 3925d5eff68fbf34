// startWordPressFake(): an in-process wp/v2 server on 127.0.0.1 and a free port. Tests act as
// people through REST personas (the same helpers drive the real WordPress in test/e2e), inject
// faults, move the clock, and read `state` / `requests` to see what the bot did.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolveUser } from './auth.js';
import { FaultInjector, PHP_NOTICE } from './faults.js';
import { isMediaUpload, readUpload, uploadedFile } from './media-routes.js';
import { WpFail, readBody, readBytes, type FakeRequest, type FakeResponse } from './http-util.js';
import { createRestPersona } from './rest-persona.js';
import { route } from './router.js';
import { createState, type FakeSiteOptions } from './state.js';
import type { FakeLogin, RecordedRequest, WordPressFake } from './fake-api.js';

export async function startWordPressFake(opts: FakeSiteOptions & { port?: number } = {}): Promise<WordPressFake> {
  const state = createState(opts);
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let url = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const full = new URL(req.url ?? '/', url);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: full.pathname,
      query: Object.fromEntries(full.searchParams),
      user: null,
      hadAuthorization: !!req.headers.authorization,
      status: 'fault',
    };
    requests.push(record);
    const fault = faults.take(record.method, full.pathname);
    if (fault?.kind === 'hang') return; // the socket stays open until the client gives up or close()
    if (fault?.kind === 'reset') return void req.socket.destroy();
    if (fault?.kind === 'hold') await fault.until;
    const file = record.method === 'GET' ? uploadedFile(state, full) : null;
    if (file) {
      record.status = 200;
      return void res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': String(file.data.length) }).end(file.data);
    }
    let out: FakeResponse;
    try {
      if (fault?.kind === 'status') {
        out = {
          status: fault.status,
          headers: fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {},
          body: { code: 'internal_server_error', message: 'There has been a critical error on this website.', data: { status: fault.status } },
        };
      } else {
        const user = resolveUser(state, req);
        record.user = user?.login ?? null;
        const upload = isMediaUpload(record.method, full.pathname) ? await readUpload(await readBytes(req), req.headers) : null;
        const fr: FakeRequest = {
          method: record.method,
          route: '',
          query: full.searchParams,
          body: upload ? {} : await readBody(req),
          raw: upload?.raw,
          headers: upload?.headers ?? req.headers,
          user,
          siteUrl: url,
          url: full,
        };
        out = route(state, fr);
      }
    } catch (e) {
      if (!(e instanceof WpFail)) throw e;
      out = e.toResponse();
    }
    record.status = out.status;
    const headers: Record<string, string> = { ...out.headers };
    // WordPress announces its API root on every response, before any paging links.
    const apiLink = `<${url}/wp-json/>; rel="https://api.w.org/"`;
    headers.Link = headers.Link ? `${apiLink}, ${headers.Link}` : apiLink;
    if (out.status === 304) {
      res.writeHead(304, headers).end();
      return;
    }
    let text = JSON.stringify(out.body ?? null);
    if (fault?.kind === 'bad_json') text = PHP_NOTICE + text;
    res.writeHead(out.status, { ...headers, 'Content-Type': 'application/json; charset=UTF-8' }).end(text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res
        .writeHead(500, { 'Content-Type': 'application/json; charset=UTF-8' })
        .end(JSON.stringify({ code: 'fake_crash', message: String(e), data: { status: 500 } }));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  const byLogin = (login: string) => {
    const u = state.users.find((x) => x.login === login);
    if (!u) throw new Error(`no fake user ${login}`);
    return u;
  };
  const users = { admin: byLogin('admin'), bot: byLogin('discord-bot'), student1: byLogin('student1'), student2: byLogin('student2') };
  const as = (login: string) => {
    const u = login in users ? users[login as FakeLogin] : byLogin(login);
    return createRestPersona(url, u.login, u.appPassword);
  };
  let down = false;
  const comeUp = async () => {
    if (!down) return;
    down = false;
    await listen(port);
  };

  return {
    get url() {
      return url;
    },
    wpcomApiRoot: url,
    state,
    users,
    faults,
    requests,
    as,
    admin: as('admin'),
    addMedia(sourceUrl) {
      const id = state.nextId.media++;
      state.media.push({ id, sourceUrl });
      return id;
    },
    addTerm(name, taxonomy) {
      const id = state.nextId.term++;
      state.terms.push({ id, name, slug: name.toLowerCase().replace(/\W+/g, '-'), taxonomy });
      return id;
    },
    addPastComments(postId, count, before) {
      const start = Math.floor(before.getTime() / 1000) * 1000 - count * 1000;
      for (let i = 0; i < count; i += 1) {
        const id = state.nextId.comment++;
        state.comments.push({
          id,
          postId,
          parentId: 0,
          userId: 0,
          authorName: `Reader ${i}`,
          authorEmail: `reader${i}@example.test`,
          content: `Past comment ${i}.`,
          dateGmt: new Date(start + i * 1000),
          status: 'approved',
        });
      }
    },
    async goDown(ms) {
      if (!down) await stopListening();
      down = true;
      if (ms !== undefined) setTimeout(() => void comeUp(), ms).unref();
    },
    comeUp,
    async close() {
      if (!down) await stopListening();
      down = true;
    },
  };
}
