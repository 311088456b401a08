/** Check results, revocation and rotation as the vault stores them. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { codeOf } from '../test-support/app-errors';
import { SAMPLE_TOKENS, addSamples } from '../test-support/sample-tokens';
import { TEST_PASSWORD, createTestVault, fixedClock, tempDir } from '../test-support/temp-vault';
import { Vault } from './vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

test('a check result, with what the platform told, is stored sealed, audited and survives reopening', async () => {
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const v = await createTestVault(dir, { clock });
  const [id] = addSamples(v);
  clock.set('2026-11-24T09:00:00.000Z');
  const after = v.results.recordCheck(id!, {
    result: 'active',
    owner: 'octocat',
    scopes: ['repo', 'gist'],
    expiry: { at: '2027-06-30T00:00:00.000Z', raw: '2027-06-30' },
    lastUsedAt: '2026-11-20T08:00:00.000Z',
  });
  // Stops at 00:00 UTC on June 30: the last day it works is June 29 (tests run in UTC).
  expect(after).toMatchObject({ status: 'active', scopes: ['repo', 'gist'], expiresAt: '2027-06-29', expiry: '2027-06-30T00:00:00.000Z', expirySource: 'platform', expiryRaw: '2027-06-30', lastUsedAt: '2026-11-20T08:00:00.000Z' });
  expect(after.lastCheck).toEqual({ at: '2026-11-24T09:00:00.000Z', result: 'active', owner: 'octocat' });
  // A malformed date or scope list from a platform is ignored, never stored.
  const odd = v.results.recordCheck(id!, { result: 'unknown', reason: 'rate-limited', expiry: { at: '30/06/2027', raw: 'x' }, lastUsedAt: 'yesterday', scopes: [''] });
  // …and an `unknown` answer is no verdict: the token stays active.
  expect(odd).toMatchObject({ status: 'active', expiry: '2027-06-30T00:00:00.000Z', lastUsedAt: '2026-11-20T08:00:00.000Z', scopes: ['repo', 'gist'] });
  v.close();
  const again = Vault.open(v.path, { clock });
  await again.unlock(TEST_PASSWORD);
  expect(again.tokens.get(id!).lastCheck).toEqual({ at: '2026-11-24T09:00:00.000Z', result: 'unknown', reason: 'rate-limited' });
  expect(again.audit.log().filter((e) => e.action === 'check').map((e) => e.detail)).toEqual(['active', 'unknown (rate-limited)']);
  again.close();
  expect(readFileSync(v.path).includes(Buffer.from('octocat'))).toBe(false);
});

test('revoked through the API or by hand: status revoked, with the reason', async () => {
  const v = await createTestVault(dir);
  const [a, b] = addSamples(v);
  expect(v.results.markRevoked(a!, 'api').lastCheck).toMatchObject({ result: 'revoked', reason: 'revoked through the platform API' });
  expect(v.results.markRevoked(b!, 'guided')).toMatchObject({ status: 'revoked' });
  expect(v.audit.log().filter((e) => e.action === 'check' && e.detail?.startsWith('revoked'))).toHaveLength(2);
  v.close();
});

test('rotation replaces the value in one step and keeps the old one in the sealed history', async () => {
  const v = await createTestVault(dir);
  const [id] = addSamples(v);
  const next = 'ghp_ROTATEDvalueROTATEDvalueROTATEDvalue0';
  const view = v.results.rotate(id!, next, { at: '2027-12-31T00:00:00.000Z', raw: '2027-12-31' });
  expect(view).toMatchObject({ expiresAt: '2027-12-30', expiry: '2027-12-31T00:00:00.000Z', status: 'active' });
  expect(view.lastCheck).toMatchObject({ result: 'active', reason: 'rotated' });
  expect(v.tokens.readSecret(id!, 'get')).toEqual({ value: next, notes: SAMPLE_TOKENS[0].notes });
  expect(v.results.readHistory(id!).map((h) => h.value)).toEqual([SAMPLE_TOKENS[0].token]);
  // An edit keeps the history; a second rotation appends to it.
  v.tokens.edit(id!, { name: 'renamed' });
  v.results.rotate(id!, `${next}2`);
  expect(v.results.readHistory(id!).map((h) => h.value)).toEqual([SAMPLE_TOKENS[0].token, next]);
  expect(v.audit.log().filter((e) => e.tokenId === id).map((e) => e.action)).toEqual(['create', 'rotate', 'get', 'reveal', 'edit', 'rotate', 'reveal']);
  // The new value is the one duplicate detection knows.
  expect(await codeOf(() => v.tokens.add({ platform: 'github', account: 'x', name: 'dup', token: `${next}2` }))).toBe('BAD_INPUT');
  expect(await codeOf(() => v.results.rotate(id!, ''))).toBe('BAD_INPUT');
  v.close();
  for (const f of [v.path]) {
    const bytes = readFileSync(f);
    for (const s of [next, SAMPLE_TOKENS[0].token]) expect(bytes.includes(Buffer.from(s))).toBe(false);
  }
});
