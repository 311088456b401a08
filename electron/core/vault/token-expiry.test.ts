/**
 * What a token record says about its end, as a user meets it: the typed date beside what the
 * platform or the value reported, which one wins, what reminders may read while locked, and
 * the verdict kept apart from the last attempt.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestVault, fixedClock, tempDir, TEST_PASSWORD } from '../test-support/temp-vault';
import { Vault } from './vault';

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const EXP = Date.UTC(2027, 5, 30, 12) / 1000; // 2027-06-30 12:00 UTC
const JWT = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ iss: 'https://acme.iobeya.com', sub: 'jane', exp: EXP })}.c2ln`;
const GITLAB = 'glpat-EXPIRYaaaabbbbcccc';

let dir: string;
let cleanup: () => void;
let vault: Vault;
const clock = fixedClock('2026-11-23T10:00:00.000Z');
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  clock.set('2026-11-23T10:00:00.000Z');
  vault = await createTestVault(dir, { clock });
});
afterEach(() => {
  vault.close();
  cleanup();
});

const add = (over: Record<string, unknown> = {}) =>
  vault.tokens.add({ platform: 'gitlab', account: 'gl', name: 'ci', token: GITLAB, expiresAt: '2027-01-10', ...over });
const plaintextExpiries = (): string[] => {
  const db = new Database(vault.path, { readonly: true });
  try {
    return (db.prepare('SELECT expires_at FROM expiries').all() as { expires_at: string }[]).map((r) => r.expires_at);
  } finally {
    db.close();
  }
};

describe('an expiry read from the value itself', () => {
  test('a JWT added without a date gets its exp as the instant it is (app, CLI and import share this)', () => {
    const v = vault.tokens.add({ platform: 'iobeya', account: 'acme', baseUrl: 'https://acme.api.iobeya.com/v1', name: 'board', token: JWT });
    expect(v).toMatchObject({ expiry: '2027-06-30T12:00:00.000Z', expirySource: 'token', expiryRaw: `exp ${EXP}`, expiresAt: '2027-06-30', enteredExpiresAt: null });
    expect(plaintextExpiries()).toEqual(['2027-06-30T12:00:00.000Z']);
  });

  test('a date the user gives wins over the claim', () => {
    const v = vault.tokens.add({ platform: 'iobeya', account: 'acme', baseUrl: 'https://acme.api.iobeya.com/v1', name: 'board', token: JWT, expiresAt: '2027-03-01' });
    expect(v).toMatchObject({ expiry: '2027-03-01', expirySource: 'user', expiresAt: '2027-03-01' });
  });
});

describe('typed beside reported', () => {
  test('a check reports GitLab\'s date: it wins, stops at 00:00 UTC, and the typed date is kept beside it', () => {
    const t = add();
    const v = vault.results.recordCheck(t.id, { result: 'active', expiry: { at: '2027-02-01T00:00:00.000Z', raw: '2027-02-01' } });
    expect(v).toMatchObject({ expiry: '2027-02-01T00:00:00.000Z', expirySource: 'platform', expiryRaw: '2027-02-01', expiresAt: '2027-01-31', enteredExpiresAt: '2027-01-10' });
    expect(plaintextExpiries()).toEqual(['2027-02-01T00:00:00.000Z']);
  });

  test('typing a date by hand drops the report; a new value drops everything said about the old one', () => {
    const t = add();
    vault.results.recordCheck(t.id, { result: 'active', expiry: { at: '2027-02-01T00:00:00.000Z', raw: '2027-02-01' }, lastUsedAt: '2026-11-20T08:00:00.000Z' });
    expect(vault.tokens.edit(t.id, { expiresAt: '2027-05-05' })).toMatchObject({ expiry: '2027-05-05', expirySource: 'user', lastUsedAt: '2026-11-20T08:00:00.000Z', status: 'active' });
    vault.results.recordCheck(t.id, { result: 'revoked' });
    const renamed = vault.tokens.edit(t.id, { name: 'renamed' });
    expect(renamed).toMatchObject({ status: 'revoked' }); // a rename keeps the verdict
    const fresh = vault.tokens.edit(t.id, { token: 'glpat-EXPIRYddddeeeeffff' });
    expect(fresh).toMatchObject({ status: 'unknown', lastCheck: null, verdict: null, lastUsedAt: null, expiry: '2027-05-05' });
  });

  test('"never expires" from a platform is not "no date known"', () => {
    const t = add({ expiresAt: null });
    expect(vault.tokens.get(t.id)).toMatchObject({ expiry: null, neverExpires: false });
    expect(vault.results.recordCheck(t.id, { result: 'active', expiry: null })).toMatchObject({ expiry: null, neverExpires: true, expirySource: 'platform' });
  });
});

describe('verdicts', () => {
  test('a GitLab 401 "Token is expired" on a token whose date is 3 days away shows expired', () => {
    const t = add({ expiresAt: '2026-11-26' });
    expect(vault.tokens.get(t.id).status).toBe('expiring');
    expect(vault.results.recordCheck(t.id, { result: 'expired', reason: '401: token expired' }).status).toBe('expired');
  });

  test('an unknown answer after a verdict keeps the verdict and shows the attempt', () => {
    const t = add();
    vault.results.recordCheck(t.id, { result: 'invalid', reason: '401' });
    const v = vault.results.recordCheck(t.id, { result: 'unknown', reason: 'offline' });
    expect(v).toMatchObject({ status: 'invalid', verdict: { result: 'invalid' }, lastCheck: { result: 'unknown', reason: 'offline' } });
  });

  test('a rotation never answered stays marked until a check says the stored value still works', () => {
    const t = add();
    expect(vault.results.markRotationUnconfirmed(t.id, 'timeout').rotationUnconfirmed).toMatchObject({ reason: 'timeout' });
    expect(vault.results.recordCheck(t.id, { result: 'unknown', reason: 'offline' }).rotationUnconfirmed).not.toBeNull();
    expect(vault.results.recordCheck(t.id, { result: 'active' }).rotationUnconfirmed).toBeNull();
  });
});

describe('reminders while locked', () => {
  test('a revoked token leaves no plaintext expiry, so nothing reminds of it even while locked', () => {
    const t = add();
    expect(plaintextExpiries()).toEqual(['2027-01-10']);
    vault.results.markRevoked(t.id, 'guided');
    expect(plaintextExpiries()).toEqual([]);
    expect(vault.expirySchedule()).toEqual([]);
  });

  test('a row an older version kept for a revoked token is accepted once and dropped at unlock', async () => {
    const t = add();
    vault.results.markRevoked(t.id, 'guided');
    vault.close();
    // What a vault written before this rule holds: the revoked token's row, equal to its expiry.
    const db = new Database(vault.path);
    db.prepare('INSERT INTO expiries (id, expires_at, remind_days) VALUES (?, ?, NULL)').run(Buffer.from(t.id, 'hex'), '2027-01-10');
    db.close();
    vault = Vault.open(vault.path, { clock });
    await vault.unlock(TEST_PASSWORD);
    expect(vault.tokens.get(t.id).status).toBe('revoked');
    expect(plaintextExpiries()).toEqual([]);
  });

  test('a plaintext expiry that differs from the sealed one is still damage', async () => {
    const t = add();
    vault.close();
    const db = new Database(vault.path);
    db.prepare('UPDATE expiries SET expires_at = ? WHERE id = ?').run('2027-01-11', Buffer.from(t.id, 'hex'));
    db.close();
    vault = Vault.open(vault.path, { clock });
    await expect(vault.unlock(TEST_PASSWORD)).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
  });
});
