/**
 * KeyProtector over Electron's safeStorage (quick unlock in the app). safeStorage encrypts
 * with a key the OS keychain holds; the encrypted blob is returned to the vault to store.
 * Type-checked only: Electron cannot run on the build machines.
 */
import { safeStorage } from 'electron';
import { AppError } from '../../../shared/errors';
import type { KeychainInfo, KeyProtector } from '../../core/ports';
import { decodeSafeStoragePayload, encodeSafeStoragePayload } from './safe-storage-envelope';

/** What getSelectedStorageBackend() may return on Linux. */
type LinuxBackend = ReturnType<typeof safeStorage.getSelectedStorageBackend>;

/**
 * Strength of a Linux backend. `basic_text` encrypts with a hard-coded password, i.e. not at
 * all; `unknown` means the app is not ready. Both count as no keychain, never silently used.
 */
function linuxStrength(backend: LinuxBackend): KeychainInfo {
  const name = `safeStorage:${backend}`;
  switch (backend) {
    case 'gnome_libsecret':
    case 'kwallet':
    case 'kwallet5':
    case 'kwallet6':
      return { backend: name, strength: 'strong', detail: `The key is protected by the desktop keyring (${backend}).` };
    case 'basic_text':
      return {
        backend: name,
        strength: 'none',
        detail: 'No desktop keyring was found; Electron would fall back to a fixed password, so quick unlock is off.',
      };
    case 'unknown':
      return { backend: name, strength: 'none', detail: 'The keyring backend is not known yet (app not ready).' };
  }
}

/** Describes the backend for the current platform. Never throws. */
async function describe(platform: NodeJS.Platform): Promise<KeychainInfo> {
  try {
    const available = await safeStorage.isAsyncEncryptionAvailable();
    if (platform === 'linux') {
      const info = linuxStrength(safeStorage.getSelectedStorageBackend());
      return available || info.strength === 'none'
        ? info
        : { ...info, strength: 'none', detail: 'The desktop keyring did not provide a key.' };
    }
    const backend = platform === 'darwin' ? 'safeStorage:macos-keychain' : `safeStorage:${platform}`;
    if (!available) return { backend, strength: 'none', detail: 'OS encryption is not available.' };
    if (platform === 'darwin') return { backend, strength: 'strong', detail: 'The key is protected by the macOS Keychain.' };
    if (platform === 'win32') return { backend, strength: 'strong', detail: 'The key is protected by Windows DPAPI for this user.' };
    return { backend, strength: 'none', detail: 'This platform has no supported keychain.' };
  } catch {
    return { backend: 'safeStorage', strength: 'none', detail: 'The keychain could not be queried.' };
  }
}

/** Creates the safeStorage protector. `platform` is injectable only to make intent explicit. */
export function createSafeStorageProtector(platform: NodeJS.Platform = process.platform): KeyProtector {
  const requireUsable = async (): Promise<void> => {
    const info = await describe(platform);
    if (info.strength === 'none') throw new AppError('KEYCHAIN_UNAVAILABLE', `Quick unlock is unavailable: ${info.detail}`);
  };

  return {
    info: () => describe(platform),

    async protect(vaultId, secret) {
      await requireUsable();
      // The base64 copy is a JS string we cannot wipe; safeStorage accepts nothing else.
      return safeStorage.encryptStringAsync(encodeSafeStoragePayload(vaultId, secret));
    },

    async recover(vaultId, stored) {
      await requireUsable();
      let payload: string;
      try {
        // shouldReEncrypt is ignored: the old blob keeps decrypting, and the port has no
        // re-wrap hook; re-enabling quick unlock writes a fresh blob.
        ({ result: payload } = await safeStorage.decryptStringAsync(stored));
      } catch {
        // The keychain key changed or was removed (new OS profile, keyring reset).
        throw new AppError('KEYCHAIN_NOT_ENABLED', 'The keychain no longer holds the quick-unlock key; unlock with the password.');
      }
      const secret = decodeSafeStoragePayload(vaultId, payload);
      if (secret === null) {
        throw new AppError('KEYCHAIN_NOT_ENABLED', 'The stored quick-unlock key does not belong to this vault; unlock with the password.');
      }
      return secret;
    },

    // The secret exists only inside the blob the vault stores, and safeStorage has nothing to
    // delete. What cuts a removed slot's secret off is the vault: turning quick unlock off
    // removes the slot and re-keys (core/vault/key-ops.ts), so the secret — even one copied out
    // of an older file — unwraps only the old vault key, which opens nothing written since.
    forget: async () => {},
  };
}
