/** Channels about the session itself: the vault file and its lock, quick unlock, settings, activity. */
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Response } from '../../../shared/ipc/contract';
import { Vault } from '../vault/vault';
import type { HandlerContext } from './handler-context';
import type { Handlers } from './handlers';

/** The vault.*, keychain.*, settings.* and app.activity handlers. */
export function sessionHandlers(s: HandlerContext) {
  const d = s.deps;
  const keychainStatus = async (): Promise<Response<'keychain.status'>> => {
    const available = await d.keyProtector.info();
    // Before the first vault exists, the backend's strength is still worth showing.
    if (!s.hasOpenVault() && !existsSync(d.vaultPath)) return { enabled: false, backend: null, slots: [], available };
    const state = s.opened().keychainState(available.backend);
    return { enabled: state.enabled, backend: state.backend, slots: [...state.slots], available };
  };
  return {
    'vault.status': async () => {
      const exists = existsSync(d.vaultPath);
      return {
        exists,
        unlocked: s.hasOpenVault() && s.opened().isUnlocked,
        path: d.vaultPath,
        rollback: s.rollbackWarning(),
        quickUnlock: exists ? s.opened().keychainState((await d.keyProtector.info()).backend).enabled : false,
      };
    },
    'vault.create': async ({ password }) => {
      // Checked here too (create itself never overwrites): a failed create must leave the
      // open vault as it was, not closed under the session's feet.
      if (existsSync(d.vaultPath)) throw new AppError('VAULT_EXISTS', 'A vault already exists; unlock it instead.');
      const created = await Vault.create(d.vaultPath, password, { ...(d.kdf ? { kdf: d.kdf } : {}), ...(d.clock ? { clock: d.clock } : {}) });
      s.adopt(created);
      return null;
    },
    'vault.unlock': async ({ password }) => {
      await s.opened().unlock(password);
      s.unlockedNow();
      return null;
    },
    'vault.unlockWithKeychain': async () => {
      await s.opened().unlockWithKeychain(d.keyProtector);
      s.unlockedNow();
      return null;
    },
    'vault.lock': async () => {
      await s.lock('user');
      return null;
    },
    'vault.changePassword': async ({ current, next }) => {
      // Re-keys; the app's own quick-unlock slot is kept, the CLI's is dropped (it cannot be reached from here).
      const outcome = await s.unlocked().changePassword(current, next, undefined, [d.keyProtector]);
      return { dropped: [...outcome.dropped] };
    },
    'settings.get': async () => d.settings.get(),
    'settings.set': async (patch) => {
      const next = d.settings.set(patch);
      s.settingsChanged();
      return next;
    },
    'keychain.status': keychainStatus,
    'keychain.enable': async () => {
      await s.unlocked().enableKeychain(d.keyProtector);
      return keychainStatus();
    },
    'keychain.disable': async ({ password }) => {
      // Re-keys (the master password wraps the new key). The slot is gone even when the
      // keychain could not be reached to forget its entry, which then opens nothing written since.
      const outcome = await s.unlocked().disableKeychain(d.keyProtector, password);
      return { ...(await keychainStatus()), dropped: [...outcome.dropped] };
    },
    'app.activity': async () => {
      s.touch();
      return null;
    },
  } satisfies Partial<Handlers>;
}
