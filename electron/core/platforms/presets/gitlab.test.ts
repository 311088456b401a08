import { describe, expect, it } from 'vitest';
import { createHostLimiter, createPlatformHttp, type PlatformHttpOptions } from '../http';
import { closedPort, redirectTo, type MockReply, type MockServer } from '../test-support/mock-server';
import { HttpFailure, type ConnectorInput } from '../types';
import { gitlabDate, gitlabPreset, rotateGitLabToken, RotateError } from './gitlab';
import { useTwoHosts } from '../test-support/two-hosts';

const TOKEN = 'glpat-AbCdEfGhIjKlMnOpQrSt';
const NEW_TOKEN = 'glpat-NewNewNewNewNewNew1234';
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
    // GitLab's date D: the token stops at 00:00 UTC on D.
    expect(gitlabDate('2026-12-01')).toEqual({ at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01' });
    expect(gitlabDate('2026-12-01T00:00:00Z')).toEqual({ at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01' });
    expect(gitlabDate(null)).toBeNull();
  });

  it('valid: GET /personal_access_tokens/self with PRIVATE-TOKEN → active, scopes, expiry, owner', async () => {
    api.route('GET', SELF, self());
    expect(await check(input())).toEqual({ result: 'active', scopes: ['api', 'read_user'], expiry: { at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01' }, owner: 'user #7' });
    const r = api.requests[0]!;
    expect([r.method, r.path, r.rawQuery]).toEqual(['GET', SELF, '']);
    expect(r.headers['private-token']).toBe(TOKEN);
    expect(r.headers['authorization']).toBeUndefined();
    expect(api.requestsCarrying(TOKEN)).toEqual([r]);
  });

  it('a token without expiry → expiry null (never)', async () => {
    api.route('GET', SELF, self({ expires_at: null }));
    expect((await check(input())).expiry).toBeNull();
  });

  it('revoked: the body says revoked → revoked', async () => {
    api.route('GET', SELF, self({ revoked: true, active: false }));
    expect((await check(input())).result).toBe('revoked');
  });

  it('revoked: 401 invalid_token "Token has been revoked."', async () => {
    api.route('GET', SELF, { status: 401, json: { error: 'invalid_token', error_description: 'Token has been revoked.' } });
    expect(await check(input())).toEqual({ result: 'revoked', reason: '401 Token has been revoked.' });
  });

  it('expired: active false and expires_at past → expired', async () => {
    api.route('GET', SELF, self({ active: false, expires_at: '2025-01-01' }));
    expect(await check(input())).toMatchObject({ result: 'expired', expiry: { at: '2025-01-01T00:00:00.000Z', raw: '2025-01-01' } });
  });

  it('expired: 401 invalid_token "Token has expired."', async () => {
    api.route('GET', SELF, { status: 401, json: { error: 'invalid_token', error_description: 'Token has expired.' } });
    expect(await check(input())).toEqual({ result: 'expired', reason: '401 Token has expired.' });
  });

  it('invalid: 401 Unauthorized', async () => {
    api.route('GET', SELF, { status: 401, json: { message: '401 Unauthorized' } });
    expect(await check(input())).toEqual({ result: 'invalid', reason: '401 Unauthorized' });
  });

  it('invalid: 403 Forbidden', async () => {
    api.route('GET', SELF, { status: 403, json: { message: '403 Forbidden' } });
    expect((await check(input())).result).toBe('invalid');
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

  describe('rotate', () => {
    const ROTATE = `${SELF}/rotate`;

    it('POST …/self/rotate → the new value and its expiry', async () => {
      api.route('POST', ROTATE, { json: { id: 43, name: 'ci token', revoked: false, active: true, token: NEW_TOKEN, expires_at: '2027-05-01' } });
      expect(await gitlabPreset.rotate!.run(input())).toEqual({ newValue: NEW_TOKEN, expiry: { at: '2027-05-01T00:00:00.000Z', raw: '2027-05-01' } });
      const r = api.requests[0]!;
      expect([r.method, r.path, r.headers['private-token'], r.body]).toEqual(['POST', ROTATE, TOKEN, '']);
      expect(gitlabPreset.rotate!.needsPassword).toBe(false);
    });

    it('with an expiry: sends expires_at', async () => {
      api.route('POST', ROTATE, { json: { token: NEW_TOKEN, expires_at: '2026-09-01' } });
      expect(await rotateGitLabToken(input(), { expiresAt: '2026-09-01' })).toEqual({ newValue: NEW_TOKEN, expiry: { at: '2026-09-01T00:00:00.000Z', raw: '2026-09-01' } });
      expect(api.requests[0]?.json).toEqual({ expires_at: '2026-09-01' });
      await expect(rotateGitLabToken(input(), { expiresAt: 'next week' })).rejects.toThrow(RotateError);
    });

    it('403 (scope missing) → throws, no token in the message', async () => {
      api.route('POST', ROTATE, { status: 403, json: { message: '403 Forbidden' } });
      const err = await gitlabPreset.rotate!.run(input()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RotateError);
      expect((err as Error).message).toBe('not rotated: 403 Forbidden');
      expect(String((err as Error).stack)).not.toContain(TOKEN);
    });

    it('malformed answer → throws', async () => {
      api.route('POST', ROTATE, { json: { id: 43 } });
      await expect(gitlabPreset.rotate!.run(input())).rejects.toThrow('not rotated: unexpected response');
    });

    it('offline → HttpFailure offline', async () => {
      const port = await closedPort();
      const err = await gitlabPreset.rotate!.run(input({ baseUrl: `http://127.0.0.1:${port}/api/v4` })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpFailure);
      expect((err as HttpFailure).kind).toBe('offline');
    });
  });
});
