/**
 * The platforms' side of the network for renderer tests: the real core's check, revoke and
 * rotate send their requests through the global `fetch`, and this double answers them in
 * process from the answers a test gave (by method and URL), recording each request. A request
 * nobody answers fails the way a refused connection does, so no test ever reaches a real
 * platform. Sockets are not used: under jsdom, Node's fetch refuses jsdom's AbortSignal.
 */

/** A platform's answer. `json` wins over `text`. */
export interface PlatformReply {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly text?: string;
}

/** A request as the platform saw it (header names lower-case). */
export interface SeenRequest {
  readonly method: string;
  /** The URL without its query. */
  readonly url: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A fixed answer, or one computed from the request (may wait). */
export type PlatformAnswer = PlatformReply | ((req: SeenRequest) => PlatformReply | Promise<PlatformReply>);

const refused = (): TypeError => new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });

/** The double; `install` puts its fetch on the global object until the returned restore runs. */
export class PlatformWeb {
  readonly requests: SeenRequest[] = [];
  private readonly answers = new Map<string, PlatformAnswer>();
  private held: { after: number; release: Promise<void> } | null = null;

  /** Answers `METHOD url` (exact URL without query, e.g. `GET https://api.github.com/user`). */
  answer(method: string, url: string, reply: PlatformAnswer): void {
    this.answers.set(`${method.toUpperCase()} ${url}`, reply);
  }

  /**
   * Answers the first `after` requests, then holds every later one until the returned function
   * is called (what a slow platform looks like while a progress bar is shown).
   */
  holdAfter(after: number): () => void {
    let release = (): void => undefined;
    this.held = { after, release: new Promise<void>((ok) => (release = ok)) };
    return () => {
      this.held = null;
      release();
    };
  }

  install(): () => void {
    const original = globalThis.fetch;
    globalThis.fetch = this.fetch as typeof fetch;
    return () => {
      globalThis.fetch = original;
    };
  }

  private readonly fetch = async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const sent: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (sent[k.toLowerCase()] = v));
    const seen: SeenRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      url: `${url.origin}${url.pathname}`,
      query: Object.fromEntries(url.searchParams),
      headers: sent,
      body: typeof init.body === 'string' ? init.body : init.body == null ? '' : String(init.body),
    };
    this.requests.push(seen);
    if (this.held !== null && this.requests.length > this.held.after) await abortable(this.held.release, init.signal);
    const answer = this.answers.get(`${seen.method} ${seen.url}`);
    if (answer === undefined) throw refused();
    const reply = typeof answer === 'function' ? await abortable(Promise.resolve(answer(seen)), init.signal) : answer;
    const status = reply.status ?? 200;
    const body = status === 204 || status === 304 ? null : reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
    const headers: Record<string, string> = reply.json !== undefined ? { 'content-type': 'application/json' } : {};
    return new Response(body, { status, headers: { ...headers, ...reply.headers } });
  };
}

/** Waits for `p`, or rejects when the request's signal fires first (a timeout, a cancel). */
function abortable<T>(p: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((ok, fail) => {
    const onAbort = (): void => fail(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(ok, fail).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
