/**
 * The name of the OS keychain backend KeyringProtector uses on a platform, known without
 * loading the (native, slow to load) keychain library: the CLI asks whether the vault has a
 * quick-unlock slot for it before deciding to load it.
 */

/** The backends KeyringProtector speaks to. */
export type KeyringBackend = 'secret-service' | 'macos-keychain' | 'windows-credential-manager';

/** Which backend the keychain library uses on `platform`. */
export function keyringBackendName(platform: NodeJS.Platform = process.platform): KeyringBackend {
  if (platform === 'darwin') return 'macos-keychain';
  if (platform === 'win32') return 'windows-credential-manager';
  return 'secret-service';
}
