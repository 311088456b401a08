import { describe, expect, it } from 'vitest';
import { createHostLimiter, createPlatformHttp, type PlatformHttpOptions } from '../http';
import { closedPort, redirectTo, type MockReply, type MockServer } from '../test-support/mock-server';
import type { ConnectorInput } from '../types';
import { gitlabExpiresAt } from '../../../../shared/domain/gitlab-dates';
import { gitlabPreset } from './gitlab';
import { useTwoHosts } from '../test-support/two-hosts';

const TOKEN = 'glpat-AbCdEfGhIjKlMnOpQrSt';
const SELF = '/api/v4/personal_access_tokens/self';

let api: MockServer;
let other: MockServer;
useTwoHosts(TOKEN, (a, o) => {
  api = a;
  other = o;
});

/** A self-hosted GitLab on loopback: base URL with the /api/v4 prefix, as an account would store it. */
function input(over: Partial<PlatformHttpOptions> = {}): ConnectorInput {
  const http = createPlatformHttp({
    baseUrl: `${api.url}/api/v4`,
    auth: gitlabPreset.auth,
    token: TOKEN,
    limiter: createHostLimiter(),
    timeoutMs: 2000,
    retryBudgetMs: 0,
    ...over,
  });
  return { token: TOKEN, http };
}
const check = (i: ConnectorInput) => gitlabPreset.check!(i);

function self(over: Record<string, unknown> = {}): MockReply {
  return {
    json: {
      id: 42,
      name: 'ci token',
      revoked: false,
      created_at: '2026-01-01T00:00:00.000Z',
      scopes: ['api', 'read_user'],
      user_id: 7,
      last_used_at: '2026-04-30T10:00:00.000Z',
      active: true,
      expires_at: '2026-12-01',
      ...over,
    },
  };
}

describe('GitLab preset', () => {
  it('declares the documented facts', () => {
    expect(gitlabPreset.defaultBaseUrl).toBe('https://gitlab.com/api/v4');
    expect(gitlabPreset.auth).toEqual({ kind: 'header', name: 'PRIVATE-TOKEN' });
    expect(gitlabPreset.tokenPattern?.test(TOKEN)).toBe(true);
    expect(gitlabPreset.tokenPattern?.test('glpat-short')).toBe(false);
    expect(gitlabPreset.tokenPattern?.test(`ghp_${TOKEN}`)).toBe(false);
    expect(gitlabPreset.tokenPageUrl).toMatch(/^https:\/\/gitlab\.com\//);
    expect(gitlabPreset.scopeVocabulary).toEqual(expect.arrayContaining(['api', 'read_api', 'self_rotate']));
    expect(gitlabPreset.rotate).toMatchObject({ needsPassword: false, takesExpiry: true });
    expect(gitlabPreset.notes.join('\n')).toMatch(/00:00 UTC/);
    // GitLab's date D: the token stops at 00:00 UTC on D; a timestamp form counts by its date.
    expect(gitlabExpiresAt('2026-12-01')).toEqual({ at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01' });
    expect(gitlabExpiresAt('2026-12-01T00:00:00Z')).toEqual({ at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01' });
    expect(gitlabExpiresAt(null)).toBeNull();
  });

  it('valid: GET /personal_access_tokens/self with PRIVATE-TOKEN → active, scopes, owner, the expiry instant and last use', async () => {
    api.route('GET', SELF, self());
    expect(await check(input())).toEqual({
      result: 'active',
      scopes: ['api', 'read_user'],
      // GitLab's date D means "stops at 00:00 UTC on D", not "works through D".
      expiry: { at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01' },
      lastUsedAt: '2026-04-30T10:00:00.000Z',
      owner: 'user #7',
    });
    const r = api.requests[0]!;
    expect([r.method, r.path, r.rawQuery]).toEqual(['GET', SELF, '']);
    expect(r.headers['private-token']).toBe(TOKEN);
    expect(r.headers['authorization']).toBeUndefined();
    expect(api.requestsCarrying(TOKEN)).toEqual([r]);
  });

  it('a token without expiry → expiry null (never); never used → lastUsedAt null', async () => {
    api.route('GET', SELF, self({ expires_at: null, last_used_at: null }));
    expect(await check(input())).toMatchObject({ result: 'active', expiry: null, lastUsedAt: null });
  });

  it('an unreadable expires_at or last_used_at is not claimed', async () => {
    api.route('GET', SELF, self({ expires_at: 'someday', last_used_at: 'recently' }));
    const out = await check(input());
    expect(out.result).toBe('active');
    expect(out).not.toHaveProperty('expiry');
    expect(out).not.toHaveProperty('lastUsedAt');
  });

  it('revoked: the body says revoked → revoked', async () => {
    api.route('GET', SELF, self({ revoked: true, active: false }));
    expect((await check(input())).result).toBe('revoked');
  });

  it('expired: active false and its date has come → expired', async () => {
    api.route('GET', SELF, self({ active: false, expires_at: '2025-01-01' }));
    expect(await check(input())).toMatchObject({ result: 'expired', reason: 'expired 2025-01-01', expiry: { at: '2025-01-01T00:00:00.000Z', raw: '2025-01-01' } });
  });

  // The bodies GitLab's lib/api/api_guard.rb sends through rack-oauth2 (error + error_description).
  it('expired: 401 invalid_token "Token is expired. …" → expired', async () => {
    api.route('GET', SELF, {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="", error="invalid_token", error_description="Token is expired. You can either do re-authorization or token refresh."' },
      json: { error: 'invalid_token', error_description: 'Token is expired. You can either do re-authorization or token refresh.' },
    });
    expect(await check(input())).toEqual({ result: 'expired', reason: '401 Token is expired.' });
  });

  it('revoked: 401 invalid_token "Token was revoked. …" → revoked', async () => {
    api.route('GET', SELF, { status: 401, json: { error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' } });
    expect(await check(input())).toEqual({ result: 'revoked', reason: '401 Token was revoked.' });
  });

  it('a reworded 401 description still reads by its word ("Token has expired." / "Token has been revoked.")', async () => {
    api.route('GET', SELF, { status: 401, json: { error: 'invalid_token', error_description: 'Token has expired.' } });
    expect(await check(input())).toEqual({ result: 'expired', reason: '401 Token has expired.' });
    api.route('GET', SELF, { status: 401, json: { error: 'invalid_token', error_description: 'Token has been revoked.' } });
    expect(await check(input())).toEqual({ result: 'revoked', reason: '401 Token has been revoked.' });
  });

  it('invalid: 401 Unauthorized (an unknown token) → invalid', async () => {
    api.route('GET', SELF, { status: 401, json: { message: '401 Unauthorized' } });
    expect(await check(input())).toEqual({ result: 'invalid', reason: '401 Unauthorized' });
  });

  it('invalid: 401 "Bad Access Token." → invalid, not expired or revoked', async () => {
    api.route('GET', SELF, { status: 401, json: { error: 'invalid_token', error_description: 'Bad Access Token.' } });
    expect(await check(input())).toEqual({ result: 'invalid', reason: '401 Bad Access Token.' });
  });

  it('403 insufficient_scope → active: GitLab checks expiry and revocation before scopes, so the token is valid', async () => {
    api.route('GET', SELF, {
      status: 403,
      json: { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api read_api' },
    });
    expect(await check(input())).toEqual({ result: 'active', reason: 'valid, but lacks the scope this request needs (403 insufficient_scope; needs api read_api)' });
  });

  it.each([
    ['a blocked account', { message: '403 Forbidden - Your account has been blocked.' }],
    ['a ban after failed sign-ins, or a proxy', { message: '403 Forbidden' }],
  ])('403 for %s → unknown, never invalid', async (_n, json) => {
    api.route('GET', SELF, { status: 403, json });
    const out = await check(input());
    expect(out.result).toBe('unknown');
    expect(out.reason).toBe(`${json.message} (GitLab refused the request; the token itself was not judged)`);
  });

  it('404 (no self endpoint: wrong base URL or GitLab before 15.5) → unknown, says what to check', async () => {
    api.route('GET', SELF, { status: 404, json: { message: '404 Not Found' } });
    expect(await check(input())).toEqual({ result: 'unknown', reason: expect.stringMatching(/^404: .*api\/v4.*15\.5/) });
  });

  it('400 (not a personal access token) → unknown with GitLab\'s words', async () => {
    api.route('GET', SELF, { status: 400, json: { message: '400 Bad request - This endpoint requires token type to be a personal access token' } });
    expect(await check(input())).toEqual({
      result: 'unknown',
      reason: 'unexpected status 400: 400 Bad request - This endpoint requires token type to be a personal access token',
    });
  });

  it('rate-limited: 429 + Retry-After beyond the budget → unknown', async () => {
    api.route('GET', SELF, { status: 429, headers: { 'retry-after': '30', 'ratelimit-remaining': '0' }, text: 'Retry later' });
    expect(await check(input({ retryBudgetMs: 500 }))).toEqual({ result: 'unknown', reason: 'rate-limited, retry in 30 s' });
  });

  it('rate-limited: 429 + Retry-After: 1 within the budget → waited and succeeded', async () => {
    let n = 0;
    api.route('GET', SELF, () => (n++ === 0 ? { status: 429, headers: { 'retry-after': '1' }, text: 'Retry later' } : self()));
    expect((await check(input({ retryBudgetMs: 3000 }))).result).toBe('active');
    expect(api.requests.map((r) => r.headers['private-token'])).toEqual([TOKEN, TOKEN]);
  });

  it('5xx → unknown "server error 502"', async () => {
    api.route('GET', SELF, { status: 502, text: 'Bad Gateway' });
    expect(await check(input())).toEqual({ result: 'unknown', reason: 'server error 502' });
  });

  it('timeout → unknown', async () => {
    api.route('GET', SELF, { ...self(), delayMs: 1000 });
    expect(await check(input({ timeoutMs: 100 }))).toEqual({ result: 'unknown', reason: 'timeout' });
  });

  it.each([
    ['html', { text: '<html>sign in</html>' }],
    ['missing fields', { json: { id: 1 } }],
    ['wrong types', { json: { id: 1, revoked: 'no', active: true, scopes: 'api' } }],
  ])('malformed body (%s) → unknown "unexpected response"', async (_n, reply) => {
    api.route('GET', SELF, reply);
    expect(await check(input())).toEqual({ result: 'unknown', reason: 'unexpected response' });
  });

  it('redirect to another host (e.g. a sign-in page) → unknown, nothing sent there', async () => {
    api.route('GET', SELF, redirectTo(`${other.url}/users/sign_in`));
    expect(await check(input())).toEqual({ result: 'unknown', reason: 'redirected to another host (not followed)' });
    expect(other.requests).toHaveLength(0);
  });

  it('same-origin redirect is followed with the token', async () => {
    api.route('GET', SELF, redirectTo(`${api.url}/api/v4/personal_access_tokens/self2`));
    api.route('GET', '/api/v4/personal_access_tokens/self2', self());
    expect((await check(input())).result).toBe('active');
    expect(api.requests.map((r) => r.headers['private-token'])).toEqual([TOKEN, TOKEN]);
  });

  it('offline → unknown "offline", never invalid', async () => {
    const port = await closedPort();
    expect(await check(input({ baseUrl: `http://127.0.0.1:${port}/api/v4` }))).toEqual({ result: 'unknown', reason: 'offline' });
  });

  it('a self-hosted http (non-loopback) base URL is refused', async () => {
    expect(await check(input({ baseUrl: 'http://gitlab.example.com/api/v4' }))).toEqual({
      result: 'unknown',
      reason: 'insecure URL (https required)',
    });
  });

  describe('revoke', () => {
    it('DELETE /personal_access_tokens/self → 204 revoked', async () => {
      api.route('DELETE', SELF, { status: 204 });
      expect(await gitlabPreset.revoke!.run(input())).toEqual({ revoked: true });
      const r = api.requests[0]!;
      expect([r.method, r.path, r.headers['private-token']]).toEqual(['DELETE', SELF, TOKEN]);
    });

    it('401 → not revoked, with the reason', async () => {
      api.route('DELETE', SELF, { status: 401, json: { message: '401 Unauthorized' } });
      expect(await gitlabPreset.revoke!.run(input())).toEqual({ revoked: false, reason: '401 Unauthorized' });
    });

    it('5xx → not revoked', async () => {
      api.route('DELETE', SELF, { status: 500, text: '' });
      expect(await gitlabPreset.revoke!.run(input())).toEqual({ revoked: false, reason: 'server error 500' });
    });
  });
});
