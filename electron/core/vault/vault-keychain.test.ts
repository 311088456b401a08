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
import { Vault, droppedMessage } from './vault';

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
  expect(v.keychainState()).toEqual({ enabled: false, backend: null, slots: [] });
  const info = await v.enableKeychain(protector);
  v.close();

  const locked = Vault.open(v.path);
  expect(locked.keychainState()).toEqual({ enabled: true, backend: info.backend, slots: [info.backend] });
  await locked.unlockWithKeychain(protector);
  expect(locked.tokens.list()).toEqual(before);
  expect(locked.tokens.readSecret(ids[0]!, 'get').value).toBe(SAMPLE_TOKENS[0].token);
  await locked.disableKeychain(protector, TEST_PASSWORD);
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

  test('changing the password re-keys: the slots this host reaches are rewrapped, the others dropped', async () => {
    const kc = new MemoryKeyProtector();
    const v = await createTestVault(dir);
    addSamples(v);
    await v.enableKeychain(kc);
    const kept = await v.changePassword(TEST_PASSWORD, 'a brand new password', undefined, [kc]);
    expect(kept).toEqual({ kept: ['memory'], dropped: [], forgetProblem: null });
    v.close();
    const again = Vault.open(v.path);
    await again.unlockWithKeychain(kc);
    expect(again.tokens.list().length).toBeGreaterThan(0);
    // Without the keychain at hand, its slot cannot be rewrapped: dropped, and said so.
    const dropped = await again.changePassword('a brand new password', 'a third new password');
    expect(dropped.dropped).toEqual(['memory']);
    expect(again.keychainState()).toEqual({ enabled: false, backend: null, slots: [] });
    again.close();
  });
});

/**
 * Quick-unlock slots (issue 12 item 2): the app (a safeStorage-like backend that keeps its
 * secret in the vault's blob) and the CLI (the real Secret Service when one runs — required
 * under CI — else the in-memory keychain) both quick-unlock the same vault.
 */
describe('one slot per backend: app-style and CLI-style quick unlock on one vault', () => {
  const cliStyle = (): KeyProtector => (realInfo.strength === 'strong' ? real : new MemoryKeyProtector());

  test('both unlock; each can be removed on its own; a re-key keeps what it reaches and names what it drops', async () => {
    const app = new MemoryKeyProtector({ backend: 'safeStorage:gnome_libsecret', inBlob: true });
    const cli = cliStyle();
    const cliBackend = (await cli.info()).backend;
    const v = await createTestVault(dir);
    const ids = addSamples(v);
    await v.enableKeychain(app);
    await v.enableKeychain(cli);
    expect(v.keychainState()).toEqual({ enabled: true, backend: 'safeStorage:gnome_libsecret', slots: ['safeStorage:gnome_libsecret', cliBackend] });
    expect(v.keychainState(cliBackend).enabled).toBe(true);
    expect(v.keychainState('macos-keychain').enabled).toBe(false);
    v.close();

    for (const p of [app, cli]) {
      const locked = Vault.open(v.path);
      await locked.unlockWithKeychain(p);
      expect(locked.tokens.readSecret(ids[0]!, 'get').value).toBe(SAMPLE_TOKENS[0].token);
      locked.close();
    }
    // A backend without a slot is told which ones have one.
    const other = new MemoryKeyProtector({ backend: 'windows-credential-manager' });
    const locked = Vault.open(v.path);
    await expect(locked.unlockWithKeychain(other)).rejects.toThrow(
      `Quick unlock is not enabled for windows-credential-manager on this vault (only for safeStorage:gnome_libsecret, ${cliBackend})`,
    );

    // The CLI removes the app's slot by name: its own is rewrapped under the new key and still works.
    await locked.unlock(TEST_PASSWORD);
    const removed = await locked.disableKeychain(cli, TEST_PASSWORD, 'safeStorage:gnome_libsecret');
    expect(removed).toMatchObject({ removed: true, kept: [cliBackend], dropped: [] });
    locked.close();
    const again = Vault.open(v.path);
    expect(again.keychainState().slots).toEqual([cliBackend]);
    await expect(codeOf(again.unlockWithKeychain(app))).resolves.toBe('KEYCHAIN_NOT_ENABLED');
    await again.unlockWithKeychain(cli);

    // The app turns its quick unlock on again; then a password change in the app keeps the
    // app's slot and drops the CLI's, which the app cannot reach.
    await again.enableKeychain(app);
    const changed = await again.changePassword(TEST_PASSWORD, 'the app changed it', undefined, [app]);
    expect(changed).toEqual({ kept: ['safeStorage:gnome_libsecret'], dropped: [cliBackend], forgetProblem: null });
    expect(droppedMessage(changed.dropped)).toBe(
      `quick unlock through ${cliBackend} was turned off: the vault key was replaced and that keychain could not be reached from here to keep it. Turn it on again there.`,
    );
    const log = again.audit.log();
    expect(log.at(-1)).toMatchObject({ action: 'password-change', detail: `vault key replaced; quick unlock dropped: ${cliBackend}` });
    again.close();
    const last = Vault.open(v.path);
    await last.unlockWithKeychain(app);
    await expect(codeOf(last.unlockWithKeychain(cli))).resolves.toBe('KEYCHAIN_NOT_ENABLED');
    last.close();
    await cli.forget(v.vaultId);
  });
});
