import { describe, expect, it } from 'vitest';
import { createHostLimiter, createPlatformHttp, type PlatformHttpOptions } from '../http';
import { closedPort, redirectTo, type MockServer } from '../test-support/mock-server';
import type { AuthScheme, ConnectorInput, PlatformPreset } from '../types';
import { customPlatformSchema, customPreset, type CustomPlatformInput } from './custom';
import { useTwoHosts } from '../test-support/two-hosts';

const TOKEN = 'cust-0123456789abcdefSECRET';

let api: MockServer;
let other: MockServer;
useTwoHosts(TOKEN, (a, o) => {
  api = a;
  other = o;
});

function def(over: Partial<CustomPlatformInput> = {}): CustomPlatformInput {
  return { name: 'Acme', baseUrl: `${api.url}/api`, auth: { kind: 'header', name: 'X-Api-Key' }, checkPath: '/me', ...over };
}

/** The connector input the app would build for an account of this custom platform. */
function input(preset: PlatformPreset, over: Partial<PlatformHttpOptions> = {}): ConnectorInput {
  const http = createPlatformHttp({
    baseUrl: preset.defaultBaseUrl!,
    auth: preset.auth,
    token: TOKEN,
    limiter: createHostLimiter(),
    timeoutMs: 2000,
    retryBudgetMs: 0,
    ...over,
  });
  return { token: TOKEN, http };
}

describe('customPlatformSchema', () => {
  it('accepts each auth scheme and defaults validStatus to 200', () => {
    const schemes: AuthScheme[] = [
      { kind: 'header', name: 'X-Api-Key', prefix: 'Token ' },
      { kind: 'bearer' },
      { kind: 'basic', username: 'me@example.com' },
      { kind: 'query', name: 'api_key' },
    ];
    for (const auth of schemes) {
      const parsed = customPlatformSchema.parse({ name: 'Acme', baseUrl: 'https://api.acme.example/v2', auth });
      expect(parsed.auth).toEqual(auth);
      expect(parsed.validStatus).toBe(200);
    }
  });

  it.each([
    ['http to a public host', { baseUrl: 'http://api.acme.example' }],
    ['credentials in the URL', { baseUrl: 'https://u:p@api.acme.example' }],
    ['a query in the base URL', { baseUrl: 'https://api.acme.example/?key=1' }],
    ['http token page', { tokenPageUrl: 'http://acme.example/tokens' }],
    ['javascript token page', { tokenPageUrl: 'javascript:alert(1)' }],
    ['check path without /', { checkPath: 'me' }],
    ['check path with ..', { checkPath: '/a/../b' }],
    ['check path with //', { checkPath: '//evil.example/me' }],
    ['check path with a query', { checkPath: '/me?x=1' }],
    ['validStatus not 2xx', { validStatus: 302 }],
    ['empty name', { name: '  ' }],
    ['header name with CRLF', { auth: { kind: 'header', name: 'X-Key\r\nX-Evil' } }],
    ['Host header', { auth: { kind: 'header', name: 'Host' } }],
    ['Cookie header', { auth: { kind: 'header', name: 'cookie' } }],
    ['basic user with colon', { auth: { kind: 'basic', username: 'a:b' } }],
    ['unknown auth kind', { auth: { kind: 'oauth' } }],
    ['extra field', { extra: 1 }],
  ])('rejects %s', (_n, over) => {
    const base = { name: 'Acme', baseUrl: 'https://api.acme.example', auth: { kind: 'bearer' } };
    expect(customPlatformSchema.safeParse({ ...base, ...over }).success).toBe(false);
  });

  it('allows http to loopback (local services, tests)', () => {
    expect(customPlatformSchema.safeParse({ name: 'Local', baseUrl: 'http://127.0.0.1:8080', auth: { kind: 'bearer' } }).success).toBe(true);
  });
});

describe('customPreset', () => {
  it('builds a preset: no pattern, guided revoke, no rotate', () => {
    const p = customPreset(def({ tokenPageUrl: 'https://acme.example/settings/tokens' }));
    expect(p.id).toBe('custom');
    expect(p.name).toBe('Acme');
    expect(p.defaultBaseUrl).toBe(`${api.url}/api`);
    expect(p.tokenPattern).toBeNull();
    expect(p.tokenPageUrl).toBe('https://acme.example/settings/tokens');
    expect(p.revoke).toBeUndefined();
    expect(p.rotate).toBeUndefined();
    expect(typeof p.check).toBe('function');
    expect(customPreset(def({ checkPath: undefined })).check).toBeUndefined();
    expect(() => customPreset(def({ baseUrl: 'http://acme.example' }))).toThrow();
  });

  const placements: [AuthScheme, (r: MockServer['requests'][number]) => string | undefined, string][] = [
    [{ kind: 'header', name: 'X-Api-Key' }, (r) => r.headers['x-api-key'], TOKEN],
    [{ kind: 'header', name: 'Authorization', prefix: 'Token ' }, (r) => r.headers['authorization'], `Token ${TOKEN}`],
    [{ kind: 'bearer' }, (r) => r.headers['authorization'], `Bearer ${TOKEN}`],
    [{ kind: 'basic', username: 'me' }, (r) => r.headers['authorization'], `Basic ${Buffer.from(`me:${TOKEN}`).toString('base64')}`],
    [{ kind: 'query', name: 'api_key' }, (r) => r.query['api_key'], TOKEN],
  ];
  it.each(placements)('valid with %j: GET checkPath, exact placement → active', async (auth, read, expected) => {
    api.route('GET', '/api/me', { json: { ok: true } });
    const p = customPreset(def({ auth }));
    expect(await p.check!(input(p))).toEqual({ result: 'active' });
    const r = api.requests[0]!;
    expect([r.method, r.path]).toEqual(['GET', '/api/me']);
    expect(read(r)).toBe(expected);
    expect(api.requestsCarrying(TOKEN)).toEqual([r]);
  });

  it('a custom valid status (204)', async () => {
    api.route('GET', '/api/me', { status: 204 });
    const p = customPreset(def({ validStatus: 204 }));
    expect(await p.check!(input(p))).toEqual({ result: 'active' });
    api.route('GET', '/api/me', { status: 200, json: {} });
    expect(await p.check!(input(p))).toEqual({ result: 'unknown', reason: 'status 200, expected 204' });
  });

  it.each([401, 403])('invalid: %i', async (status) => {
    api.route('GET', '/api/me', { status, json: { error: 'nope' } });
    const p = customPreset(def());
    expect(await p.check!(input(p))).toEqual({ result: 'invalid', reason: `${status} nope` });
  });

  it('expired/revoked tokens look like 401 on a generic platform → invalid', async () => {
    api.route('GET', '/api/me', { status: 401, text: 'token expired' });
    const p = customPreset(def());
    expect(await p.check!(input(p))).toEqual({ result: 'invalid', reason: '401 Unauthorized' });
  });

  it('rate-limited beyond the budget → unknown', async () => {
    api.route('GET', '/api/me', { status: 429, headers: { 'retry-after': '90' }, text: '' });
    const p = customPreset(def());
    expect(await p.check!(input(p, { retryBudgetMs: 500 }))).toEqual({ result: 'unknown', reason: 'rate-limited, retry in 90 s' });
  });

  it('rate-limited within the budget → waited and succeeded', async () => {
    let n = 0;
    api.route('GET', '/api/me', () => (n++ === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { json: {} }));
    const p = customPreset(def());
    expect(await p.check!(input(p, { retryBudgetMs: 3000 }))).toEqual({ result: 'active' });
  });

  it('5xx → unknown', async () => {
    api.route('GET', '/api/me', { status: 500, text: 'boom' });
    const p = customPreset(def());
    expect(await p.check!(input(p))).toEqual({ result: 'unknown', reason: 'server error 500' });
  });

  it('other statuses → unknown with the status', async () => {
    api.route('GET', '/api/me', { status: 404, json: {} });
    const p = customPreset(def());
    expect(await p.check!(input(p))).toEqual({ result: 'unknown', reason: 'status 404, expected 200' });
  });

  it('malformed body does not matter: the status decides', async () => {
    api.route('GET', '/api/me', { text: '<html>' });
    const p = customPreset(def());
    expect(await p.check!(input(p))).toEqual({ result: 'active' });
  });

  it('timeout → unknown', async () => {
    api.route('GET', '/api/me', { delayMs: 1000, json: {} });
    const p = customPreset(def());
    expect(await p.check!(input(p, { timeoutMs: 100 }))).toEqual({ result: 'unknown', reason: 'timeout' });
  });

  it.each(placements.map((p) => p[0]))('redirect to another host with %j → unknown, nothing sent there', async (auth) => {
    api.route('GET', '/api/me', redirectTo(`${other.url}/login`));
    const p = customPreset(def({ auth }));
    expect(await p.check!(input(p))).toEqual({ result: 'unknown', reason: 'redirected to another host (not followed)' });
    expect(other.requests).toHaveLength(0);
  });

  it('offline → unknown "offline"', async () => {
    const port = await closedPort();
    const p = customPreset(def({ baseUrl: `http://127.0.0.1:${port}` }));
    expect(await p.check!(input(p))).toEqual({ result: 'unknown', reason: 'offline' });
  });
});
