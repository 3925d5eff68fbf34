// A tiny router over Discord-style templates ("/channels/{channel_id}/messages"), the same
// spelling as discord-api-spec's pathsList, so request-log routes can be compared with the spec.
import type { ResponseSchemaName } from './spec-validation.js';

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface EmuRequest {
  method: string;
  path: string;
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: any; // parsed JSON, checked per route against the spec schema
  files: UploadedFile[];
  headers: Record<string, string | string[] | undefined>;
  /** Body keys the spec schema does not declare; handlers append, the log records. */
  unknownKeys: string[];
}

export interface EmuResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The spec response schema this body should satisfy; mismatches go to the request log. */
  schema?: ResponseSchemaName;
  /** Raw bytes (attachment downloads). */
  raw?: { data: Buffer; contentType: string };
}

export type Handler = (req: EmuRequest) => EmuResponse | Promise<EmuResponse>;

export interface RouteOptions {
  /** Webhook-token and interaction routes are called without the bot token. */
  auth?: boolean;
}

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  keys: string[];
  handler: Handler;
  auth: boolean;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: Handler, options: RouteOptions = {}): void {
    const keys: string[] = [];
    const pattern = template
      .replace(/[.@]/g, (c) => `\\${c}`)
      .replace(/\{(\w+)\}/g, (_m, key: string) => {
        keys.push(key);
        return '([^/]+)';
      });
    this.routes.push({ method, template, regex: new RegExp(`^${pattern}/?$`), keys, handler, auth: options.auth ?? true });
  }

  /** Routes with literal segments win over parameters ("@original" before "{message_id}"). */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const candidates = this.routes.filter((r) => r.method === method).sort((a, b) => a.keys.length - b.keys.length);
    for (const route of candidates) {
      const m = route.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1]!)));
      return { route, params };
    }
    return undefined;
  }

  /** Any method registered for this path (to tell 405 from 404). */
  knowsPath(path: string): boolean {
    return this.routes.some((r) => r.regex.test(path));
  }
}
