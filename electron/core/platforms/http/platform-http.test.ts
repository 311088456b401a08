import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closedPort, redirectTo, startMockServer, type MockServer } from '../test-support/mock-server';
import { HttpFailure, type AuthScheme, type HttpRequest, type PlatformHttp } from '../types';
import { DEFAULT_MAX_PER_ORIGIN, createHostLimiter } from './host-limiter';
import { createPlatformHttp, type PlatformHttpOptions } from './platform-http';
import { parseRetryAfter, rateLimitWaitMs } from './rate-limit';
import { isLoopbackHost, isSafeRequestPath } from './url-guard';

const TOKEN = 'ghp_SECRETsecretSECRETsecret0123456789';
const BEARER: AuthScheme = { kind: 'bearer' };

let api: MockServer;
let other: MockServer;
/** Every failure message seen in this file: none may contain the token. */
const messages: string[] = [];

beforeEach(async () => {
  api = await startMockServer({ 'GET /ok': { json: { ok: true } } });
  other = await startMockServer({ '* *': { json: { stolen: true } } });
});
afterEach(async () => {
  await api.close();
  await other.close();
});

function http(over: Partial<PlatformHttpOptions> = {}): PlatformHttp {
  return createPlatformHttp({ baseUrl: api.url, auth: BEARER, token: TOKEN, limiter: createHostLimiter(), ...over });
}

/** The HttpFailure a request fails with (recorded for the no-token-in-messages test). */
async function failure(h: PlatformHttp, req: HttpRequest): Promise<HttpFailure> {
  try {
    await h.request(req);
  } catch (e) {
    expect(e).toBeInstanceOf(HttpFailure);
    messages.push((e as Error).message, String((e as Error).stack));
    return e as HttpFailure;
  }
  throw new Error('expected the request to fail');
}

describe('base URL', () => {
  it.each([
    'http://example.com',
    'http://10.0.0.1:8080',
    'http://192.168.1.1',
    'ftp://example.com',
    'file:///etc/passwd',
    'https://user:pw@example.com',
    'https://example.com/api?x=1',
    'https://example.com/#frag',
    'not a url',
    'http://127.0.0.1.example.com',
    'http://localhost.example.com',
  ])('%s → insecure-url before any connection', async (baseUrl) => {
    const fetchImpl = vi.fn<typeof fetch>();
    const f = await failure(createPlatformHttp({ baseUrl, auth: BEARER, token: TOKEN, fetchImpl }), { method: 'GET', path: '/ok' });
    expect(f.kind).toBe('insecure-url');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('allows plain http only to loopback', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', 'localhost', '[::1]', 'LOCALHOST']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['128.0.0.1', '10.0.0.1', 'example.com', '[::2]', '0.0.0.0', 'localhost.evil.com']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('reaches loopback over http with the base path kept', async () => {
    api.route('GET', '/api/v4/ok', { json: { ok: 1 } });
    const res = await http({ baseUrl: `${api.url}/api/v4/` }).request({ method: 'GET', path: '/ok', query: { a: '1 2', b: 'x&y' } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: 1 });
    expect(api.requests[0]?.path).toBe('/api/v4/ok');
    expect(api.requests[0]?.query).toEqual({ a: '1 2', b: 'x&y' });
  });
});

describe('request paths', () => {
  it.each(['ok', '', '//evil.example/x', '/a//b', '/../x', '/a/../../b', '/a/%2e%2e/b', '/a/%2E%2e', '/./x', '/http://evil', '/a?x=1', '/a#f', '/a\\b', '/a\nb', '/a/%2fb', 'https://evil.example/x'])(
    '%j is refused',
    async (path) => {
      expect(isSafeRequestPath(path)).toBe(false);
      const f = await failure(http(), { method: 'GET', path });
      expect(f.kind).toBe('insecure-url');
      expect(api.requests).toHaveLength(0);
      expect(other.requests).toHaveLength(0);
    },
  );

  it('accepts ordinary API paths', () => {
    for (const p of ['/user', '/personal_access_tokens/self', '/programs/my-program', '/1.0/users/authentication/rest/checksign', '/v1/rooms', '/a:b'])
      expect(isSafeRequestPath(p)).toBe(true);
  });
});

describe('auth placement', () => {
  const cases: [AuthScheme, (r: MockServer['requests'][number]) => unknown, unknown][] = [
    [{ kind: 'bearer' }, (r) => r.headers['authorization'], `Bearer ${TOKEN}`],
    [{ kind: 'header', name: 'X-AUTH-TOKEN' }, (r) => r.headers['x-auth-token'], TOKEN],
    [{ kind: 'header', name: 'Authorization', prefix: 'token ' }, (r) => r.headers['authorization'], `token ${TOKEN}`],
    [{ kind: 'basic', username: 'me' }, (r) => r.headers['authorization'], `Basic ${Buffer.from(`me:${TOKEN}`).toString('base64')}`],
    [{ kind: 'query', name: 'session' }, (r) => r.query['session'], TOKEN],
  ];
  it.each(cases)('%j', async (auth, read, expected) => {
    const res = await http({ auth }).request({ method: 'GET', path: '/ok', query: { page: '1' } });
    expect(res.status).toBe(200);
    const r = api.requests[0]!;
    expect(read(r)).toBe(expected);
    expect(r.path).toBe('/ok');
    expect(r.query['page']).toBe('1');
    // Only there: not in other headers, not in the path, not in the body.
    const elsewhere = Object.entries(r.headers).filter(([k, v]) => v.includes(TOKEN) && k !== 'authorization' && k !== 'x-auth-token');
    expect(elsewhere).toEqual([]);
    if (auth.kind !== 'query') expect(r.rawQuery).not.toContain(TOKEN);
    expect(r.body).toBe('');
  });

  it.each(cases.map((c) => c[0]))('authenticated:false sends no token with %j', async (auth) => {
    await http({ auth }).request({ method: 'GET', path: '/ok', authenticated: false });
    expect(api.requests).toHaveLength(1);
    expect(api.requestsCarrying(TOKEN)).toEqual([]);
  });

  it('sends json and form bodies with their content types', async () => {
    api.route('POST', '/j', { status: 201, json: {} });
    const h = http();
    await h.request({ method: 'POST', path: '/j', json: { a: [1] } });
    await h.request({ method: 'POST', path: '/j', form: { a: 'b c', d: '&' } });
    expect(api.requests[0]?.headers['content-type']).toBe('application/json');
    expect(api.requests[0]?.json).toEqual({ a: [1] });
    expect(api.requests[1]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(api.requests[1]?.body).toBe('a=b+c&d=%26');
  });

  it('refuses a token that cannot go in a header, without quoting it', async () => {
    const bad = `${TOKEN}\r\nX-Evil: 1`;
    await expect(http({ token: bad }).request({ method: 'GET', path: '/ok' })).rejects.toThrow(/cannot be sent/);
    try {
      await http({ token: bad }).request({ method: 'GET', path: '/ok' });
    } catch (e) {
      expect(String(e)).not.toContain(TOKEN);
    }
    expect(api.requests).toHaveLength(0);
  });
});

describe('responses', () => {
  it('returns lower-case headers, text and parsed json (undefined when not json)', async () => {
    api.route('GET', '/h', { headers: { 'X-Thing': 'A' }, text: '<html>' });
    const res = await http().request({ method: 'GET', path: '/h' });
    expect(res.headers['x-thing']).toBe('A');
    expect(res.text).toBe('<html>');
    expect(res.json).toBeUndefined();
  });

  it('caps bodies at 1 MiB (declared length)', async () => {
    api.route('GET', '/big', { text: 'x'.repeat(1024 * 1024 + 1) });
    expect((await failure(http(), { method: 'GET', path: '/big' })).kind).toBe('too-large');
  });

  it('caps bodies at 1 MiB (streamed, no length)', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => {
      const chunk = new Uint8Array(256 * 1024);
      let n = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          if (n++ < 8) c.enqueue(chunk);
          else c.close();
        },
      });
      return new Response(stream, { status: 200 });
    });
    expect((await failure(http({ fetchImpl }), { method: 'GET', path: '/ok' })).kind).toBe('too-large');
  });

  it('times out', async () => {
    // Margins wide enough for a loaded CI machine: a missed timeout would take the full 5 s.
    api.route('GET', '/slow', { delayMs: 5000, json: {} });
    const started = Date.now();
    const f = await failure(http({ timeoutMs: 100 }), { method: 'GET', path: '/slow' });
    expect(f.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('connection refused → offline', async () => {
    const port = await closedPort();
    for (const auth of [BEARER, { kind: 'query', name: 'session' } as const]) {
      const f = await failure(http({ baseUrl: `http://127.0.0.1:${port}`, auth }), { method: 'GET', path: '/ok' });
      expect(f.kind).toBe('offline');
    }
  });

  it('DNS failure → offline', async () => {
    const f = await failure(http({ baseUrl: 'https://patvault-test.invalid', timeoutMs: 3000 }), { method: 'GET', path: '/ok' });
    expect(['offline', 'timeout']).toContain(f.kind);
  });

  it('aborts through the instance signal', async () => {
    api.route('GET', '/slow', { delayMs: 1000, json: {} });
    const ac = new AbortController();
    const h = http({ signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await failure(h, { method: 'GET', path: '/slow' })).kind).toBe('aborted');
  });

  // What decides "rotation unconfirmed" (may have arrived) against "not rotated" (never left).
  it('says whether a failed request may have reached the server', async () => {
    api.route('POST', '/slow', { delayMs: 1000, json: {} });
    api.route('POST', '/cut', { hangUp: true });
    const timedOut = await failure(http({ timeoutMs: 100 }), { method: 'POST', path: '/slow', json: {} });
    const cut = await failure(http(), { method: 'POST', path: '/cut', json: {} });
    expect([timedOut.kind, timedOut.mayHaveArrived]).toEqual(['timeout', true]);
    expect([cut.kind, cut.mayHaveArrived]).toEqual(['offline', true]);
    const refused = await failure(http({ baseUrl: `http://127.0.0.1:${await closedPort()}` }), { method: 'POST', path: '/x', json: {} });
    expect([refused.kind, refused.mayHaveArrived]).toEqual(['offline', false]);
    const insecure = await failure(http({ baseUrl: 'http://example.com' }), { method: 'POST', path: '/x', json: {} });
    expect(insecure.mayHaveArrived).toBe(false);
  });
});

describe('redirects', () => {
  it('follows same-origin redirects (max 3) and re-attaches the token', async () => {
    api.route('GET', '/r1', redirectTo('/r2', 301));
    api.route('GET', '/r2', redirectTo(`${api.url}/ok`, 307));
    const res = await http({ auth: { kind: 'query', name: 'session' } }).request({ method: 'GET', path: '/r1' });
    expect(res.status).toBe(200);
    expect(api.requests.map((r) => [r.path, r.query['session']])).toEqual([
      ['/r1', TOKEN],
      ['/r2', TOKEN],
      ['/ok', TOKEN],
    ]);
  });

  it('POST → 303 becomes GET without a body; 307 keeps it', async () => {
    api.route('POST', '/p', redirectTo('/ok', 303));
    api.route('POST', '/q', redirectTo('/q2', 307));
    api.route('POST', '/q2', { json: { fine: true } });
    const h = http();
    await h.request({ method: 'POST', path: '/p', json: { a: 1 } });
    expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/p', '{"a":1}'],
      ['GET', '/ok', ''],
    ]);
    api.reset();
    await h.request({ method: 'POST', path: '/q', json: { a: 1 } });
    expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/q', '{"a":1}'],
      ['POST', '/q2', '{"a":1}'],
    ]);
  });

  it('stops after 3 redirects and returns the last 3xx', async () => {
    api.route('GET', '/loop', redirectTo('/loop'));
    const res = await http().request({ method: 'GET', path: '/loop' });
    expect(res.status).toBe(302);
    expect(api.requests).toHaveLength(4);
  });

  const schemes: AuthScheme[] = [BEARER, { kind: 'query', name: 'session' }, { kind: 'header', name: 'PRIVATE-TOKEN' }, { kind: 'basic', username: 'u' }];
  it.each(schemes)('never follows a redirect to another host (%j)', async (auth) => {
    api.route('GET', '/away', redirectTo(`${other.url}/steal?session=${TOKEN}`));
    api.route('GET', '/away-rel', redirectTo(`//127.0.0.1:${other.port}/steal`, 308));
    api.route('GET', '/away-localhost', redirectTo(`http://localhost:${api.port}/ok`, 307));
    for (const path of ['/away', '/away-rel', '/away-localhost']) {
      const f = await failure(http({ auth }), { method: 'GET', path });
      expect(f.kind).toBe('redirect-to-other-host');
    }
    expect(other.requests).toHaveLength(0);
    expect(other.requestsCarrying(TOKEN)).toHaveLength(0);
  });

  it.each(schemes)("never follows a redirect outside the account's base path on the same host (%j)", async (auth) => {
    // The account's API is at /gitlab/api/v4; the same host also serves another instance.
    const h = http({ auth, baseUrl: `${api.url}/gitlab/api/v4` });
    api.route('GET', '/gitlab/api/v4/user', redirectTo('/gitlab/api/v4/users/me', 301));
    api.route('GET', '/gitlab/api/v4/users/me', { json: { id: 1 } });
    api.route('GET', '/gitlab/api/v4/a', redirectTo('/other-gitlab/api/v4/user', 302));
    api.route('GET', '/gitlab/api/v4/b', redirectTo(`${api.url}/gitlab/api/v4-evil/user`, 307));
    api.route('GET', '/gitlab/api/v4/c', redirectTo('../../admin', 308));
    api.route('GET', '/gitlab/api/v4/d', redirectTo('/gitlab/api/v4/%2e%2e/%2e%2e/admin', 302));
    api.route('GET', '/gitlab/api/v4/e', redirectTo('/gitlab/api/v4', 302));
    // Within the base path: followed, with the token.
    expect((await h.request({ method: 'GET', path: '/user' })).status).toBe(200);
    expect(api.requests.map((r) => r.path)).toEqual(['/gitlab/api/v4/user', '/gitlab/api/v4/users/me']);
    api.reset();
    for (const path of ['/a', '/b', '/c', '/d', '/e']) {
      const f = await failure(h, { method: 'GET', path });
      expect([path, f.kind]).toEqual([path, 'redirect-outside-base']);
      expect(f.message).toMatch(/redirected outside \/gitlab\/api\/v4\/; not followed/);
      expect(f.mayHaveArrived).toBe(false);
    }
    // Only the five first hops reached the server: nothing outside the base path was asked for.
    expect(api.requests.map((r) => r.path)).toEqual(['/a', '/b', '/c', '/d', '/e'].map((p) => `/gitlab/api/v4${p}`));
  });

  it('with the base URL at the origin root, any same-origin path is below it', async () => {
    api.route('GET', '/x', redirectTo('/ok', 302));
    expect((await http().request({ method: 'GET', path: '/x' })).status).toBe(200);
  });

  it('an unauthenticated request carrying the token in its body is not redirected either', async () => {
    api.route('POST', '/credentials/revoke', redirectTo(`${other.url}/credentials/revoke`, 307));
    const f = await failure(http(), { method: 'POST', path: '/credentials/revoke', json: { credentials: [TOKEN] }, authenticated: false });
    expect(f.kind).toBe('redirect-to-other-host');
    expect(other.requests).toHaveLength(0);
  });
});

describe('rate limits', () => {
  it('parses Retry-After and x-ratelimit-reset', () => {
    const now = Date.parse('2026-05-01T09:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 01 May 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Fri, 01 May 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(rateLimitWaitMs({ status: 429, headers: { 'retry-after': '2' } }, now)).toBe(2000);
    expect(rateLimitWaitMs({ status: 429, headers: {} }, now)).toBeNull();
    const reset = String(now / 1000 + 42);
    expect(rateLimitWaitMs({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } }, now)).toBe(42_000);
    expect(rateLimitWaitMs({ status: 403, headers: { 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': reset } }, now)).toBeNull();
    expect(rateLimitWaitMs({ status: 200, headers: { 'retry-after': '2' } }, now)).toBeNull();
  });

  it('waits out a 429 Retry-After within the budget and retries', async () => {
    let n = 0;
    api.route('GET', '/limited', () => (n++ === 0 ? { status: 429, headers: { 'retry-after': '1' }, json: {} } : { json: { ok: true } }));
    const started = Date.now();
    const res = await http({ retryBudgetMs: 2000 }).request({ method: 'GET', path: '/limited' });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(api.requests).toHaveLength(2);
    expect(api.requests.every((r) => r.headers['authorization'] === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('waits out an exhausted x-ratelimit budget (403, remaining 0)', async () => {
    let n = 0;
    api.route('GET', '/limited', () =>
      n++ === 0
        ? { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)) }, json: {} }
        : { json: { ok: true } },
    );
    const res = await http({ retryBudgetMs: 2000 }).request({ method: 'GET', path: '/limited' });
    expect(res.status).toBe(200);
  });

  it('returns the 429 when the wait does not fit the budget', async () => {
    api.route('GET', '/limited', { status: 429, headers: { 'retry-after': '30' }, json: {} });
    const started = Date.now();
    // A wait would last the budget at least (10 s); answering at once takes milliseconds.
    const res = await http({ retryBudgetMs: 10_000 }).request({ method: 'GET', path: '/limited' });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(api.requests).toHaveLength(1);
  });

  it('stops retrying a Retry-After: 0 loop', async () => {
    api.route('GET', '/limited', { status: 429, headers: { 'retry-after': '0' }, json: {} });
    const res = await http().request({ method: 'GET', path: '/limited' });
    expect(res.status).toBe(429);
    expect(api.requests).toHaveLength(4);
  });

  it('enforces a known request budget per origin, across instances (token bucket)', async () => {
    const limiter = createHostLimiter();
    const rateLimit = { requests: 3, perSeconds: 1 };
    const a = http({ limiter, rateLimit });
    const b = http({ limiter, rateLimit });
    const started = Date.now();
    await Promise.all([a, b, a, b, a].map((h) => h.request({ method: 'GET', path: '/ok' })));
    // 3 at once, then one every ~333 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(api.requests).toHaveLength(5);
  });
});

describe('per-host concurrency', () => {
  it(`keeps at most ${DEFAULT_MAX_PER_ORIGIN} requests in flight per origin, shared across instances`, async () => {
    api.route('GET', '/slow', { delayMs: 50, json: {} });
    const limiter = createHostLimiter();
    const hs = [http({ limiter }), http({ limiter }), http({ limiter })];
    const started = Date.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => hs[i % 3]!.request({ method: 'GET', path: '/slow' })));
    expect(api.requests).toHaveLength(20);
    expect(api.maxInFlight).toBeLessThanOrEqual(DEFAULT_MAX_PER_ORIGIN);
    expect(api.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(limiter.stats(new URL(api.url).origin).maxInFlight).toBe(DEFAULT_MAX_PER_ORIGIN);
    const waves = Math.ceil(20 / DEFAULT_MAX_PER_ORIGIN);
    expect(Date.now() - started).toBeGreaterThanOrEqual(waves * 50 - 10); // waves of 50 ms
  });

  it('bounds each origin separately', async () => {
    api.route('GET', '/slow', { delayMs: 50, json: {} });
    other.route('GET', '/slow', { delayMs: 50, json: {} });
    const limiter = createHostLimiter({ maxPerOrigin: 2 });
    const a = http({ limiter });
    const b = http({ limiter, baseUrl: other.url });
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).request({ method: 'GET', path: '/slow' })));
    expect(api.maxInFlight).toBeLessThanOrEqual(2);
    expect(other.maxInFlight).toBeLessThanOrEqual(2);
  });
});

describe('secrecy', () => {
  it('no failure message or stack seen in this file contains the token', () => {
    expect(messages.length).toBeGreaterThan(20);
    for (const m of messages) expect(m).not.toContain(TOKEN);
  });
});
