import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_PER_ORIGIN, createHostLimiter, createPlatformHttp, type PlatformHttpOptions } from '../http';
import { closedPort, redirectTo, type MockServer } from '../test-support/mock-server';
import type { ConnectorInput } from '../types';
import { githubPreset, parseGitHubExpiration, parseGitHubScopes } from './github';
import { useTwoHosts } from '../test-support/two-hosts';

const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}Z9y8X7`;
const FINE = `github_pat_${'11ABCDEFG0'.repeat(8)}xy`;

let api: MockServer;
let other: MockServer;
// The token never reaches the other host, whatever the test did.
useTwoHosts(TOKEN, (a, o) => {
  api = a;
  other = o;
}, { json: { login: 'thief' } });

function input(over: Partial<PlatformHttpOptions> = {}, token = TOKEN): ConnectorInput {
  const http = createPlatformHttp({
    baseUrl: api.url,
    auth: githubPreset.auth,
    token,
    limiter: createHostLimiter(),
    timeoutMs: 2000,
    retryBudgetMs: 0,
    ...over,
  });
  return { token, http };
}

const check = (i: ConnectorInput) => githubPreset.check!(i);
const user = { login: 'octocat', id: 1 };

describe('GitHub preset', () => {
  it('declares the documented facts', () => {
    expect(githubPreset.defaultBaseUrl).toBe('https://api.github.com');
    expect(githubPreset.auth).toEqual({ kind: 'bearer' });
    expect(githubPreset.tokenPageUrl).toBe('https://github.com/settings/tokens');
    expect(githubPreset.tokenPattern?.test(TOKEN)).toBe(true);
    expect(githubPreset.tokenPattern?.test(FINE)).toBe(true);
    expect(githubPreset.tokenPattern?.test('ghp_short')).toBe(false);
    expect(githubPreset.tokenPattern?.test(`x${TOKEN}`)).toBe(false);
    expect(githubPreset.scopeVocabulary).toEqual(expect.arrayContaining(['repo', 'read:org', 'workflow']));
    expect(githubPreset.rotate).toBeUndefined();
    expect(githubPreset.revoke?.needsPassword).toBe(false);
  });

  it('reads the expiration header as the instant it names, keeping its text; and the scopes', () => {
    expect(parseGitHubExpiration('2026-12-01 00:00:00 UTC')).toEqual({ at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01 00:00:00 UTC' });
    expect(parseGitHubExpiration('2026-12-01 23:30:00 -0700')).toEqual({ at: '2026-12-02T06:30:00.000Z', raw: '2026-12-01 23:30:00 -0700' });
    expect(parseGitHubExpiration('2026-12-01 01:00:00 +0900')).toEqual({ at: '2026-11-30T16:00:00.000Z', raw: '2026-12-01 01:00:00 +0900' });
    expect(parseGitHubExpiration('2026-12-01 01:00:00 +0200')).toEqual({ at: '2026-11-30T23:00:00.000Z', raw: '2026-12-01 01:00:00 +0200' });
    expect(parseGitHubExpiration('soon')).toBeUndefined();
    expect(parseGitHubExpiration(undefined)).toBeUndefined();
    expect(parseGitHubScopes('repo, read:org,  workflow')).toEqual(['repo', 'read:org', 'workflow']);
    expect(parseGitHubScopes('')).toEqual([]);
    expect(parseGitHubScopes(undefined)).toBeUndefined();
  });

  it('valid classic token: GET /user with Bearer → active, owner, scopes, expiry instant', async () => {
    api.route('GET', '/user', {
      json: user,
      headers: { 'X-OAuth-Scopes': 'repo, read:org', 'GitHub-Authentication-Token-Expiration': '2026-12-01 00:00:00 UTC' },
    });
    expect(await check(input())).toEqual({
      result: 'active',
      owner: 'octocat',
      scopes: ['repo', 'read:org'],
      expiry: { at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01 00:00:00 UTC' },
    });
    expect(api.requests).toHaveLength(1);
    const r = api.requests[0]!;
    expect([r.method, r.path, r.rawQuery]).toEqual(['GET', '/user', '']);
    expect(r.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(r.headers['accept']).toBe('application/vnd.github+json');
    expect(r.headers['user-agent']).toBeTruthy();
    expect(api.requestsCarrying(TOKEN)).toEqual([r]);
  });

  it('an expiry with a numeric offset is the same instant wherever the user is', async () => {
    api.route('GET', '/user', { json: user, headers: { 'GitHub-Authentication-Token-Expiration': '2027-01-15 09:00:00 +0900' } });
    expect((await check(input({}, FINE))).expiry).toEqual({ at: '2027-01-15T00:00:00.000Z', raw: '2027-01-15 09:00:00 +0900' });
  });

  it('valid fine-grained token: no scopes header → no scopes reported', async () => {
    api.route('GET', '/user', { json: user, headers: { 'GitHub-Authentication-Token-Expiration': '2027-01-15 10:00:00 UTC' } });
    expect(await check(input({}, FINE))).toEqual({ result: 'active', owner: 'octocat', expiry: { at: '2027-01-15T10:00:00.000Z', raw: '2027-01-15 10:00:00 UTC' } });
  });

  it('no expiration header on a 200 → expiry null: the token never expires', async () => {
    api.route('GET', '/user', { json: user, headers: { 'X-OAuth-Scopes': 'repo' } });
    expect(await check(input())).toEqual({ result: 'active', owner: 'octocat', scopes: ['repo'], expiry: null });
  });

  it('an unreadable expiration header claims nothing (not "never")', async () => {
    api.route('GET', '/user', { json: user, headers: { 'GitHub-Authentication-Token-Expiration': 'next Tuesday' } });
    expect(await check(input())).toEqual({ result: 'active', owner: 'octocat' });
  });

  it('invalid: 401 Bad credentials', async () => {
    api.route('GET', '/user', { status: 401, json: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } });
    expect(await check(input())).toEqual({ result: 'invalid', reason: '401 Bad credentials' });
  });

  it('expired: GitHub answers 401 like any dead token → invalid', async () => {
    api.route('GET', '/user', { status: 401, json: { message: 'Bad credentials' } });
    expect((await check(input())).result).toBe('invalid');
  });

  it('403 without a rate limit (e.g. an IP allow list) → unknown: GitHub refused, the token was not judged', async () => {
    api.route('GET', '/user', { status: 403, json: { message: 'Although you appear to have the correct authorization credentials, the org organization has an IP allow list enabled.' } });
    const out = await check(input());
    expect(out.result).toBe('unknown');
    expect(out.reason).toMatch(/^403 Although .*\(GitHub refused the request; the token itself was not judged\)$/);
  });

  it('a platform message quoting the token is scrubbed', async () => {
    api.route('GET', '/user', { status: 401, json: { message: `token ${TOKEN} is bad` } });
    const out = await check(input());
    expect(out.reason).toBe('401 token [token] is bad');
  });

  it('rate-limited (403, remaining 0) beyond the budget → unknown "rate-limited, retry in N s"', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    api.route('GET', '/user', {
      status: 403,
      headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      json: { message: 'API rate limit exceeded for user ID 1.' },
    });
    const out = await check(input({ retryBudgetMs: 1000 }));
    expect(out.result).toBe('unknown');
    expect(out.reason).toMatch(/^rate-limited, retry in 1(19|20|21) s$/);
    expect(api.requests).toHaveLength(1);
  });

  it('primary rate limit answered 429 (remaining 0) → unknown', async () => {
    const reset = Math.floor(Date.now() / 1000) + 30;
    api.route('GET', '/user', { status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, json: { message: 'API rate limit exceeded' } });
    expect(await check(input())).toMatchObject({ result: 'unknown', reason: expect.stringMatching(/^rate-limited, retry in (29|30|31) s$/) });
  });

  it('secondary rate limit (403 + retry-after) beyond the budget → unknown "rate-limited, retry in N s"', async () => {
    api.route('GET', '/user', {
      status: 403,
      headers: { 'retry-after': '120', 'x-ratelimit-remaining': '4999' },
      json: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    expect(await check(input())).toEqual({ result: 'unknown', reason: 'rate-limited, retry in 120 s' });
    expect(api.requests).toHaveLength(1);
  });

  it('secondary rate limit (403) naming no time → unknown, wait "at least one minute" (GitHub\'s advice)', async () => {
    api.route('GET', '/user', {
      status: 403,
      headers: { 'x-ratelimit-remaining': '4999' },
      json: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    expect(await check(input())).toEqual({ result: 'unknown', reason: 'rate-limited, retry in 60 s' });
  });

  it('rate-limited (429 + Retry-After) beyond the budget → unknown, no wait', async () => {
    api.route('GET', '/user', { status: 429, headers: { 'retry-after': '60' }, json: { message: 'secondary rate limit' } });
    const started = Date.now();
    expect(await check(input({ retryBudgetMs: 10_000 }))).toEqual({ result: 'unknown', reason: 'rate-limited, retry in 60 s' });
    expect(Date.now() - started).toBeLessThan(5000); // a wait would last 10 s at least
  });

  it('rate-limited (429 + Retry-After: 1) within the budget → waited and succeeded', async () => {
    let n = 0;
    api.route('GET', '/user', () => (n++ === 0 ? { status: 429, headers: { 'retry-after': '1' }, json: {} } : { json: user }));
    expect(await check(input({ retryBudgetMs: 3000 }))).toEqual({ result: 'active', owner: 'octocat', expiry: null });
    expect(api.requests).toHaveLength(2);
  });

  it('5xx → unknown "server error 503"', async () => {
    api.route('GET', '/user', { status: 503, text: 'unavailable' });
    expect(await check(input())).toEqual({ result: 'unknown', reason: 'server error 503' });
  });

  it('timeout → unknown "timeout"', async () => {
    api.route('GET', '/user', { delayMs: 1000, json: user });
    expect(await check(input({ timeoutMs: 100 }))).toEqual({ result: 'unknown', reason: 'timeout' });
  });

  it.each([
    ['html', { text: '<html>oops</html>' }],
    ['json without login', { json: { id: 1 } }],
    ['json array', { json: [user] }],
  ])('malformed body (%s) → unknown "unexpected response"', async (_n, reply) => {
    api.route('GET', '/user', reply);
    expect(await check(input())).toEqual({ result: 'unknown', reason: 'unexpected response' });
  });

  it('redirect to another host → unknown, the other host gets nothing', async () => {
    api.route('GET', '/user', redirectTo(`${other.url}/user`, 301));
    expect(await check(input())).toEqual({ result: 'unknown', reason: 'redirected to another host (not followed)' });
    expect(other.requests).toHaveLength(0);
  });

  it('offline → unknown "offline", never invalid', async () => {
    const port = await closedPort();
    expect(await check(input({ baseUrl: `http://127.0.0.1:${port}` }))).toEqual({ result: 'unknown', reason: 'offline' });
  });

  it('insecure base URL → unknown, nothing sent', async () => {
    expect(await check(input({ baseUrl: 'http://api.github.com' }))).toEqual({ result: 'unknown', reason: 'insecure URL (https required)' });
  });

  it('20 checks against 50 ms latency keep within the per-host limit', async () => {
    api.route('GET', '/user', { delayMs: 50, json: user });
    const limiter = createHostLimiter();
    const outs = await Promise.all(Array.from({ length: 20 }, () => check(input({ limiter }))));
    expect(outs.every((o) => o.result === 'active')).toBe(true);
    expect(api.requests).toHaveLength(20);
    expect(api.maxInFlight).toBeLessThanOrEqual(DEFAULT_MAX_PER_ORIGIN);
  });

  describe('revoke', () => {
    it('POST /credentials/revoke, unauthenticated, token in the body → 202 revoked', async () => {
      api.route('POST', '/credentials/revoke', { status: 202, json: { message: 'Accepted' } });
      expect(await githubPreset.revoke!.run(input())).toEqual({ revoked: true });
      const r = api.requests[0]!;
      expect([r.method, r.path]).toEqual(['POST', '/credentials/revoke']);
      expect(r.headers['authorization']).toBeUndefined();
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.json).toEqual({ credentials: [TOKEN] });
    });

    it('422 → not revoked with the reason', async () => {
      api.route('POST', '/credentials/revoke', { status: 422, json: { message: 'Validation Failed' } });
      expect(await githubPreset.revoke!.run(input())).toEqual({ revoked: false, reason: '422 Validation Failed' });
    });

    it('rate-limited → not revoked, rate-limited', async () => {
      api.route('POST', '/credentials/revoke', { status: 429, headers: { 'retry-after': '3600' }, json: {} });
      expect(await githubPreset.revoke!.run(input())).toEqual({ revoked: false, reason: 'rate-limited, retry in 3600 s' });
    });

    it('offline → not revoked, offline', async () => {
      const port = await closedPort();
      expect(await githubPreset.revoke!.run(input({ baseUrl: `http://127.0.0.1:${port}` }))).toEqual({ revoked: false, reason: 'offline' });
    });

    it('redirect to another host → not followed: the token in the body goes nowhere else', async () => {
      api.route('POST', '/credentials/revoke', redirectTo(`${other.url}/credentials/revoke`, 307));
      expect(await githubPreset.revoke!.run(input())).toEqual({ revoked: false, reason: 'redirected to another host (not followed)' });
      expect(other.requests).toHaveLength(0);
    });
  });
});
