/** What the file flows need from the app session, and the checks they share. */
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { Clock, FileDialogs, FileFilter } from '../../ports';
import type { KdfChoice } from '../../vault/key-wrap';
import type { Vault } from '../../vault/vault';
import type { SettingsStore } from '../../settings/settings-store';
import type { ChosenFiles } from './chosen-files';

/** The session as the file flows see it. */
export interface FileFlowContext {
  readonly dialogs: FileDialogs;
  readonly files: ChosenFiles;
  readonly vaultPath: string;
  /** KDF for new vaults and backup passwords (tests use the floor; default RFC 9106's). */
  readonly kdf: KdfChoice | undefined;
  readonly clock: Clock;
  readonly settings: SettingsStore;
  /** The unlocked vault, or AppError VAULT_MISSING / VAULT_LOCKED. */
  unlocked(): Vault;
  /** Makes a freshly restored, unlocked vault the session's vault. */
  adopt(vault: Vault): void;
}

/** Offered in every open dialog, so a file with an unusual extension can still be picked. */
export const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

/** The extension `patvault backup` files carry. */
export const BACKUP_FILTER: FileFilter = { name: 'PAT Vault backup', extensions: ['patvault-backup'] };

const same = (a: string, b: string): boolean =>
  process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;

/** The real path of `p` when it exists, else `p` resolved (what a rename onto it would replace). */
function real(p: string): string {
  try {
    return existsSync(p) ? realpathSync(p) : resolve(p);
  } catch {
    return resolve(p);
  }
}

/**
 * Refuses a save target that is the vault file or one of SQLite's files beside it: the save
 * dialog confirms replacing a file, and replacing the vault with an export would destroy it.
 */
export function assertNotVaultFile(target: string, vaultPath: string): void {
  const t = real(target);
  for (const f of [vaultPath, `${vaultPath}-wal`, `${vaultPath}-shm`, `${vaultPath}-journal`]) {
    if (same(t, real(f))) throw new AppError('BAD_INPUT', 'That is the vault file itself: choose another name. Nothing was written.');
  }
}
