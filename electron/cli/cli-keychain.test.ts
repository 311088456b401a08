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
import type { TokenJson } from './format/tokens';
import { buildCli, createVault, failsWith, json, ok, runCli, vaultRunner } from './test-support';

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
      expect(json(await noPassword(['keychain', 'status', '--json']))).toMatchObject({ enabled: true, backend: 'secret-service', strength: 'strong' });

      // No --password-stdin and no terminal: quick unlock or nothing.
      expect(json<TokenJson[]>(await noPassword(['list', '--json'])).map((t) => t.id)).toEqual([id]);
      expect((await noPassword(['get', id])).stdout).toBe('ghp_keychain_value\n');
      // add reads the value from the first stdin line after quick unlock.
      const added = ok(await noPassword(['add', '--platform', 'gitlab', '--account', 'kc', '--name', 'added'], 'glpat-after-quick-unlock\n')).trim();
      expect((await run(['get', added])).stdout).toBe('glpat-after-quick-unlock\n');
      // --no-keychain skips it.
      expect(failsWith(await noPassword(['--no-keychain', 'list']), 1)).toMatch(/use --password-stdin/);

      expect(ok(await noPassword(['keychain', 'disable']))).toBe('quick unlock disabled\n');
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
  });
});
