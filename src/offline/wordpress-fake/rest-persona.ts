// A person using the blog through wp/v2 with their application password: publishes, edits,
// comments, moderates. Used against the fake and against the real WordPress alike, so the
// contract tests set the scene the same way on both.

export interface RestResult<T = any> {
  status: number;
  json: T;
  headers: Headers;
}

export interface PostInput {
  title: string;
  content: string;
  excerpt?: string;
  status?: 'publish' | 'draft' | 'pending' | 'private' | 'future';
  /** UTC, 'YYYY-MM-DDTHH:mm:ss'. */
  date_gmt?: string;
  featured_media?: number;
  categories?: number[];
  tags?: number[];
}

export interface RestPersona {
  login: string;
  request<T = any>(method: string, path: string, opts?: { query?: Record<string, string | number>; body?: unknown }): Promise<RestResult<T>>;
  publishPost(input: PostInput): Promise<{ id: number; date: string; date_gmt: string; modified_gmt: string; link: string; status: string }>;
  updatePost(id: number, patch: Partial<PostInput>): Promise<{ id: number; status: string; modified_gmt: string }>;
  unpublishPost(id: number): Promise<void>;
  trashPost(id: number): Promise<void>;
  restorePost(id: number): Promise<void>;
  deletePost(id: number): Promise<void>;
  /** Raw result: tests look at 201 / 400 / 409 themselves. */
  comment(postId: number, content: string, extra?: Record<string, unknown>): Promise<RestResult>;
  moderateComment(id: number, status: 'approved' | 'hold' | 'spam' | 'trash'): Promise<void>;
}

export function createRestPersona(siteUrl: string, login: string, appPassword: string): RestPersona {
  const auth = `Basic ${Buffer.from(`${login}:${appPassword}`).toString('base64')}`;
  async function request(method: string, path: string, opts: { query?: Record<string, string | number>; body?: unknown } = {}) {
    const u = new URL(`${siteUrl.replace(/\/$/, '')}/wp-json/wp/v2/${path}`);
    for (const [k, v] of Object.entries(opts.query ?? {})) u.searchParams.set(k, String(v));
    const res = await fetch(u, {
      method,
      headers: { authorization: auth, ...(opts.body !== undefined && { 'content-type': 'application/json' }) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, json: json as any, headers: res.headers };
  }
  async function ok(method: string, path: string, opts: { query?: Record<string, string | number>; body?: unknown } = {}) {
    const r = await request(method, path, opts);
    if (r.status >= 300) throw new Error(`${login}: ${method} ${path} -> ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
    return r.json;
  }
  return {
    login,
    request,
    publishPost: (input) => ok('POST', 'posts', { body: { status: 'publish', ...input } }),
    updatePost: (id, patch) => ok('POST', `posts/${id}`, { body: patch }),
    unpublishPost: async (id) => void (await ok('POST', `posts/${id}`, { body: { status: 'draft' } })),
    trashPost: async (id) => void (await ok('DELETE', `posts/${id}`)),
    restorePost: async (id) => void (await ok('POST', `posts/${id}`, { body: { status: 'publish' } })),
    deletePost: async (id) => void (await ok('DELETE', `posts/${id}`, { query: { force: 'true' } })),
    comment: (postId, content, extra = {}) => request('POST', 'comments', { body: { post: postId, content, ...extra } }),
    moderateComment: async (id, status) => void (await ok('POST', `comments/${id}`, { body: { status } })),
  };
}
