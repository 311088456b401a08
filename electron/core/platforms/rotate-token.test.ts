/**
 * Rotation end to end through a real vault and a loopback GitLab: the stored expiry is kept
 * (a GitLab-reported date as is, a typed day never shortened in the user's zone), a chosen one
 * sent as is, the reported new expiry stored; a rotation without an answer marks the token and
 * blocks another until a check shows the old value works.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFreshVault } from '../test-support/temp-vault';
import type { Vault } from '../vault/vault';
import { createHostLimiter } from './http';
import { rotateToken } from './rotate-token';
import { startMockServer, type MockReply, type MockServer } from './test-support/mock-server';
import { checkToken } from './token-ops';

const OLD = 'glpat-' + 'C'.repeat(20);
const NEW = 'glpat-' + 'N'.repeat(20);
const SELF = '/api/v4/personal_access_tokens/self';
const ROTATE = `${SELF}/rotate`;

let vault: Vault;
let gitlab: MockServer;
useFreshVault((v) => {
  vault = v;
});
beforeEach(async () => {
  gitlab = await startMockServer();
});
afterEach(async () => {
  await gitlab.close();
});

const opts = (timeZone = 'UTC') => ({ limiter: createHostLimiter(), timeoutMs: 2000, retryBudgetMs: 0, timeZone, now: () => new Date('2026-05-01T12:00:00Z') });
const self = (expiresAt: string): MockReply => ({ json: { id: 1, revoked: false, active: true, scopes: ['api'], user_id: 7, expires_at: expiresAt, last_used_at: '2026-04-30T08:00:00.000Z' } });
const rotated = (expiresAt: string): MockReply => ({ json: { id: 2, token: NEW, expires_at: expiresAt, revoked: false, active: true } });
const sent = (): unknown[] => gitlab.requests.filter((r) => r.path === ROTATE).map((r) => (r.json as { expires_at?: unknown }).expires_at);
const add = (expiresAt?: string): string =>
  vault.tokens.add({ platform: 'gitlab', account: 'acme', name: 'ci', token: OLD, baseUrl: `${gitlab.url}/api/v4`, ...(expiresAt ? { expiresAt } : {}) }).id;

describe('rotate: the expiry', () => {
  it('keeps the GitLab-reported expiry and stores the one the answer reports', async () => {
    const id = add();
    gitlab.route('GET', SELF, self('2027-03-01'));
    await checkToken(vault, id, undefined, opts());
    gitlab.route('POST', ROTATE, rotated('2027-03-01'));
    const { view, expiryCapped } = await rotateToken(vault, id, undefined, opts('Pacific/Honolulu'));
    expect(sent()).toEqual(['2027-03-01']);
    expect(expiryCapped).toBeNull();
    expect(view).toMatchObject({ expiry: '2027-03-01T00:00:00.000Z', expirySource: 'platform', expiryRaw: '2027-03-01', status: 'active' });
    expect(vault.tokens.readSecret(id, 'get').value).toBe(NEW);
    expect(vault.results.readHistory(id).map((h) => h.value)).toEqual([OLD]);
  });

  it.each([
    ['Pacific/Honolulu', '2026-12-03'],
    ['Pacific/Kiritimati', '2026-12-02'],
  ])('keeps a typed day without shortening it (%s → %s)', async (zone, expected) => {
    const id = add('2026-12-01');
    gitlab.route('POST', ROTATE, rotated(expected));
    await rotateToken(vault, id, undefined, opts(zone));
    expect(sent()).toEqual([expected]);
  });

  it('a chosen date is sent as is, whatever the stored expiry; the reported one is stored', async () => {
    const id = add('2026-12-01');
    gitlab.route('POST', ROTATE, rotated('2026-08-15'));
    const { view, expiryCapped } = await rotateToken(vault, id, { expiresAt: '2026-08-15' }, opts('Pacific/Kiritimati'));
    expect(sent()).toEqual(['2026-08-15']);
    expect(expiryCapped).toBeNull();
    expect(view).toMatchObject({ expiry: '2026-08-15T00:00:00.000Z', expiryRaw: '2026-08-15', enteredExpiresAt: '2026-12-01' });
  });

  it('a malformed chosen date is refused before anything is sent, and nothing is recorded', async () => {
    const id = add('2026-12-01');
    const before = vault.tokens.get(id);
    await expect(rotateToken(vault, id, { expiresAt: '2026-02-30' }, opts())).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/YYYY-MM-DD/) });
    expect(gitlab.requests).toEqual([]);
    expect(vault.tokens.get(id).lastCheck).toEqual(before.lastCheck);
  });

  it('a chosen date is sent as is; the capped maximum is said and stored', async () => {
    const id = add('2026-12-01');
    let n = 0;
    gitlab.route('POST', ROTATE, () => (n++ === 0 ? { status: 400, json: { message: '400 Bad request - Expires at must be before 2026-11-01' } } : rotated('2026-11-01')));
    const { view, expiryCapped } = await rotateToken(vault, id, { expiresAt: '2030-01-01' }, opts());
    expect(sent()).toEqual(['2030-01-01', '2026-11-01']);
    expect(expiryCapped).toEqual({ asked: '2030-01-01', sent: '2026-11-01' });
    expect(view.expiry).toBe('2026-11-01T00:00:00.000Z');
  });

  it('an expiry for a platform whose rotation takes none is refused before anything is sent', async () => {
    const id = vault.tokens.add({ platform: 'jelastic', account: 'j', name: 'j', token: 'e'.repeat(40), baseUrl: gitlab.url, platformTokenId: '7' }).id;
    await expect(rotateToken(vault, id, { expiresAt: '2027-01-01', password: 'pw' }, opts())).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(gitlab.requests).toEqual([]);
  });
});

describe('rotate without an answer', () => {
  it('marks the token, says what to do, refuses another rotation until a check says the old value works', async () => {
    const id = add();
    gitlab.route('POST', ROTATE, { ...rotated('2027-03-01'), delayMs: 600 });
    const err = await rotateToken(vault, id, undefined, { ...opts(), timeoutMs: 100 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ROTATION_UNCONFIRMED', message: expect.stringMatching(/No answer to the rotation \(timeout\).*Do not rotate again.*run Check/) });
    expect((err as Error).message).not.toContain(OLD);
    await new Promise((r) => setTimeout(r, 700)); // past the server's late answer: still one request
    expect(sent()).toHaveLength(1);
    const marked = vault.tokens.get(id);
    expect(marked.rotationUnconfirmed).toMatchObject({ reason: expect.stringMatching(/No answer to the rotation/) });
    expect(vault.tokens.readSecret(id, 'get').value).toBe(OLD); // nothing confirmed, nothing replaced

    gitlab.reset();
    await expect(rotateToken(vault, id, undefined, opts())).rejects.toMatchObject({ code: 'ROTATION_UNCONFIRMED', message: expect.stringMatching(/never confirmed/) });
    expect(gitlab.requests).toEqual([]);

    // A check with the old value is safe (no reuse detection on GET) and proves nothing was rotated.
    gitlab.route('GET', SELF, self('2027-03-01'));
    expect((await checkToken(vault, id, undefined, opts())).rotationUnconfirmed).toBeNull();
    gitlab.route('POST', ROTATE, rotated('2027-03-01'));
    await rotateToken(vault, id, undefined, opts());
    expect(vault.tokens.readSecret(id, 'get').value).toBe(NEW);
  });

  it('a check that says revoked keeps the mark (the rotation did happen; the new value is lost)', async () => {
    const id = add();
    gitlab.route('POST', ROTATE, { status: 504, text: 'Gateway Timeout' });
    await expect(rotateToken(vault, id, undefined, opts())).rejects.toMatchObject({ code: 'ROTATION_UNCONFIRMED' });
    gitlab.route('GET', SELF, { status: 401, json: { error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' } });
    const view = await checkToken(vault, id, undefined, opts());
    expect(view.status).toBe('revoked');
    expect(view.rotationUnconfirmed).not.toBeNull();
  });
});
