/**
 * A platform's verdict beats the calendar: a token whose stored expiry is still 3 days away,
 * but which its platform rejects, shows what the platform said — through checkToken and a real
 * vault, one case per platform (its documented rejection); and a platform that cannot be
 * reached (unknown) never turns it red.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import { useFreshVault } from '../test-support/temp-vault';
import type { Vault } from '../vault/vault';
import { createHostLimiter } from './http';
import { startMockServer, type MockReply, type MockServer } from './test-support/mock-server';
import { checkToken } from './token-ops';

let vault: Vault;
let api: MockServer;
useFreshVault((v) => {
  vault = v;
});
beforeEach(async () => {
  api = await startMockServer();
});
afterEach(async () => {
  await api.close();
});

const opts = () => ({ limiter: createHostLimiter(), timeoutMs: 2000, retryBudgetMs: 0 });

/** Three days from now, as a day the user typed. */
function inThreeDays(): string {
  return new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
}

const cases: { platform: PlatformId; token: string; base: string; route: string; reply: MockReply; status: string; programSlug?: string }[] = [
  {
    platform: 'gitlab',
    token: 'glpat-' + 'C'.repeat(20),
    base: '/api/v4',
    route: 'GET /api/v4/personal_access_tokens/self',
    reply: { status: 401, json: { error: 'invalid_token', error_description: 'Token is expired. You can either do re-authorization or token refresh.' } },
    status: 'expired',
  },
  { platform: 'github', token: 'ghp_' + 'A'.repeat(36), base: '', route: 'GET /user', reply: { status: 401, json: { message: 'Bad credentials' } }, status: 'invalid' },
  {
    platform: 'yeswehack',
    token: 'ywh-' + 'Y'.repeat(30),
    base: '',
    route: 'GET /programs/acme',
    reply: { status: 401, json: { message: 'Token expired' } },
    status: 'expired',
    programSlug: 'acme',
  },
  { platform: 'brass', token: '12|pat-' + 'D'.repeat(40), base: '', route: 'GET /banking/accounts', reply: { status: 401, json: { message: 'Unauthenticated.' } }, status: 'invalid' },
];

describe('a platform verdict on a token whose date is 3 days away', () => {
  it.each(cases)('$platform: the platform’s rejection wins → $status', async (c) => {
    const [method, path] = c.route.split(' ') as [string, string];
    api.route(method, path, c.reply);
    const id = vault.tokens.add({ platform: c.platform, account: 'a', name: c.platform, token: c.token, baseUrl: `${api.url}${c.base}`, expiresAt: inThreeDays(), ...(c.programSlug ? { programSlug: c.programSlug } : {}) }).id;
    expect(vault.tokens.get(id).status).toBe('expiring');
    expect((await checkToken(vault, id, undefined, opts())).status).toBe(c.status);
  });

  it.each(cases)('$platform: unreachable (503) is unknown and leaves the calendar in charge', async (c) => {
    const [method, path] = c.route.split(' ') as [string, string];
    api.route(method, path, { status: 503, text: 'down' });
    const id = vault.tokens.add({ platform: c.platform, account: 'a', name: c.platform, token: c.token, baseUrl: `${api.url}${c.base}`, expiresAt: inThreeDays(), ...(c.programSlug ? { programSlug: c.programSlug } : {}) }).id;
    const view = await checkToken(vault, id, undefined, opts());
    expect(view.lastCheck?.result).toBe('unknown');
    expect(view.status).toBe('expiring');
  });
});

/**
 * A 403 is read as each platform documents it (see each preset's header): through checkToken
 * and a real vault, so what the user would see — the status and the stored reason.
 */
const forbidden: { name: string; platform: PlatformId; token: string; base: string; route: string; reply: MockReply; result: string; status: string; reason: RegExp; programSlug?: string }[] = [
  {
    name: 'YesWeHack 403 (a mistyped or out-of-scope program slug) is not invalid',
    platform: 'yeswehack',
    token: 'ywh-' + 'Y'.repeat(30),
    base: '',
    route: 'GET /programs/acme',
    reply: { status: 403, json: { code: 403, message: 'Access Denied.' } },
    result: 'unknown',
    status: 'unknown',
    reason: /program acme refused .*the token itself was not judged/,
    programSlug: 'acme',
  },
  {
    name: 'Brass 403 from a firewall is not active',
    platform: 'brass',
    token: '12|pat-' + 'D'.repeat(40),
    base: '',
    route: 'GET /banking/accounts',
    reply: { status: 403, text: '<html><title>403 Forbidden</title>Access denied from your country</html>' },
    result: 'unknown',
    status: 'unknown',
    reason: /the token itself was not judged/,
  },
  {
    name: 'GitHub rate-limit 403 (x-ratelimit-remaining: 0) is unknown',
    platform: 'github',
    token: 'ghp_' + 'A'.repeat(36),
    base: '',
    route: 'GET /user',
    reply: { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) }, json: { message: 'API rate limit exceeded for user ID 1.' } },
    result: 'unknown',
    status: 'unknown',
    reason: /^rate-limited/,
  },
  {
    name: 'GitLab 403 insufficient_scope: the token authenticated, so it is active (with why)',
    platform: 'gitlab',
    token: 'glpat-' + 'C'.repeat(20),
    base: '/api/v4',
    route: 'GET /api/v4/personal_access_tokens/self',
    reply: { status: 403, json: { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api read_api' } },
    result: 'active',
    status: 'active',
    reason: /^valid, but lacks the scope this request needs .*needs api read_api/,
  },
  {
    name: 'GitLab other 403 (a blocked account, a ban by address) is unknown',
    platform: 'gitlab',
    token: 'glpat-' + 'C'.repeat(20),
    base: '/api/v4',
    route: 'GET /api/v4/personal_access_tokens/self',
    reply: { status: 403, json: { message: '403 Forbidden' } },
    result: 'unknown',
    status: 'unknown',
    reason: /GitLab refused the request; the token itself was not judged/,
  },
];

describe('a 403, read as each platform documents it', () => {
  it.each(forbidden)('$name', async (c) => {
    const [method, path] = c.route.split(' ') as [string, string];
    api.route(method, path, c.reply);
    const id = vault.tokens.add({ platform: c.platform, account: 'a', name: c.platform, token: c.token, baseUrl: `${api.url}${c.base}`, ...(c.programSlug ? { programSlug: c.programSlug } : {}) }).id;
    const view = await checkToken(vault, id, undefined, opts());
    expect(view.lastCheck).toMatchObject({ result: c.result, reason: expect.stringMatching(c.reason) });
    expect(view.status).toBe(c.status);
    expect(JSON.stringify(view)).not.toContain(c.token);
  });
});
