/**
 * Platform operations end to end through the vault: real vault file, real crypto, the real
 * HTTP port, loopback servers standing in for the platforms (accounts point their base URL
 * at them). Each server must only ever see its own account's token.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { createTestVault, tempDir } from '../test-support/temp-vault';
import type { Vault } from '../vault/vault';
import { createHostLimiter } from './http';
import { closedPort, startMockServer, type MockServer } from './test-support/mock-server';
import { rotateToken } from './rotate-token';
import { checkToken, checkTokens, revokeToken } from './token-ops';

const GH = 'ghp_' + 'A'.repeat(36);
const GH2 = 'ghp_' + 'B'.repeat(36);
const GL = 'glpat-' + 'C'.repeat(20);
const BRASS = '12|pat-' + 'D'.repeat(40);
const JEL = 'e'.repeat(40);

let dir: string;
let cleanup: () => void;
let vault: Vault;
let github: MockServer;
let gitlab: MockServer;
const opts = () => ({ limiter: createHostLimiter(), timeoutMs: 2000, retryBudgetMs: 0 });

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  vault = await createTestVault(dir);
  github = await startMockServer();
  gitlab = await startMockServer();
});
afterEach(async () => {
  // The token of one account never reached another account's server.
  for (const t of [GL, BRASS, JEL]) expect(github.requestsCarrying(t)).toEqual([]);
  for (const t of [GH, GH2, BRASS, JEL]) expect(gitlab.requestsCarrying(t)).toEqual([]);
  vault.close();
  await github.close();
  await gitlab.close();
  cleanup();
});

function add(platform: string, token: string, baseUrl: string | null, name = platform): string {
  return vault.tokens.add({ platform, account: `${platform}-acct`, name, token, baseUrl }).id;
}

describe('check', () => {
  it('stores what the platform says (owner, scopes, expiry) and audits it', async () => {
    github.route('GET', '/user', {
      json: { login: 'octocat' },
      headers: { 'x-oauth-scopes': 'repo, read:org', 'github-authentication-token-expiration': '2027-01-31 00:00:00 UTC' },
    });
    const id = add('github', GH, github.url);
    const view = await checkToken(vault, id, undefined, opts());
    // The header is an instant: it stops at 2027-01-31 00:00 UTC, so Jan 30 is its last day (UTC here).
    expect(view).toMatchObject({ status: 'active', scopes: ['repo', 'read:org'], expiresAt: '2027-01-30', expiry: '2027-01-31T00:00:00.000Z', expiryRaw: '2027-01-31 00:00:00 UTC' });
    expect(view.lastCheck).toMatchObject({ result: 'active', owner: 'octocat' });
    expect(github.requests[0]?.headers['authorization']).toBe(`Bearer ${GH}`);
    expect(vault.audit.log().filter((e) => e.action === 'check')).toHaveLength(1);
  });

  it('401 is invalid; offline is unknown (offline), never invalid', async () => {
    github.route('GET', '/user', { status: 401, json: { message: 'Bad credentials' } });
    const bad = add('github', GH, github.url, 'bad');
    expect((await checkToken(vault, bad, undefined, opts())).status).toBe('invalid');
    const off = add('github', GH2, `http://127.0.0.1:${await closedPort()}`, 'off');
    const view = await checkToken(vault, off, undefined, opts());
    expect(view.status).toBe('unknown');
    expect(view.lastCheck?.reason).toMatch(/offline/);
  });

  it('a platform whose API base depends on the hoster needs the account base URL; nothing is sent', async () => {
    const id = add('jelastic', JEL, null);
    const view = await checkToken(vault, id, undefined, opts());
    expect(view.lastCheck).toMatchObject({ result: 'unknown', reason: expect.stringMatching(/base URL/) });
  });

  it('check-all: every token, progress after each, per-host limits respected', async () => {
    github.route('GET', '/user', { delayMs: 30, json: { login: 'o' }, headers: { 'x-oauth-scopes': '' } });
    gitlab.route('GET', '/api/v4/personal_access_tokens/self', {
      delayMs: 30,
      json: { id: 1, name: 'n', revoked: false, active: true, scopes: ['api'], user_id: 9, expires_at: '2027-05-01' },
    });
    const ids = [
      ...Array.from({ length: 12 }, (_, i) => add('github', `ghp_${String(i).padStart(36, 'x')}`, github.url, `gh${i}`)),
      ...Array.from({ length: 12 }, (_, i) => add('gitlab', `glpat-${String(i).padStart(20, 'y')}`, `${gitlab.url}/api/v4`, `gl${i}`)),
    ];
    const limiter = createHostLimiter({ maxPerOrigin: 3 });
    const progress: number[] = [];
    const views = await checkTokens(vault, ids, { limiter, timeoutMs: 2000, retryBudgetMs: 0, onProgress: (d) => progress.push(d) });
    expect(views.map((v) => v.status)).toEqual(ids.map(() => 'active'));
    expect(progress).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(github.maxInFlight).toBeLessThanOrEqual(3);
    expect(gitlab.maxInFlight).toBeLessThanOrEqual(3);
  });
});

describe('revoke', () => {
  it('through the API (GitLab self revoke), then marked revoked', async () => {
    gitlab.route('DELETE', '/api/v4/personal_access_tokens/self', { status: 204 });
    const id = add('gitlab', GL, `${gitlab.url}/api/v4`);
    const r = await revokeToken(vault, id, undefined, opts());
    expect(r.mode).toBe('api');
    expect(vault.tokens.get(id).status).toBe('revoked');
    expect(gitlab.requests[0]).toMatchObject({ method: 'DELETE' });
    expect(gitlab.requests[0]?.headers['private-token']).toBe(GL);
  });

  it('guided (Brass has no revoke API): nothing changes until the user confirms', async () => {
    const id = add('brass', BRASS, github.url);
    const first = await revokeToken(vault, id, undefined, opts());
    expect(first).toMatchObject({ mode: 'guided', confirmed: false });
    expect(vault.tokens.get(id).status).not.toBe('revoked');
    const second = await revokeToken(vault, id, { confirmedGuided: true }, opts());
    expect(second).toMatchObject({ mode: 'guided', confirmed: true });
    expect(vault.tokens.get(id).lastCheck).toMatchObject({ result: 'revoked', reason: 'revoked on the platform by you' });
    expect(github.requests).toEqual([]); // guided revoke sends nothing
  });

  it('Jelastic needs the account password: refused before anything is sent', async () => {
    const id = add('jelastic', JEL, gitlab.url);
    await expect(revokeToken(vault, id, undefined, opts())).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/password/) });
    expect(gitlab.requests).toEqual([]);
  });
});

describe('rotate', () => {
  it('GitLab self rotate: the new value replaces the old in the vault, the old is kept in history', async () => {
    const NEW = 'glpat-' + 'N'.repeat(20);
    gitlab.route('POST', '/api/v4/personal_access_tokens/self/rotate', { json: { token: NEW, expires_at: '2027-02-01' } });
    const id = add('gitlab', GL, `${gitlab.url}/api/v4`);
    const { view } = await rotateToken(vault, id, undefined, opts());
    expect(view).toMatchObject({ expiresAt: '2027-01-31', expiry: '2027-02-01T00:00:00.000Z', status: 'active' });
    expect(vault.tokens.readSecret(id, 'get').value).toBe(NEW);
    expect(vault.results.readHistory(id).map((h) => h.value)).toEqual([GL]);
    expect(gitlab.requestsCarrying(NEW)).toEqual([]); // the new value only came back, never went out
  });

  it('a platform without a rotate API says what to do instead; a failed rotation keeps the old value', async () => {
    const id = add('github', GH, github.url);
    await expect(rotateToken(vault, id, undefined, opts())).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/cannot rotate/) });
    gitlab.route('POST', '/api/v4/personal_access_tokens/self/rotate', { status: 403, json: { message: 'insufficient_scope' } });
    const gl = add('gitlab', GL, `${gitlab.url}/api/v4`);
    await expect(rotateToken(vault, gl, undefined, opts())).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(vault.tokens.readSecret(gl, 'get').value).toBe(GL);
  });
});

describe('a value whose format is another platform’s is never sent', () => {
  it('a GitLab token stored under GitHub (the mismatch accepted) never reaches GitHub on check, revoke or rotate', async () => {
    // GitHub's mock would say "active" and "revoked" to anything that arrived.
    github.route('GET', '/user', { json: { login: 'octocat' }, headers: { 'x-oauth-scopes': '' } });
    github.route('POST', '/credentials/revoke', { status: 202, json: {} });
    const id = vault.tokens.add({ platform: 'github', account: 'a', name: 'wrong', token: GL, baseUrl: github.url, platformMismatchOk: true }).id;

    const checked = await checkToken(vault, id, undefined, opts());
    expect(checked.status).toBe('unknown');
    expect(checked.lastCheck?.reason).toBe('nothing was sent to GitHub, because this looks like a GitLab personal access token, not a GitHub token');

    const revoke = await errorOf(revokeToken(vault, id, undefined, opts()));
    expect(revoke).toEqual({ code: 'PLATFORM_MISMATCH', message: expect.stringMatching(/^Not revoked: nothing was sent to GitHub, because .*GitLab personal access token/) });
    const guided = await errorOf(revokeToken(vault, id, { confirmedGuided: true }, opts()));
    expect(guided.code).toBe('PLATFORM_MISMATCH');
    const rotate = await errorOf(rotateToken(vault, id, undefined, opts()));
    expect(rotate).toEqual({ code: 'PLATFORM_MISMATCH', message: expect.stringMatching(/^Not rotated: nothing was sent to GitHub/) });

    expect(github.requests).toEqual([]);
    expect(vault.tokens.get(id).status).not.toBe('revoked');
    expect(JSON.stringify([checked, revoke, rotate])).not.toContain(GL);
  });

  it('check-all records the refusal for that token and checks the others', async () => {
    github.route('GET', '/user', { json: { login: 'octocat' }, headers: { 'x-oauth-scopes': '' } });
    const wrong = vault.tokens.add({ platform: 'github', account: 'a', name: 'wrong', token: GL, baseUrl: github.url, platformMismatchOk: true }).id;
    const right = add('github', GH, github.url, 'right');
    const views = await checkTokens(vault, [wrong, right], opts());
    expect(views.map((v) => v.status)).toEqual(['unknown', 'active']);
    expect(github.requestsCarrying(GL)).toEqual([]);
    expect(github.requests).toHaveLength(1);
  });
});

describe('custom platforms and what is stored with a token', () => {
  const ACME = 'acme-' + 'F'.repeat(30);

  it('a custom platform defined in the vault is checked at its own host, with its own auth placement', async () => {
    github.route('GET', '/api/me', { status: 204 });
    vault.customPlatforms.add({ name: 'Acme', baseUrl: `${github.url}/api`, auth: { kind: 'header', name: 'X-Acme-Key' }, checkPath: '/me', validStatus: 204 });
    const id = vault.tokens.add({ platform: 'custom', customPlatform: 'Acme', account: 'acme', name: 'ops', token: ACME }).id;
    const view = await checkToken(vault, id, undefined, opts());
    expect(view.status).toBe('active');
    expect(github.requests.map((r) => [r.method, r.path, r.headers['x-acme-key']])).toEqual([['GET', '/api/me', ACME]]);
    expect(gitlab.requestsCarrying(ACME)).toEqual([]);
  });

  it("the account's base URL overrides the definition's; a redirect to another host never carries the token", async () => {
    vault.customPlatforms.add({ name: 'Acme', baseUrl: 'https://acme.invalid', auth: { kind: 'bearer' }, checkPath: '/me' });
    github.route('GET', '/me', { status: 302, headers: { location: `${gitlab.url}/me` } });
    gitlab.route('GET', '/me', { json: {} });
    const id = vault.tokens.add({ platform: 'custom', customPlatform: 'Acme', account: 'acme', name: 'ops', token: ACME, baseUrl: github.url }).id;
    const view = await checkToken(vault, id, undefined, opts());
    expect(view.status).toBe('unknown');
    expect(github.requestsCarrying(ACME)).toHaveLength(1);
    expect(gitlab.requestsCarrying(ACME)).toEqual([]);
  });

  it('a custom token without a definition, or a definition without check path, is unknown and sends nothing', async () => {
    const bare = vault.tokens.add({ platform: 'custom', account: 'x', name: 'bare', token: ACME }).id;
    expect((await checkToken(vault, bare, undefined, opts())).lastCheck?.reason).toMatch(/no custom platform assigned/);
    vault.customPlatforms.add({ name: 'NoCheck', baseUrl: github.url, auth: { kind: 'bearer' } });
    const nocheck = vault.tokens.add({ platform: 'custom', customPlatform: 'NoCheck', account: 'x', name: 'nc', token: ACME + 'x' }).id;
    expect((await checkToken(vault, nocheck, undefined, opts())).lastCheck?.reason).toMatch(/offers no way to check/);
    expect(github.requests).toEqual([]);
  });

  it('check-all uses the program slug stored with a YesWeHack token', async () => {
    github.route('GET', '/programs/acme-bbp', { json: { slug: 'acme-bbp' } });
    const YWH = 'ywh-' + 'G'.repeat(30);
    const stored = vault.tokens.add({ platform: 'yeswehack', account: 'ywh', name: 'stored', token: YWH, baseUrl: github.url, programSlug: 'acme-bbp' }).id;
    const none = vault.tokens.add({ platform: 'yeswehack', account: 'ywh', name: 'none', token: YWH + 'x', baseUrl: github.url }).id;
    const [a, b] = await checkTokens(vault, [stored, none], opts());
    expect(a).toMatchObject({ id: stored, status: 'active' });
    expect(b?.lastCheck?.reason).toBe('needs a program slug to check');
    expect(github.requests.map((r) => r.path)).toEqual(['/programs/acme-bbp']);
  });

  it('Jelastic revoke names the token id stored with the token; one given for the call wins', async () => {
    const jelastic = await startMockServer();
    try {
      jelastic.route('POST', '/1.0/users/authentication/rest/deletetokens', { json: { result: 0 } });
      const JEL2 = 'd'.repeat(40);
      const id = vault.tokens.add({ platform: 'jelastic', account: 'jel', name: 'deploy', token: JEL, baseUrl: jelastic.url, platformTokenId: '4711' }).id;
      await revokeToken(vault, id, { password: 'account-pass' }, opts());
      expect(new URLSearchParams(jelastic.requests[0]?.body).get('ids')).toBe('4711');
      expect(vault.tokens.get(id).status).toBe('revoked');
      const other = vault.tokens.add({ platform: 'jelastic', account: 'jel', name: 'other', token: JEL2, baseUrl: jelastic.url, platformTokenId: '4711' }).id;
      await revokeToken(vault, other, { password: 'account-pass', platformTokenId: '99' }, opts());
      expect(new URLSearchParams(jelastic.requests[1]?.body).get('ids')).toBe('99');
    } finally {
      await jelastic.close();
    }
  });
});
