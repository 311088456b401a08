/**
 * Revoke (and the sign-in side of rotate) through the vault, for the accounts whose platform
 * answers depend on the account: GitHub Enterprise Server (its own authenticated revoke, or a
 * guided revoke on its own page), Jelastic (the token itself, or a session signed in with the
 * account login and password), and the token page a guided revoke names. Real vault file, real
 * crypto, the real HTTP port, loopback servers standing in for the platforms.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestVault, tempDir } from '../test-support/temp-vault';
import type { Vault } from '../vault/vault';
import { createHostLimiter } from './http';
import { startMockServer, type MockServer } from './test-support/mock-server';
import { rotateToken } from './rotate-token';
import { revokeToken } from './token-ops';

const GH = 'ghp_' + 'G'.repeat(36);
const JEL = 'f'.repeat(40);
const PASSWORD = 'account pass §1';
const LOGIN = 'jane@acme.example';
const SESSION = 'S'.repeat(32);
const P = '/1.0/users/authentication/rest';

let cleanup: () => void;
let vault: Vault;
let server: MockServer;
const opts = () => ({ limiter: createHostLimiter(), timeoutMs: 2000, retryBudgetMs: 0 });

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  vault = await createTestVault(t.dir);
  server = await startMockServer();
});
afterEach(async () => {
  vault.close();
  await server.close();
  cleanup();
});

const form = (i: number): Record<string, string> => Object.fromEntries(new URLSearchParams(server.requests[i]?.body));

describe('GitHub Enterprise Server', () => {
  it('revokes through the server’s own authenticated API, at the account’s host', async () => {
    server.route('POST', '/api/v3/credentials/revoke', { status: 202, json: {} });
    const id = vault.tokens.add({ platform: 'github', account: 'ghe', name: 'ghe', token: GH, baseUrl: `${server.url}/api/v3` }).id;
    expect(await revokeToken(vault, id, undefined, opts())).toMatchObject({ mode: 'api' });
    expect(server.requests.map((r) => [r.method, r.path, r.headers['authorization']])).toEqual([['POST', '/api/v3/credentials/revoke', `Bearer ${GH}`]]);
    expect(vault.tokens.get(id).status).toBe('revoked');
  });

  it('a server without that API: guided, with the reason; the token is untouched until the user confirms', async () => {
    const id = vault.tokens.add({ platform: 'github', account: 'ghe', name: 'ghe', token: GH, baseUrl: `${server.url}/api/v3` }).id;
    const first = await revokeToken(vault, id, undefined, opts());
    expect(first).toMatchObject({ mode: 'guided', confirmed: false, reason: expect.stringMatching(/no credential-revoke API/) });
    expect(vault.tokens.get(id).lastCheck).toBeNull();
    const second = await revokeToken(vault, id, { confirmedGuided: true }, opts());
    expect(second).toMatchObject({ mode: 'guided', confirmed: true });
    expect(vault.tokens.get(id).status).toBe('revoked');
    expect(server.requests).toHaveLength(1); // the confirmation sends nothing
  });
});

describe('the page a guided revoke names is the account’s own', () => {
  it('iObeya: the customer’s platform beside its API host; none for an account whose host has no page', async () => {
    const io = vault.tokens.add({ platform: 'iobeya', account: 'io', name: 'io', token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', baseUrl: 'https://acme.api.iobeya.com/v1' }).id;
    expect(await revokeToken(vault, io, undefined, opts())).toMatchObject({ mode: 'guided', pageUrl: 'https://acme.iobeya.com/' });
    const odd = vault.tokens.add({ platform: 'iobeya', account: 'io2', name: 'io2', token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ5In0.c2ln', baseUrl: 'https://iobeya.acme.example/v1' }).id;
    expect(await revokeToken(vault, odd, undefined, opts())).toMatchObject({ mode: 'guided', pageUrl: null });
  });
});

describe('Jelastic: the token itself, or a session signed in with the account login', () => {
  const jelastic = (over: Record<string, unknown> = {}) =>
    vault.tokens.add({ platform: 'jelastic', account: 'jel', name: 'deploy', token: JEL, baseUrl: server.url, platformTokenId: '4711', ...over }).id;

  it('an expired token cannot revoke itself: NEEDS_SIGN_IN before anything (the password above all) is sent', async () => {
    const id = jelastic({ expiresAt: '2020-01-31' });
    await expect(revokeToken(vault, id, { password: PASSWORD }, opts())).rejects.toMatchObject({ code: 'NEEDS_SIGN_IN', message: expect.stringMatching(/expired.*login/) });
    await expect(rotateToken(vault, id, { password: PASSWORD }, opts())).rejects.toMatchObject({ code: 'NEEDS_SIGN_IN' });
    expect(server.requests).toEqual([]);
  });

  it('with the login: signin → deletetokens with the session → signout, and the token is marked revoked', async () => {
    server.route('POST', `${P}/signin`, { json: { result: 0, session: SESSION } });
    server.route('POST', `${P}/deletetokens`, { json: { result: 0 } });
    server.route('POST', `${P}/signout`, { json: { result: 0 } });
    const id = jelastic({ expiresAt: '2020-01-31' });
    expect(await revokeToken(vault, id, { password: PASSWORD, login: LOGIN }, opts())).toMatchObject({ mode: 'api' });
    expect(server.requests.map((r) => r.path)).toEqual([`${P}/signin`, `${P}/deletetokens`, `${P}/signout`]);
    expect(form(1)).toEqual({ appid: 'cluster', session: SESSION, ids: '4711', password: PASSWORD });
    expect(server.requestsCarrying(JEL)).toEqual([]);
    expect(vault.tokens.get(id).status).toBe('revoked');
    expect(JSON.stringify(vault.audit.log())).not.toContain(PASSWORD);
  });

  it('8202 with the token: NEEDS_SIGN_IN, and the token’s recorded state is left as it was', async () => {
    server.route('POST', `${P}/deletetokens`, { json: { result: 8202, error: 'Permission denied' } });
    server.route('POST', `${P}/regeneratetoken`, { json: { result: 8202, error: 'Permission denied' } });
    const id = jelastic();
    const revoke = await revokeToken(vault, id, { password: PASSWORD }, opts()).catch((e: unknown) => e);
    expect(revoke).toMatchObject({ code: 'NEEDS_SIGN_IN', message: expect.stringMatching(/8202.*sign in/) });
    await expect(rotateToken(vault, id, { password: PASSWORD }, opts())).rejects.toMatchObject({ code: 'NEEDS_SIGN_IN' });
    expect(vault.tokens.get(id).lastCheck).toBeNull();
    expect(String((revoke as Error).message)).not.toContain(PASSWORD);
  });

  it('rotate through a session: the new value replaces the old one in the vault', async () => {
    const NEW = 'a'.repeat(40);
    server.route('POST', `${P}/signin`, { json: { result: 0, session: SESSION } });
    server.route('POST', `${P}/regeneratetoken`, { json: { result: 0, token: NEW } });
    server.route('POST', `${P}/signout`, { json: { result: 0 } });
    const id = jelastic({ expiresAt: '2020-01-31' });
    await rotateToken(vault, id, { password: PASSWORD, login: LOGIN }, opts());
    expect(vault.tokens.readSecret(id, 'get').value).toBe(NEW);
    expect(server.requests.map((r) => r.path)).toEqual([`${P}/signin`, `${P}/regeneratetoken`, `${P}/signout`]);
  });
});
