/**
 * Restoring a backup: into a new vault (everything as it was — token, account and platform
 * ids, dates, check results, history), or merged into an unlocked vault by the rule in
 * merge-plan.ts. Each is one transaction; a failure leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../ports';
import { assertPassword, type KdfChoice } from '../vault/key-wrap';
import { Vault } from '../vault/vault';
import type { MergeSummary, PortableRecords } from './records';
import { readBackup } from './backup-file';
import type { BackupPayload } from './payload';

/** Options of a restore into a new vault. */
export interface RestoreOptions {
  /** Argon2id settings for the new master password. */
  readonly kdf?: KdfChoice | undefined;
  readonly clock?: Clock | undefined;
}

/** What a restore into a new vault wrote. */
export interface RestoreResult {
  readonly path: string;
  readonly tokens: number;
  readonly platforms: number;
}

/** The backup, named for audit entries by its source vault and date (never its content). */
function sourceOf(p: BackupPayload): string {
  return `backup of vault ${p.vaultId.slice(0, 8)} taken ${p.exportedAt}`;
}

/** The records alone (the payload's other fields describe the backup). */
function recordsOf(p: BackupPayload): PortableRecords {
  return { platforms: p.platforms, accounts: p.accounts, tokens: p.tokens };
}

function vaultExists(path: string): AppError {
  return new AppError('VAULT_EXISTS', `A vault already exists at ${path}; merge the backup into it instead.`);
}

/**
 * Creates a vault at `path` holding exactly what `payload` holds. Built under a temporary
 * name beside `path`, checked, closed, then moved into place without replacing anything: a
 * failure at any step leaves no file behind, and an existing vault is never touched.
 */
export async function restorePayloadToNewVault(
  payload: BackupPayload,
  path: string,
  masterPassword: string,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  assertPassword(masterPassword);
  if (existsSync(path)) throw vaultExists(path);
  const tmp = join(dirname(path), `.${basename(path)}.restore-${randomBytes(6).toString('hex')}.tmp`);
  const leftovers = [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`];
  let vault: Vault | null = null;
  try {
    vault = await Vault.create(tmp, masterPassword, { ...(opts.kdf ? { kdf: opts.kdf } : {}), ...(opts.clock ? { clock: opts.clock } : {}) });
    const summary = vault.backup.restore(recordsOf(payload), sourceOf(payload));
    vault.verifyAll(); // every envelope written opens again
    vault.close(); // checkpoints the write-ahead log into the file
    vault = null;
    if ((statSync(`${tmp}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
      throw new AppError('INTERNAL', 'The restored vault could not be completed (its write-ahead log was not checkpointed). Nothing was created.');
    }
    try {
      linkSync(tmp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw vaultExists(path);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
      if (existsSync(path)) throw vaultExists(path);
      renameSync(tmp, path);
    }
    return { path, tokens: summary.added, platforms: summary.platforms.added };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INTERNAL', `Could not create the vault at ${path}. Nothing was created.`, { cause: e });
  } finally {
    vault?.close();
    for (const f of leftovers) rmSync(f, { force: true });
  }
}

/** Reads the backup (refusing a wrong password or damage before anything is created), then restores it into a new vault. */
export async function restoreBackupToNewVault(
  file: string,
  backupPassword: string,
  newVaultPath: string,
  newMasterPassword: string,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  assertPassword(newMasterPassword);
  if (existsSync(newVaultPath)) throw vaultExists(newVaultPath);
  const payload = await readBackup(file, backupPassword);
  return restorePayloadToNewVault(payload, newVaultPath, newMasterPassword, opts);
}

/** Options of a merge. */
export interface MergeOptions {
  /** Decide and report, write nothing. */
  readonly dryRun?: boolean | undefined;
}

/**
 * Merges a backup into the unlocked `vault` (one transaction, audited once as 'restore'):
 * tokens matched by id, else by value; the later `updatedAt` wins as a whole record; no value
 * is lost (a losing value goes to the token's history); nothing is deleted.
 */
export function mergeBackup(vault: Vault, payload: BackupPayload, opts: MergeOptions = {}): MergeSummary {
  return opts.dryRun ? vault.backup.preview(recordsOf(payload)) : vault.backup.merge(recordsOf(payload), sourceOf(payload));
}
