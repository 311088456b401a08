/**
 * Where the vault file lives when the user does not say. The desktop app keeps its data in
 * Electron's per-user folder (`app.getPath('userData')`, named after productName "PAT Vault"),
 * so the CLI computes the same folder without Electron and both find the same vault.
 */
import { posix, resolve, win32 } from 'node:path';
import { homedir } from 'node:os';

/** Folder name Electron derives from package.json's productName. */
export const APP_FOLDER = 'PAT Vault';

/** File name of the vault inside the app's data folder. */
export const VAULT_FILE = 'vault.sqlite';

/** What the resolution depends on; injectable so tests can ask about other platforms. */
export interface PathEnv {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

const nonEmpty = (s: string | undefined): string | undefined => (s !== undefined && s.trim() !== '' ? s : undefined);

/**
 * The desktop app's vault path for this user:
 * Linux `$XDG_CONFIG_HOME/PAT Vault/vault.sqlite` (default `~/.config`),
 * macOS `~/Library/Application Support/PAT Vault/vault.sqlite`,
 * Windows `%APPDATA%\PAT Vault\vault.sqlite`.
 */
export function defaultVaultPath(
  p: PathEnv = { env: process.env, platform: process.platform, home: homedir() },
): string {
  if (p.platform === 'win32') {
    const appData = nonEmpty(p.env['APPDATA']) ?? win32.join(p.home, 'AppData', 'Roaming');
    return win32.join(appData, APP_FOLDER, VAULT_FILE);
  }
  if (p.platform === 'darwin') {
    return posix.join(p.home, 'Library', 'Application Support', APP_FOLDER, VAULT_FILE);
  }
  // The XDG spec says relative values are invalid and must be ignored (Chromium does too).
  const xdg = nonEmpty(p.env['XDG_CONFIG_HOME']);
  const config = xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(p.home, '.config');
  return posix.join(config, APP_FOLDER, VAULT_FILE);
}

/**
 * The vault path for a command: `--vault PATH`, else `PATVAULT_VAULT`, else the app's
 * default. Relative paths are made absolute so messages name the real file.
 */
export function resolveVaultPath(
  flag: string | undefined,
  p: PathEnv = { env: process.env, platform: process.platform, home: homedir() },
): string {
  const chosen = nonEmpty(flag) ?? nonEmpty(p.env['PATVAULT_VAULT']);
  return chosen !== undefined ? resolve(chosen) : defaultVaultPath(p);
}
