/**
 * Quick unlock through the vault: enable, unlock without the password, disable. Against the
 * real Secret Service when one is reachable (`npm test` starts one; required under CI), and
 * against the in-memory keychain for the failure paths.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { codeOf } from '../test-support/app-errors';
import type { KeyProtector } from '../ports';
import { KeyringProtector } from '../keychain/keyring-protector';
import { MemoryKeyProtector } from '../keychain/memory-protector';
import { SAMPLE_TOKENS, addSamples } from '../test-support/sample-tokens';
import { TEST_PASSWORD, createTestVault, tempDir } from '../test-support/temp-vault';
import { Vault } from './vault';

const ci = (process.env['CI'] ?? '').trim().toLowerCase();
const IN_CI = ci !== '' && ci !== '0' && ci !== 'false';
const real = new KeyringProtector({ service: `PAT Vault vault test ${randomUUID()}` });
const realInfo = await real.info();

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function roundTrip(protector: KeyProtector): Promise<void> {
  const v = await createTestVault(dir);
  const ids = addSamples(v);
  const before = v.tokens.list();
  expect(v.keychainState()).toEqual({ enabled: false, backend: null });
  const info = await v.enableKeychain(protector);
  v.close();

  const locked = Vault.open(v.path);
  expect(locked.keychainState()).toEqual({ enabled: true, backend: info.backend });
  await locked.unlockWithKeychain(protector);
  expect(locked.tokens.list()).toEqual(before);
  expect(locked.tokens.readSecret(ids[0]!, 'get').value).toBe(SAMPLE_TOKENS[0].token);
  await locked.disableKeychain(protector);
  locked.close();

  const again = Vault.open(v.path);
  expect(again.keychainState().enabled).toBe(false);
  await expect(codeOf(again.unlockWithKeychain(protector))).resolves.toBe('KEYCHAIN_NOT_ENABLED');
  await again.unlock(TEST_PASSWORD); // the password still works after all of it
  const actions = again.audit.log().map((e) => e.action);
  expect(actions).toContain('keychain-enable');
  expect(actions).toContain('keychain-disable');
  again.close();
}

describe('with the real OS keychain', () => {
  if (realInfo.strength !== 'strong') {
    test(IN_CI ? 'a Secret Service is required under CI' : `SKIPPED: no usable keychain (${realInfo.detail})`, () => {
      if (IN_CI) throw new Error(`No usable keychain under CI: ${realInfo.detail}`);
    });
    return;
  }
  test('enable, unlock without the password, disable: the vault round-trips', async () => {
    await roundTrip(real);
  });
});

describe('with the in-memory keychain', () => {
  test('the same round trip', async () => {
    await roundTrip(new MemoryKeyProtector());
  });

  test('a keychain that reports no protection is refused, and nothing is stored', async () => {
    const kc = new MemoryKeyProtector();
    kc.setAvailable(false);
    const v = await createTestVault(dir);
    await expect(codeOf(v.enableKeychain(kc))).resolves.toBe('KEYCHAIN_UNAVAILABLE');
    expect(v.keychainState().enabled).toBe(false);
    expect(kc.size).toBe(0);
    v.close();
  });

  test('a keychain entry that was lost or belongs to another vault cannot unlock; the password still does', async () => {
    const kc = new MemoryKeyProtector();
    const v = await createTestVault(dir);
    await v.enableKeychain(kc);
    await kc.forget(v.vaultId);
    v.close();
    const locked = Vault.open(v.path);
    await expect(codeOf(locked.unlockWithKeychain(kc))).resolves.toBe('KEYCHAIN_NOT_ENABLED');
    expect(locked.isUnlocked).toBe(false);
    await locked.unlock(TEST_PASSWORD);
    // Enabled again: a fresh secret; the old wrap is replaced.
    await locked.enableKeychain(kc);
    locked.close();
    const again = Vault.open(v.path);
    await again.unlockWithKeychain(kc);
    again.close();
  });

  test('changing the password keeps quick unlock working (the vault key is unchanged)', async () => {
    const kc = new MemoryKeyProtector();
    const v = await createTestVault(dir);
    addSamples(v);
    await v.enableKeychain(kc);
    await v.changePassword(TEST_PASSWORD, 'a brand new password');
    v.close();
    const again = Vault.open(v.path);
    await again.unlockWithKeychain(kc);
    expect(again.tokens.list().length).toBeGreaterThan(0);
    again.close();
  });
});
