// Notes the moment each new blog comment becomes visible: WordPress answers a comment POST only after
// the comment is stored, so the instant the 2xx answer reaches the bot is when readers can see it.
// Installed by wrapping globalThis.fetch (the bot's WordPress adapter uses it), which costs nothing on
// the wire and puts no extra load on the blog, unlike polling it.

export interface SeenComment {
  at: number;
  status: number;
  body: string;
}

export interface CommentTimer {
  seen: SeenComment[];
  /** Resolves with the time the first comment POST whose body contains `marker` was answered 2xx. */
  visibleAt(marker: string, timeoutMs?: number): Promise<number>;
  uninstall(): void;
}

const isCommentCreate = (url: string, method: string) => method === 'POST' && /\/wp\/v2\/comments\/?(\?|$)/.test(url);

export function installCommentTimer(): CommentTimer {
  const original = globalThis.fetch;
  const seen: SeenComment[] = [];
  const waiters = new Set<() => void>();
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const response = await original(input, init);
    if (isCommentCreate(url, method) && response.ok) {
      seen.push({ at: performance.now(), status: response.status, body: typeof init?.body === 'string' ? init.body : '' });
      for (const wake of waiters) wake();
    }
    return response;
  };
  return {
    seen,
    visibleAt(marker, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = seen.find((s) => s.body.includes(marker));
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit.at);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no blog comment containing ${marker} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    uninstall() {
      globalThis.fetch = original;
    },
  };
}
