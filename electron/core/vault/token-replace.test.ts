/**
 * One token per user (iObeya): adding a value for a user who holds a live token gives that
 * token the new value, keeping the old one in its history as "replaced", instead of a second
 * token; everything else still adds.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { codeOf } from '../test-support/app-errors';
import { createTestVault, fixedClock, tempDir } from '../test-support/temp-vault';
import type { Vault } from './vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (sub: string, exp: number, n: string) => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ iss: 'https://acme.iobeya.com', sub, exp })}.sig${n}`;
const EXP_OLD = Date.UTC(2027, 0, 31, 12) / 1000;
const EXP_NEW = Date.UTC(2027, 6, 31, 8) / 1000;
const OLD = jwt('jane', EXP_OLD, 'old');
const NEW = jwt('jane', EXP_NEW, 'new');
const BASE = 'https://acme.api.iobeya.com/v1';
const user = { platform: 'iobeya', account: 'acme', baseUrl: BASE } as const;

async function vaultWithOld(): Promise<{ v: Vault; id: string; clock: ReturnType<typeof fixedClock> }> {
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const v = await createTestVault(dir, { clock });
  const id = v.tokens.add({ ...user, name: 'boards', token: OLD, notes: 'from the first one', scopes: ['rooms:read'] }).id;
  return { v, id, clock };
}

test('a second iObeya value for the same user replaces the first: one token, the old value in its history as "replaced"', async () => {
  const { v, id, clock } = await vaultWithOld();
  v.results.recordCheck(id, { result: 'active', owner: 'jane' });
  clock.set('2026-12-01T09:00:00.000Z');

  const r = v.tokens.addOrReplace({ ...user, name: 'boards (new)', token: NEW });

  expect(r.replaced).toBe(true);
  expect(r.view.id).toBe(id);
  expect(v.tokens.list()).toHaveLength(1);
  expect(r.view).toMatchObject({
    name: 'boards (new)',
    // The new JWT's exp, exact; the old value's expiry and check are gone (it has not been checked).
    expiry: '2027-07-31T08:00:00.000Z',
    expirySource: 'token',
    lastCheck: null,
    verdict: null,
    rotationUnconfirmed: null,
    // Not given: kept.
    scopes: ['rooms:read'],
  });
  expect(v.tokens.readSecret(id, 'get')).toEqual({ value: NEW, notes: 'from the first one' });
  expect(v.results.valueHistory(id)).toEqual([{ at: '2026-12-01T09:00:00.000Z', reason: 'replaced' }]);
  expect(v.results.revealHistoryEntry(id, 0, '2026-12-01T09:00:00.000Z').value).toBe(OLD);
  const replaced = v.audit.log().find((e) => e.action === 'edit' && e.tokenId === id);
  expect(replaced?.detail).toMatch(/^replaced the value: one token per user/);
  expect(JSON.stringify(v.audit.log())).not.toContain(NEW);
  v.close();
});

test('addToken (the older entry point) replaces the same way; notes and a typed date given win', async () => {
  const { v, id } = await vaultWithOld();
  const view = v.tokens.add({ ...user, name: 'boards', token: NEW, notes: 'second', expiresAt: '2027-05-01', username: 'jane' });
  expect(view.id).toBe(id);
  expect(view).toMatchObject({ expiresAt: '2027-05-01', expirySource: 'user', username: 'jane' });
  expect(v.tokens.readSecret(id, 'get').notes).toBe('second');
  v.close();
});

test('a revoked iObeya token is not replaced: the new value is a new token', async () => {
  const { v, id } = await vaultWithOld();
  v.results.markRevoked(id, 'guided');
  const r = v.tokens.addOrReplace({ ...user, name: 'boards', token: NEW });
  expect(r.replaced).toBe(false);
  expect(r.view.id).not.toBe(id);
  expect(v.tokens.list()).toHaveLength(2);
  expect(v.tokens.readSecret(id, 'get').value).toBe(OLD);
  expect(v.results.valueHistory(id)).toEqual([]);
  v.close();
});

test('another user is not replaced: other account, other base URL, other username, other JWT subject', async () => {
  const { v, id } = await vaultWithOld();
  v.tokens.edit(id, { username: 'jane' });
  const others = [
    { ...user, account: 'globex' },
    { ...user, baseUrl: 'https://globex.api.iobeya.com/v1' },
    { ...user, username: 'joe' },
  ];
  others.forEach((o, i) => expect(v.tokens.addOrReplace({ ...o, name: `other ${i}`, token: jwt('jane', EXP_NEW, `o${i}`) }).replaced).toBe(false));
  // Same account, no username typed, but the JWT names another user.
  expect(v.tokens.addOrReplace({ ...user, name: 'joe', token: jwt('joe', EXP_NEW, 'joe') }).replaced).toBe(false);
  expect(v.tokens.list()).toHaveLength(5);
  expect(v.tokens.readSecret(id, 'get').value).toBe(OLD);
  v.close();
});

test('other platforms still add a second token to the same account', async () => {
  const v = await createTestVault(dir);
  v.tokens.add({ platform: 'github', account: 'octo', name: 'a', token: 'ghp_ONEoneONEoneONEoneONEoneONEoneONE001' });
  expect(v.tokens.addOrReplace({ platform: 'github', account: 'octo', name: 'b', token: 'ghp_TWOtwoTWOtwoTWOtwoTWOtwoTWOtwoTWO002' }).replaced).toBe(false);
  expect(v.tokens.list()).toHaveLength(2);
  v.close();
});

test('a value already in the vault is still refused, and changes nothing', async () => {
  const { v, id } = await vaultWithOld();
  expect(await codeOf(() => v.tokens.addOrReplace({ ...user, name: 'again', token: OLD }))).toBe('BAD_INPUT');
  expect(v.tokens.get(id).name).toBe('boards');
  expect(v.results.valueHistory(id)).toEqual([]);
  v.close();
});

test('two live tokens of one user from an older vault are left alone: the new value is added beside them', async () => {
  const { v, id } = await vaultWithOld();
  // As a vault from before the rule holds them: the second went in under another account, then was moved.
  const second = v.tokens.add({ ...user, account: 'elsewhere', name: 'second', token: jwt('jane', EXP_NEW, 'two') }).id;
  v.tokens.edit(second, { account: 'acme' });
  expect(v.tokens.list()).toHaveLength(2);
  const r = v.tokens.addOrReplace({ ...user, name: 'third', token: NEW });
  expect(r.replaced).toBe(false);
  expect(v.tokens.list()).toHaveLength(3);
  expect(v.results.valueHistory(id)).toEqual([]);
  expect(v.results.valueHistory(second)).toEqual([]);
  v.close();
});

test('import: an iObeya item for a user with a live token replaces it and is counted as replaced; the same value is a duplicate', async () => {
  const { v, id } = await vaultWithOld();
  const r = v.tokens.import([
    { ...user, name: 'imported', token: NEW },
    { ...user, name: 'dup', token: NEW },
    { platform: 'github', account: 'octo', name: 'gh', token: 'ghp_IMPORTimportIMPORTimportIMPORTimp003' },
  ]);
  expect(r).toEqual({ imported: 1, replaced: 1, skippedDuplicates: 1 });
  expect(v.tokens.list()).toHaveLength(2);
  expect(v.tokens.get(id).name).toBe('imported');
  expect(v.tokens.readSecret(id, 'get').value).toBe(NEW);
  expect(v.results.valueHistory(id)).toEqual([{ at: expect.any(String), reason: 'replaced' }]);
  v.close();
});
