// The REST side: parse (JSON or multipart with payload_json + files[n]), authenticate, apply
// injected faults and buckets, route, answer with Discord's error shapes, and log every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmuContext } from './context.js';
import { DiscordApiError } from './errors.js';
import type { RateLimiter } from './rate-limits.js';
import type { EmuRequest, EmuResponse, Router, UploadedFile } from './router.js';
import { responseIssues } from './spec-validation.js';
import type { RequestLogEntry } from './state.js';

const PREFIX = /^\/api(\/v\d+)?(?=\/)/;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(req: IncomingMessage, raw: Buffer): Promise<{ body: unknown; files: UploadedFile[] }> {
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith('multipart/form-data')) {
    // undici's Request parses multipart the way fetch sends it.
    const form = await new Request('http://emulator.local/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: UploadedFile[] = [];
    let body: unknown = {};
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw new DiscordApiError(400, 50109, 'The request body contains invalid JSON.');
  }
}

function send(res: ServerResponse, r: EmuResponse): void {
  const headers: Record<string, string> = { ...r.headers };
  if (r.raw) {
    res.writeHead(r.status, { ...headers, 'content-type': r.raw.contentType, 'content-length': String(r.raw.data.length) });
    res.end(r.raw.data);
  } else if (r.status === 204 || r.body === undefined) {
    // discord.js parses any application/json body; a 204 must carry no content-type.
    res.writeHead(r.status === 200 ? 204 : r.status, headers);
    res.end();
  } else {
    res.writeHead(r.status, { ...headers, 'content-type': 'application/json' });
    res.end(JSON.stringify(r.body));
  }
}

export function createRequestHandler(ctx: EmuContext, router: Router, limiter: RateLimiter) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(PREFIX, '');
    const matched = router.match(method, path);
    const entry: RequestLogEntry = {
      method,
      path,
      route: matched?.route.template ?? path,
      known: Boolean(matched),
      status: 0,
      body: undefined,
      query: Object.fromEntries(url.searchParams),
      files: [],
      unknownKeys: [],
      responseIssues: [],
      at: Date.now(),
    };
    ctx.state.requests.push(entry);
    let response: EmuResponse;
    try {
      const { body, files } = await parseBody(req, await readBody(req));
      entry.body = body;
      entry.files = files.map((f) => ({ filename: f.filename, size: f.data.length }));
      if (!matched && router.knowsPath(path)) throw new DiscordApiError(405, 0, '405: Method Not Allowed');
      if (!matched) throw new DiscordApiError(404, 0, '404: Not Found');
      if (matched.route.auth && req.headers.authorization !== `Bot ${ctx.config.botToken}`) {
        throw new DiscordApiError(401, 0, '401: Unauthorized');
      }
      const major = matched.params.channel_id ?? matched.params.guild_id ?? matched.params.webhook_id ?? matched.params.interaction_id ?? '';
      const limit = limiter.check(method, path, matched.route.template, major);
      if (limit.reject) {
        response = limit.reject;
      } else {
        const emuReq: EmuRequest = {
          method,
          path,
          route: matched.route.template,
          params: matched.params,
          query: url.searchParams,
          body,
          files,
          headers: req.headers,
          unknownKeys: entry.unknownKeys,
        };
        response = await matched.route.handler(emuReq);
        response.headers = { ...limit.headers, ...response.headers };
      }
    } catch (err) {
      if (err instanceof DiscordApiError) response = { status: err.status, body: err.toBody() };
      else response = { status: 500, body: { message: `emulator bug: ${(err as Error).stack ?? String(err)}`, code: 0 } };
    }
    entry.status = response.status === 200 && response.body === undefined ? 204 : response.status;
    entry.response = response.raw ? '<bytes>' : response.body;
    if (response.schema && response.status < 300) entry.responseIssues = responseIssues(response.schema, response.body);
    send(res, response);
  };
}
