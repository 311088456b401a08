/**
 * Quick unlock through the CLI against a real Secret Service (gnome-keyring in a private
 * D-Bus session, started by `npm test` via scripts/with-secret-service.sh). Without one the
 * tests skip locally and fail under CI. They never run against a desktop session's own
 * keyring: only inside the wrapper (PATVAULT_IN_SECRET_SERVICE=1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyringProtector } from '../core/keychain/keyring-protector';
import { MemoryKeyProtector } from '../core/keychain/memory-protector';
import { Vault } from '../core/vault/vault';
import type { TokenJson } from './format/tokens';
import { buildCli, createVault, failsWith, json, ok, openVault, runCli, vaultRunner } from './test-support';

const inCi = !['', '0', 'false'].includes((process.env['CI'] ?? '').trim().toLowerCase());
const available = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']) && process.env['PATVAULT_IN_SECRET_SERVICE'] === '1';

if (!available && !inCi) {
  console.warn('cli-keychain: no private Secret Service (run through `npm test` or scripts/with-secret-service.sh); skipping.');
}

describe('keychain commands', () => {
  it.runIf(!available && inCi)('needs a Secret Service under CI', () => {
    expect.fail('No Secret Service: run the tests through scripts/with-secret-service.sh (npm test does).');
  });

  describe.runIf(available)('with a Secret Service', () => {
    let dir: string;
    let path: string;
    let vaultId: string;
    let id: string;
    const noPassword = (args: string[], input = '') => runCli(['--vault', path, ...args], { input });

    beforeAll(async () => {
      buildCli();
      dir = mkdtempSync(join(tmpdir(), 'patvault-cli-kc-'));
      path = join(dir, 'vault.sqlite');
      const v = await createVault(path);
      vaultId = v.vaultId;
      id = v.tokens.add({ platform: 'github', account: 'kc', name: 'keychain token', token: 'ghp_keychain_value' }).id;
      v.close();
    });

    afterAll(async () => {
      await new KeyringProtector().forget(vaultId).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    });

    it('enable → commands unlock without a password; disable → they ask for one again', async () => {
      const run = vaultRunner(path);
      expect(json(await noPassword(['keychain', 'status', '--json']))).toMatchObject({ enabled: false, strength: 'strong' });
      expect(ok(await run(['keychain', 'enable']))).toBe('quick unlock enabled (secret-service, strong)\n');
      expect(json(await noPassword(['keychain', 'status', '--json']))).toMatchObject({
        enabled: true,
        backend: 'secret-service',
        strength: 'strong',
        slots: [{ backend: 'secret-service', thisHost: true }],
      });

      // No --password-stdin and no terminal: quick unlock or nothing.
      expect(json<TokenJson[]>(await noPassword(['list', '--json'])).map((t) => t.id)).toEqual([id]);
      expect((await noPassword(['get', id])).stdout).toBe('ghp_keychain_value\n');
      // add reads the value from the first stdin line after quick unlock.
      const added = ok(await noPassword(['add', '--platform', 'gitlab', '--account', 'kc', '--name', 'added'], 'glpat-after-quick-unlock\n')).trim();
      expect((await run(['get', added])).stdout).toBe('glpat-after-quick-unlock\n');
      // --no-keychain skips it.
      expect(failsWith(await noPassword(['--no-keychain', 'list']), 1)).toMatch(/use --password-stdin/);

      // Turning it off re-keys, so it asks for the master password (never quick unlock).
      expect(failsWith(await noPassword(['keychain', 'disable']), 1)).toBe('patvault: no terminal to ask for the master password; use --password-stdin');
      const off = await run(['keychain', 'disable']);
      expect(ok(off)).toBe('quick unlock disabled\n');
      expect(off.stderr).toContain('vault key replaced');
      expect(json(await noPassword(['keychain', 'status', '--json']))).toMatchObject({ enabled: false });
      expect(failsWith(await noPassword(['list']), 1)).toBe('patvault: no terminal to ask for the master password; use --password-stdin');
      expect(json<unknown[]>(await run(['list', '--json']))).toHaveLength(2);
    });

    it('a keychain entry that went missing falls back to the password, in one line', async () => {
      const run = vaultRunner(path);
      ok(await run(['keychain', 'enable']));
      await new KeyringProtector().forget(vaultId);
      const line = failsWith(await noPassword(['list']), 1);
      expect(line).toMatch(/^patvault: quick unlock failed \(.*\); no terminal to ask for the master password; use --password-stdin$/);
      expect(json<unknown[]>(await run(['list', '--json']))).toHaveLength(2);
      ok(await run(['keychain', 'disable']));
    });

    it("the app's slot and the CLI's side by side: status lists both, each unlocks, each is removed on its own", async () => {
      const run = vaultRunner(path);
      // The app's quick unlock, as its safeStorage adapter keeps it: the secret in the vault's blob.
      const app = new MemoryKeyProtector({ backend: 'safeStorage:gnome_libsecret', inBlob: true });
      const v = await openVault(path);
      await v.enableKeychain(app);
      v.close();
      ok(await run(['keychain', 'enable']));
      const status = ok(await noPassword(['keychain', 'status']));
      expect(status).toContain('enabled:  yes\n');
      expect(status).toContain('slots:    safeStorage:gnome_libsecret, secret-service (this host)\n');
      // Both quick-unlock the same vault: the CLI here, the app in-process.
      expect(json<TokenJson[]>(await noPassword(['list', '--json']))).toHaveLength(2);
      const inApp = Vault.open(path);
      await inApp.unlockWithKeychain(app);
      inApp.close();

      expect(failsWith(await run(['keychain', 'disable', '--backend', 'kwallet']), 1)).toBe(
        'patvault: This vault has no quick-unlock slot for kwallet (slots: safeStorage:gnome_libsecret, secret-service).',
      );
      // The app's slot removed from the CLI: the CLI's own is rewrapped and still works.
      ok(await run(['keychain', 'disable', '--backend', 'safeStorage:gnome_libsecret']));
      expect(json(await noPassword(['keychain', 'status', '--json']))).toMatchObject({ enabled: true, slots: [{ backend: 'secret-service', thisHost: true }] });
      expect(json<TokenJson[]>(await noPassword(['list', '--json']))).toHaveLength(2);

      // passwd re-keys and keeps this host's slot; an app slot it cannot reach is dropped, and named.
      const again = await openVault(path);
      await again.enableKeychain(app);
      again.close();
      const changed = await run(['passwd'], ['a new master password']);
      expect(ok(changed)).toBe('master password changed\n');
      expect(changed.stderr).toBe(
        'patvault: quick unlock through safeStorage:gnome_libsecret was turned off: the vault key was replaced and that keychain could not be reached from here to keep it. Turn it on again there.\n',
      );
      expect(json(await noPassword(['keychain', 'status', '--json']))).toMatchObject({ slots: [{ backend: 'secret-service', thisHost: true }] });
      expect(json<TokenJson[]>(await noPassword(['list', '--json']))).toHaveLength(2);
      ok(await vaultRunner(path, 'a new master password')(['keychain', 'disable']));
    });
  });
});
