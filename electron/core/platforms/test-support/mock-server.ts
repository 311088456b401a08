/**
 * A loopback HTTP server for connector tests: a route table `METHOD path → reply`, and a record
 * of every request it received (method, path, query, headers, body) so tests can assert the
 * exact auth placement and that no request carried a token to the wrong host.
 *
 *   const api = await startMockServer({ 'GET /user': { json: { login: 'octo' } } });
 *   const http = createPlatformHttp({ baseUrl: api.url, auth, token, limiter: createHostLimiter() });
 *   …
 *   expect(api.requests[0]?.headers['authorization']).toBe(`Bearer ${token}`);
 *   await api.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. Header names are lower-case. */
export interface MockRequest {
  readonly method: string;
  /** Path without the query string, as sent (not decoded). */
  readonly path: string;
  /** Query parameters (last value wins for repeated names). */
  readonly query: Readonly<Record<string, string>>;
  /** The raw query string without '?', '' when none. */
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The body parsed as JSON when it was JSON, else undefined. */
  readonly json: unknown;
}

/** What a route answers. `json` wins over `text`. */
export interface MockReply {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly text?: string;
  /** Wait this long before answering (latency, timeouts). */
  readonly delayMs?: number;
  /** Cut the connection instead of answering (after reading the request and any delay): a reset mid-exchange. */
  readonly hangUp?: boolean;
}

/** A route's handler: a fixed reply or a function of the request (may be async). */
export type MockHandler = MockReply | ((req: MockRequest) => MockReply | Promise<MockReply>);

/** Routes keyed `"METHOD /path"` (exact path, no query), or `"* *"` / `"GET *"` as fallbacks. */
export type MockRoutes = Readonly<Record<string, MockHandler>>;

/** A running mock server. */
export interface MockServer {
  /** `http://127.0.0.1:<port>` — use as the base URL (append an API prefix if the preset has one). */
  readonly url: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: MockRequest[];
  /** Requests being handled right now, and the most at once since start/reset. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Adds or replaces a route (`route('GET', '/user', reply)`). */
  route(method: string, path: string, handler: MockHandler): void;
  /** Requests that carry `secret` anywhere: path, query, any header, body (also base64 inside Basic). */
  requestsCarrying(secret: string): MockRequest[];
  /** Forgets recorded requests and the in-flight high-water mark. */
  reset(): void;
  /** Stops listening and drops open connections (pending delayed replies are abandoned). */
  close(): Promise<void>;
}

/** A 302/307… reply pointing at `location`. */
export function redirectTo(location: string, status = 302): MockReply {
  return { status, headers: { location } };
}

/** Lower-cased single-valued headers of an incoming request. */
function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Whether `r` carries `secret` anywhere, also inside a Basic header's base64 or percent-encoded in the query. */
export function requestCarries(r: MockRequest, secret: string): boolean {
  if (secret === '') return false;
  const hay = [r.path, r.rawQuery, ...Object.values(r.query), r.body, ...Object.values(r.headers)];
  for (const v of Object.values(r.headers)) {
    const m = /^basic\s+(\S+)$/i.exec(v);
    if (m?.[1]) hay.push(Buffer.from(m[1], 'base64').toString('utf8'));
  }
  try {
    hay.push(decodeURIComponent(r.rawQuery), decodeURIComponent(r.path));
  } catch {
    // not decodable: the raw forms are already searched
  }
  return hay.some((h) => h.includes(secret));
}

function parseJson(body: string): unknown {
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Starts a server on 127.0.0.1 with an ephemeral port. */
export async function startMockServer(routes: MockRoutes = {}): Promise<MockServer> {
  const table = new Map<string, MockHandler>(Object.entries(routes));
  const requests: MockRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;

  const find = (method: string, path: string): MockHandler | undefined =>
    table.get(`${method} ${path}`) ?? table.get(`${method} *`) ?? table.get(`* ${path}`) ?? table.get('* *');

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q >= 0 ? raw.slice(0, q) : raw;
    const rawQuery = q >= 0 ? raw.slice(q + 1) : '';
    const json = parseJson(body);
    const method = req.method ?? 'GET';
    const record: MockRequest = {
      method,
      path,
      query: Object.fromEntries(new URLSearchParams(rawQuery)),
      rawQuery,
      headers: headerRecord(req),
      body,
      json,
    };
    requests.push(record);

    const handler = find(method, path);
    const reply: MockReply = handler === undefined
      ? { status: 404, json: { message: 'Not Found' } }
      : typeof handler === 'function'
        ? await handler(record)
        : handler;
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, reply.delayMs);
        timers.add(t);
      });
    }
    if (res.destroyed) return;
    if (reply.hangUp) {
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    let payload = '';
    if (reply.json !== undefined) {
      payload = JSON.stringify(reply.json);
      headers['content-type'] ??= 'application/json';
    } else if (reply.text !== undefined) {
      payload = reply.text;
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(payload);
  };

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = (): void => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.on('close', finish);
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500);
        res.end();
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    route(method, path, handler) {
      table.set(`${method.toUpperCase()} ${path}`, handler);
    },
    requestsCarrying(secret) {
      return requests.filter((r) => requestCarries(r, secret));
    },
    reset() {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (a server was started there and closed). */
export async function closedPort(): Promise<number> {
  const s = await startMockServer();
  const port = s.port;
  await s.close();
  return port;
}
