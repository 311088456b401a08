/**
 * Test kit for the seed presets' connector tests (YesWeHack, Brass, Jelastic, iObeya): a
 * loopback mock of the platform, the real HTTP port bound to it, and the cases every connector
 * must get right — rate-limited, server error, timeout, malformed body, offline and a redirect
 * to another host that must receive nothing. Test-only: imported by *.test.ts files.
 */
import { afterEach, expect, test } from 'vitest';
import { createHostLimiter } from '../http/host-limiter';
import { createPlatformHttp } from '../http/platform-http';
import { redirectTo, startMockServer, type MockHandler, type MockRoutes, type MockServer } from '../test-support/mock-server';
import type { CheckOutcome, ConnectorInput, PlatformHttp, PlatformPreset } from '../types';

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Starts a mock server that is closed after the test. */
export async function server(routes: MockRoutes = {}): Promise<MockServer> {
  const s = await startMockServer(routes);
  open.push(s);
  return s;
}

export interface HttpOptions {
  /** Appended to the server's URL (iObeya's `/v1`). */
  readonly basePath?: string;
  readonly timeoutMs?: number;
  readonly retryBudgetMs?: number;
  readonly signal?: AbortSignal;
}

/** The real HTTP port for `preset`, bound to `api` and `token`, with its own limiter (no state shared between tests). */
export function httpFor(preset: PlatformPreset, api: MockServer | string, token: string, o: HttpOptions = {}): PlatformHttp {
  const url = typeof api === 'string' ? api : api.url;
  return createPlatformHttp({
    baseUrl: `${url}${o.basePath ?? ''}`,
    auth: preset.auth,
    token,
    timeoutMs: o.timeoutMs ?? 2_000,
    retryBudgetMs: o.retryBudgetMs ?? 200,
    ...(preset.rateLimit ? { rateLimit: preset.rateLimit } : {}),
    limiter: createHostLimiter(),
    ...(o.signal ? { signal: o.signal } : {}),
  });
}

/** Runs the preset's check against `api`. */
export async function checkWith(
  preset: PlatformPreset,
  api: MockServer | string,
  token: string,
  extra?: ConnectorInput['extra'],
  o?: HttpOptions,
): Promise<CheckOutcome> {
  if (!preset.check) throw new Error(`${preset.id} has no check`);
  return preset.check({ token, http: httpFor(preset, api, token, o), ...(extra ? { extra } : {}) });
}

export interface CommonCases {
  readonly preset: PlatformPreset;
  /** A token the offline part of the check lets through to the network. */
  readonly token: string;
  readonly extra?: ConnectorInput['extra'];
  readonly basePath?: string;
  /** `"GET /path"` the check calls first (full path as the server sees it). */
  readonly route: string;
  /** A 200 body that the check must NOT accept as the platform's answer (beyond plain text). */
  readonly malformedJson?: unknown;
}

/** The network-trouble cases: each must give `unknown` with its reason, never `invalid`. */
export function commonCheckCases(c: CommonCases): void {
  const [method, path] = c.route.split(' ') as [string, string];
  const run = (api: MockServer | string, o: HttpOptions = {}) =>
    checkWith(c.preset, api, c.token, c.extra, { ...(c.basePath ? { basePath: c.basePath } : {}), ...o });
  const only = (reply: MockHandler): MockRoutes => ({ [`${method} ${path}`]: reply });

  test('429 + Retry-After beyond the retry budget → unknown "rate-limited, retry in N s"', async () => {
    const api = await server(only({ status: 429, headers: { 'retry-after': '30' }, json: { message: 'Too Many Attempts.' } }));
    const out = await run(api, { retryBudgetMs: 50 });
    expect(out).toEqual({ ...out, result: 'unknown', reason: 'rate-limited, retry in 30 s' });
    expect(api.requests).toHaveLength(1);
  });

  test('429 with a short Retry-After is waited out within the budget, then the answer counts', async () => {
    const api = await server();
    let n = 0;
    api.route(method, path, () => (n++ === 0 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 503 }));
    const out = await run(api, { retryBudgetMs: 1_000 });
    expect(out.result).toBe('unknown');
    expect(out.reason).toBe('server error 503');
    expect(api.requests).toHaveLength(2);
  });

  test('5xx → unknown "server error N"', async () => {
    const api = await server(only({ status: 502, text: '<html>Bad Gateway</html>' }));
    expect(await run(api)).toMatchObject({ result: 'unknown', reason: 'server error 502' });
  });

  test('timeout → unknown "timeout"', async () => {
    const api = await server(only({ delayMs: 1_000, json: {} }));
    expect(await run(api, { timeoutMs: 150 })).toMatchObject({ result: 'unknown', reason: 'timeout' });
  });

  test('malformed body (200, not the documented JSON) → unknown "unexpected response"', async () => {
    const api = await server(only({ text: '<!doctype html><title>Maintenance</title>' }));
    expect(await run(api)).toMatchObject({ result: 'unknown', reason: 'unexpected response' });
    if (c.malformedJson !== undefined) {
      api.route(method, path, { json: c.malformedJson });
      expect(await run(api)).toMatchObject({ result: 'unknown', reason: 'unexpected response' });
    }
  });

  test('offline (nothing listening) → unknown "offline"', async () => {
    const gone = await startMockServer();
    await gone.close();
    expect(await run(gone.url)).toMatchObject({ result: 'unknown', reason: 'offline' });
  });

  test('redirect to another host → unknown, and the other host receives nothing', async () => {
    const other = await server({ '* *': { json: { result: 0 } } });
    const api = await server(only(redirectTo(`${other.url}${path}`, 307)));
    const out = await run(api);
    expect(out).toMatchObject({ result: 'unknown', reason: 'redirected to another host (not followed)' });
    expect(other.requests).toHaveLength(0);
    expect(other.requestsCarrying(c.token)).toHaveLength(0);
    expect(api.requests).toHaveLength(1);
  });
}
