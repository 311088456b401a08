/**
 * The HTTP port connectors use: bound to one account's base URL and token (see PlatformHttp in
 * ../types). Built on Node's fetch (undici) with `redirect: 'manual'`.
 *
 * Safety, each tested in platform-http.test.ts:
 *  - https only, plain http only to loopback; no credentials in the base URL; paths stay below it;
 *  - the token is attached per the auth scheme only when `authenticated !== false`;
 *  - redirects that stay below the base URL are followed (max 3) with the token; another
 *    origin → HttpFailure('redirect-to-other-host'), another path on the same origin (outside
 *    the base path: another GitLab on the same host, another tenant) →
 *    HttpFailure('redirect-outside-base'), and nothing is sent there;
 *  - every hop times out; bodies are capped (1 MiB); per-origin concurrency is bounded;
 *  - 429 / exhausted-budget answers are waited out within `retryBudgetMs`, else returned; a
 *    request marked `resend: false` (it carries a password) is never sent twice (jelastic.test.ts);
 *  - a known request budget (`rateLimit`) is enforced before sending;
 *  - no message, failure or thrown error carries the token (or the URL, which may hold it).
 */
import type { AuthScheme, HttpRequest, HttpResponse, PlatformHttp } from '../types';
import { HttpFailure } from '../types';
import { abortableSleep, defaultHostLimiter, type HostLimiter, type RateBudget } from './host-limiter';
import { rateLimitWaitMs } from './rate-limit';
import { applyAuth, buildRequestUrl, isHeaderSafeToken, validateBaseUrl } from './url-guard';

/** Options of createPlatformHttp. */
export interface PlatformHttpOptions {
  /** The account's API base URL (https; http only to loopback). */
  readonly baseUrl: string;
  readonly auth: AuthScheme;
  readonly token: string;
  /** Per request hop, including reading the body (default 10 s). */
  readonly timeoutMs?: number;
  /** The preset's known budget, enforced per origin before sending (token bucket). */
  readonly rateLimit?: RateBudget;
  /** Per-origin concurrency and rate state; defaults to the process-wide `defaultHostLimiter`. */
  readonly limiter?: HostLimiter;
  /** Total time one request may spend waiting out 429 / Retry-After (default 60 s). */
  readonly retryBudgetMs?: number;
  /** Injected fetch (tests); defaults to the global fetch. */
  readonly fetchImpl?: typeof fetch;
  /** Cancels every request of this instance: they fail with HttpFailure('aborted'). */
  readonly signal?: AbortSignal;
  /** Response body cap (default 1 MiB); larger → HttpFailure('too-large'). */
  readonly maxBodyBytes?: number;
}

/** Defaults, exported for tests and docs. */
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY_BUDGET_MS = 60_000;
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_REDIRECTS = 3;
/** Rate-limit retries per request, whatever the budget (a `Retry-After: 0` loop ends). */
export const MAX_RATE_LIMIT_RETRIES = 3;
const USER_AGENT = 'PAT-Vault';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Prepared {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

/**
 * Network error codes that mean the request never left this machine: the connection or the TLS
 * handshake failed before a byte of it was written. Any other failure after fetch started
 * (ECONNRESET, EPIPE, undici's UND_ERR_SOCKET "other side closed", a timeout) may have come
 * after the server read the request.
 */
const NOT_SENT_CODES = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|ENETUNREACH|EHOSTUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT)$|CERT|TLS|SSL/;

/** An undici network error's code (ECONNREFUSED, ENOTFOUND…), if it has a plain one. */
function networkCode(e: unknown): string | null {
  let cur: unknown = e;
  for (let i = 0; i < 4 && typeof cur === 'object' && cur !== null; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

/** The base URL's path without its trailing slash ('' for the origin's root). */
function basePrefix(base: URL): string {
  return base.pathname.replace(/\/+$/, '');
}

/** The base path as a message shows it. */
function basePathOf(base: URL): string {
  return `${basePrefix(base)}/`;
}

/**
 * True when a redirect target stays where requests may go: below the base URL's path, as
 * buildRequestUrl requires of request paths (URL parsing has already resolved any dot segments,
 * also percent-encoded ones, so "/api/../admin" arrives as "/admin").
 */
export function isBelowBase(base: URL, next: URL): boolean {
  return next.origin === base.origin && next.pathname.startsWith(`${basePrefix(base)}/`);
}

/** Creates the HTTP port for one account. Never throws: a bad base URL fails every request instead. */
export function createPlatformHttp(options: PlatformHttpOptions): PlatformHttp {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryBudgetMs = options.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS;
  const limiter = options.limiter ?? defaultHostLimiter;
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const userSignal = options.signal;
  const { auth, token } = options;

  let base: URL | null = null;
  let baseError: HttpFailure | null = null;
  try {
    base = validateBaseUrl(options.baseUrl);
  } catch (e) {
    baseError = e instanceof HttpFailure ? e : new HttpFailure('insecure-url', 'base URL rejected');
  }

  const aborted = (): HttpFailure => new HttpFailure('aborted', 'request aborted');

  /** Reads the body up to the cap. */
  async function readBody(res: Response, origin: string): Promise<string> {
    const declared = Number(res.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > maxBody) {
      await res.body?.cancel().catch(() => undefined);
      throw new HttpFailure('too-large', `response from ${origin} is larger than ${maxBody} bytes`);
    }
    if (!res.body) return '';
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBody) {
        await reader.cancel().catch(() => undefined);
        throw new HttpFailure('too-large', `response from ${origin} is larger than ${maxBody} bytes`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** One hop: fetch with a timeout, read the body (unless it is a redirect we will follow). */
  async function hop(url: URL, p: Prepared, origin: string): Promise<{ res: HttpResponse; location: string | null }> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = userSignal ? AbortSignal.any([timeout, userSignal]) : timeout;
    try {
      const res = await fetchImpl(url, {
        method: p.method,
        headers: p.headers,
        body: p.body,
        redirect: 'manual',
        signal,
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k.toLowerCase()] = v;
      });
      const location = REDIRECT_STATUSES.has(res.status) ? res.headers.get('location') : null;
      if (location !== null) {
        await res.body?.cancel().catch(() => undefined);
        return { res: { status: res.status, headers, json: undefined, text: '' }, location };
      }
      const text = await readBody(res, origin).catch((e: unknown) => {
        // The server answered (and acted): only its body was refused.
        throw e instanceof HttpFailure ? new HttpFailure(e.kind, e.message, true) : e;
      });
      let json: unknown = undefined;
      if (text.trim() !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
      }
      return { res: { status: res.status, headers, json, text }, location: null };
    } catch (e) {
      if (e instanceof HttpFailure) throw e;
      // A cancel or a timeout can strike after the request was written: it may have arrived.
      if (userSignal?.aborted) throw new HttpFailure('aborted', 'request aborted', true);
      if (timeout.aborted) throw new HttpFailure('timeout', `no answer from ${origin} within ${timeoutMs} ms`, true);
      // Never the error's own message: for a query-parameter scheme it could quote the URL.
      const code = networkCode(e);
      throw new HttpFailure('offline', `cannot reach ${origin}${code ? ` (${code})` : ''}`, code === null || !NOT_SENT_CODES.test(code));
    }
  }

  /** Sends, following redirects below the base URL (max 3) with the token; refuses any other origin or path. */
  async function send(base: URL, first: URL, req: HttpRequest, prepared: Prepared): Promise<HttpResponse> {
    const origin = base.origin;
    let url = first;
    let p = prepared;
    for (let redirects = 0; ; redirects++) {
      if (options.rateLimit) await limiter.takeRateToken(origin, options.rateLimit, userSignal);
      const { res, location } = await hop(url, p, origin);
      if (location === null || redirects >= MAX_REDIRECTS) return res;
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return res;
      }
      if (next.origin !== origin) {
        throw new HttpFailure(
          'redirect-to-other-host',
          `${origin} redirected to ${next.origin}; not followed (the token is only sent to ${origin})`,
        );
      }
      if (!isBelowBase(base, next)) {
        throw new HttpFailure(
          'redirect-outside-base',
          `${origin} redirected outside ${basePathOf(base)}; not followed (the token is only sent below the account's base URL)`,
        );
      }
      next.hash = '';
      const headers = { ...p.headers };
      if (req.authenticated !== false) applyAuth(auth, token, next, headers);
      const toGet = res.status === 303 ? p.method !== 'GET' : (res.status === 301 || res.status === 302) && p.method === 'POST';
      if (toGet) {
        delete headers['content-type'];
        p = { method: 'GET', headers, body: undefined };
      } else {
        p = { ...p, headers };
      }
      url = next;
    }
  }

  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      if (baseError || !base) throw baseError ?? new HttpFailure('insecure-url', 'base URL rejected');
      if (userSignal?.aborted) throw aborted();
      const url = buildRequestUrl(base, req.path, req.query);
      const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
      for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
      let body: string | undefined;
      if (req.json !== undefined) {
        body = JSON.stringify(req.json);
        headers['content-type'] = 'application/json';
      } else if (req.form !== undefined) {
        body = new URLSearchParams(req.form).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      if (req.authenticated !== false) {
        if (auth.kind !== 'query' && !isHeaderSafeToken(token)) {
          // Checked here: fetch's own error for a bad header value quotes the value.
          throw new Error('the token contains characters that cannot be sent in an HTTP header');
        }
        applyAuth(auth, token, url, headers);
      }
      const prepared: Prepared = { method: req.method, headers, body };
      const origin = base.origin;
      const b = base;

      let budgetLeft = retryBudgetMs;
      try {
        for (let retries = 0; ; retries++) {
          const res = await limiter.run(origin, () => send(b, url, req, prepared), userSignal);
          const wait = rateLimitWaitMs(res, Date.now());
          if (wait === null || wait > budgetLeft || retries >= MAX_RATE_LIMIT_RETRIES || req.resend === false) return res;
          budgetLeft -= wait;
          await abortableSleep(wait, userSignal);
        }
      } catch (e) {
        if (e instanceof HttpFailure) throw e;
        if (userSignal?.aborted) throw aborted();
        throw new HttpFailure('offline', `request to ${origin} failed`);
      }
    },
  };
}
