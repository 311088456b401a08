/**
 * GitHub revoke by which GitHub the account's base URL names: GitHub Enterprise Server revokes
 * through its own AUTHENTICATED `POST /api/v3/credentials/revoke` (GHES 3.18+), an older server
 * (404) leaves a guided revoke on its token page, GHE.com is guided without a request. The
 * github.com path (unauthenticated) is pinned in github.test.ts. A loopback server stands in for
 * the Enterprise host; every fetch the HTTP port makes is recorded, so a request that went
 * anywhere else — api.github.com above all — would show.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostLimiter, createPlatformHttp } from '../http';
import { redirectTo, type MockServer } from '../test-support/mock-server';
import { useTwoHosts } from '../test-support/two-hosts';
import type { ConnectorInput } from '../types';
import { githubPreset } from './github';
import { githubKind } from './github-revoke';

const TOKEN = `ghp_${'E1n2T3e4R5'.repeat(3)}p6R7s8`;

let ghes: MockServer;
let other: MockServer;
useTwoHosts(TOKEN, (a, o) => {
  ghes = a;
  other = o;
});

/** Every URL fetched while a test runs. */
let fetched: string[];
beforeEach(() => {
  fetched = [];
  const real = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((url, init) => {
    fetched.push(String(url));
    return real(url, init);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The connector input of an account whose base URL is `baseUrl` (bound to it, as token-ops binds). */
function account(baseUrl: string): ConnectorInput {
  const http = createPlatformHttp({ baseUrl, auth: githubPreset.auth, token: TOKEN, limiter: createHostLimiter(), timeoutMs: 2000, retryBudgetMs: 60_000 });
  return { token: TOKEN, http, baseUrl };
}
const revoke = (i: ConnectorInput) => githubPreset.revoke!.run(i);
const REVOKE = '/api/v3/credentials/revoke';

describe('GitHub Enterprise Server revoke', () => {
  it('sends the authenticated POST /api/v3/credentials/revoke to the server itself → 202 revoked; nothing goes anywhere else', async () => {
    ghes.route('POST', REVOKE, { status: 202, json: { message: 'Accepted' } });
    expect(await revoke(account(`${ghes.url}/api/v3`))).toEqual({ revoked: true });
    expect(ghes.requests).toHaveLength(1);
    const r = ghes.requests[0]!;
    expect([r.method, r.path]).toEqual(['POST', REVOKE]);
    expect(r.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(r.headers['accept']).toBe('application/vnd.github+json');
    expect(r.json).toEqual({ credentials: [TOKEN] });
    expect(fetched).toEqual([`${ghes.url}${REVOKE}`]);
    expect(fetched.some((u) => u.includes('api.github.com'))).toBe(false);
  });

  it('a server before 3.18 (404): not revoked, and the guided revoke on its token page is offered', async () => {
    expect(await revoke(account(`${ghes.url}/api/v3`))).toEqual({
      revoked: false,
      reason: 'this GitHub Enterprise Server has no credential-revoke API (it came in 3.18): revoke the token on its token page',
      fallback: 'guided',
    });
    expect(ghes.requests).toHaveLength(1);
  });

  it('401 Bad credentials: the server no longer takes the token; the token page is offered to make sure', async () => {
    ghes.route('POST', REVOKE, { status: 401, json: { message: 'Bad credentials' } });
    expect(await revoke(account(`${ghes.url}/api/v3`))).toEqual({
      revoked: false,
      reason: '401 Bad credentials: the server no longer accepts the token; make sure on its token page that it is gone',
      fallback: 'guided',
    });
  });

  it('422 and 5xx: not revoked, with the reason, no fallback (trying again may work)', async () => {
    ghes.route('POST', REVOKE, { status: 422, json: { message: 'Validation Failed' } });
    expect(await revoke(account(`${ghes.url}/api/v3`))).toEqual({ revoked: false, reason: '422 Validation Failed' });
    ghes.route('POST', REVOKE, { status: 500, json: { message: 'oops' } });
    expect(await revoke(account(`${ghes.url}/api/v3`))).toEqual({ revoked: false, reason: 'server error 500' });
  });

  it('rate-limited (60 an hour): reported at once, the request is not sent again', async () => {
    ghes.route('POST', REVOKE, { status: 429, headers: { 'retry-after': '0' }, json: {} });
    expect(await revoke(account(`${ghes.url}/api/v3`))).toEqual({ revoked: false, reason: expect.stringMatching(/^rate-limited/) });
    expect(ghes.requests).toHaveLength(1);
  });

  it('a redirect to another host is not followed: the token goes nowhere else', async () => {
    ghes.route('POST', REVOKE, redirectTo(`${other.url}${REVOKE}`, 307));
    expect(await revoke(account(`${ghes.url}/api/v3`))).toEqual({ revoked: false, reason: 'redirected to another host (not followed)' });
    expect(other.requests).toHaveLength(0);
  });
});

describe('which GitHub a base URL names', () => {
  it('github.com for no base URL and api.github.com; GHE.com for api.<subdomain>.ghe.com; any other host is a server', () => {
    expect(githubKind(undefined)).toBe('github.com');
    expect(githubKind('https://api.github.com')).toBe('github.com');
    expect(githubKind('https://API.GitHub.com/')).toBe('github.com');
    expect(githubKind('https://api.octocorp.ghe.com')).toBe('ghe.com');
    expect(githubKind('https://github.acme.example/api/v3')).toBe('enterprise-server');
    expect(githubKind('https://api.github.com.evil.example')).toBe('enterprise-server');
    expect(githubKind('not a url')).toBe('enterprise-server');
  });

  it('GHE.com: guided, nothing sent (its revoke API is not documented)', async () => {
    expect(await revoke(account('https://api.octocorp.ghe.com'))).toEqual({
      revoked: false,
      reason: 'GHE.com documents no revoke API for personal access tokens: revoke it on its token page',
      fallback: 'guided',
    });
    expect(fetched).toEqual([]);
  });
});
