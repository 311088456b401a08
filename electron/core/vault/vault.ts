/**
 * The vault: one SQLite file whose records are sealed with a random vault key, itself kept
 * only wrapped (by the master password through Argon2id, optionally by the OS keychain).
 *
 * A kernel (kernel.ts: the file, keys, state, write transaction, audit, manifest) and the
 * modules over it, each one concept:
 *   vault.tokens          list, search, get, secrets, add, edit, remove, import (tokens.ts)
 *   vault.results         check results, revocation, rotation, value history (platform-results.ts)
 *   vault.customPlatforms user-defined platforms (custom-platforms.ts)
 *   vault.audit           the audit log and one token's entries (audit-trail.ts)
 *   vault.backup          backup, restore and merge (core/backup/vault-backup.ts)
 * and the lifecycle and key operations here. `Vault.create` / `Vault.open` (locked) →
 * `unlock` → … → `lock` / `close`.
 */
import { createHash } from 'node:crypto';
import { reminderDaysSchema } from '../../../shared/domain/reminder-policy';
import type { KeychainInfo, KeyProtector } from '../ports';
import { VaultBackup } from '../backup/vault-backup';
import { readAudit } from './audit-log';
import { AuditTrail } from './audit-trail';
import type { KdfParams } from './crypto/kdf';
import { CustomPlatforms } from './custom-platforms';
import { VaultKernel, type VaultOptions } from './kernel';
import * as keyOps from './key-ops';
import type { KdfChoice } from './key-wrap';
import { PlatformResults } from './platform-results';
import { Tokens } from './tokens';
import { secretIn } from './vault-records';
import type { TokenRec } from './vault-state';

export type { KdfChoice } from './key-wrap';
export type { VaultOptions } from './kernel';
export type { KeychainState, RekeyOutcome } from './key-ops';
export { droppedMessage } from './key-ops';
export type { AddResult, SecretAction } from './tokens';
export type { ImportResult } from './token-import';
export type { CheckRecord } from './platform-results';
export type { MergeConflict, MergeSummary, PortableRecords } from '../backup/records';

/** The plaintext reminder days of an expiry row, checked like user input; null when absent or unreadable. */
function storedReminderDays(text: string | null): readonly number[] | null {
  if (text === null) return null;
  try {
    return reminderDaysSchema.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}

/** An open vault file. See the module comment. */
export class Vault {
  readonly tokens: Tokens;
  readonly results: PlatformResults;
  readonly customPlatforms: CustomPlatforms;
  readonly audit: AuditTrail;
  readonly backup: VaultBackup;

  private constructor(private readonly kernel: VaultKernel) {
    this.tokens = new Tokens(kernel);
    this.results = new PlatformResults(kernel, this.tokens);
    this.customPlatforms = new CustomPlatforms(kernel);
    this.audit = new AuditTrail(kernel);
    this.backup = new VaultBackup(kernel);
  }

  /** Creates a new vault file (0600, folder 0700) and returns it unlocked. */
  static async create(path: string, password: string, opts: VaultOptions & { kdf?: KdfChoice } = {}): Promise<Vault> {
    return new Vault(await VaultKernel.create(path, password, opts));
  }

  /** Opens an existing vault, locked. Checks it is a vault this version can read; writes nothing. */
  static open(path: string, opts: VaultOptions = {}): Vault {
    return new Vault(VaultKernel.open(path, opts));
  }

  /** The vault file's path. */
  get path(): string {
    return this.kernel.path;
  }

  /** Hex id of this vault. */
  get vaultId(): string {
    return this.kernel.vaultId;
  }

  /** True between unlock and lock. */
  get isUnlocked(): boolean {
    return this.kernel.isUnlocked;
  }

  /**
   * Calls `listener` whenever the records may have changed (a write, another process's
   * commit seen, a lock). Returns the unsubscribe. See VaultKernel.onChange.
   */
  onChange(listener: () => void): () => void {
    return this.kernel.onChange(listener);
  }

  /** KDF parameters (without the salt), for status displays. */
  kdfSettings(): Omit<KdfParams, 'salt'> {
    const { salt: _salt, ...rest } = this.kernel.header().kdf;
    return rest;
  }

  /** Unlocks with the master password. Throws WRONG_PASSWORD (nothing changes) or VAULT_DAMAGED. */
  unlock(password: string): Promise<void> {
    return keyOps.unlockWithPassword(this.kernel, password);
  }

  /** Unlocks with the secret kept in the OS keychain. */
  unlockWithKeychain(protector: KeyProtector): Promise<void> {
    return keyOps.unlockWithKeychain(this.kernel, protector);
  }

  /** Forgets the keys and every decrypted record. */
  lock(): void {
    this.kernel.lock();
  }

  /** Locks and closes the file. */
  close(): void {
    this.kernel.close();
  }

  /**
   * Changes the master password and re-keys: a fresh vault key, every record and the audit
   * chain re-sealed (key-ops.ts). The quick-unlock slots of `protectors` (the keychains this
   * host reaches) are kept; the others are dropped and named in the outcome.
   */
  changePassword(current: string, next: string, kdf?: KdfChoice, protectors: readonly KeyProtector[] = []): Promise<keyOps.RekeyOutcome> {
    return keyOps.changePassword(this.kernel, current, next, kdf, protectors);
  }

  /** Enables quick unlock through `protector` (its backend's slot; other backends' slots stay). */
  enableKeychain(protector: KeyProtector): Promise<KeychainInfo> {
    return keyOps.enableKeychain(this.kernel, protector);
  }

  /**
   * Turns quick unlock off for `backend` (default: `protector`'s) and re-keys; needs the master
   * password. Deletes the keychain entry where `protector` is that backend.
   */
  disableKeychain(protector: KeyProtector, password: string, backend?: string): Promise<keyOps.RekeyOutcome & { readonly removed: boolean }> {
    return keyOps.disableKeychain(this.kernel, protector, password, backend);
  }

  /** The quick-unlock slots; `enabled` says whether `backend` (default: any) has one. Works while locked. */
  keychainState(backend?: string): keyOps.KeychainState {
    return keyOps.keychainState(this.kernel, backend);
  }

  /**
   * Every remindable token's expiry (a day or an instant) and reminder days, readable while
   * locked (the plaintext copy reminders use; unlock checks it against the sealed one). Never a
   * name or an account; revoked tokens have none. Unparseable reminder days read as the global
   * policy rather than failing the reminders.
   */
  expirySchedule(): { tokenId: string; expiry: string; reminderDays: readonly number[] | null }[] {
    return this.kernel.guard(() =>
      this.kernel.repo.expiries().map((r) => ({ tokenId: r.id.toString('hex'), expiry: r.expires_at, reminderDays: storedReminderDays(r.remind_days) })),
    );
  }

  /**
   * Opens every envelope (overviews, secrets, audit chain): a full integrity check. Returns
   * counts and a digest of all secret content, so two vaults can be compared for equality
   * without printing a value.
   */
  verifyAll(): { tokens: number; accounts: number; auditEntries: number; secretsDigest: string } {
    return this.kernel.read((ctx) => {
      const digest = createHash('sha256');
      for (const id of [...ctx.state.tokens.keys()].sort()) {
        const s = secretIn(ctx, ctx.state.tokens.get(id) as TokenRec);
        digest.update(JSON.stringify([id, s.value, s.notes]));
      }
      const log = readAudit(ctx.repo, ctx.keys, ctx.vaultId, ctx.state.auditHead);
      return { tokens: ctx.state.tokens.size, accounts: ctx.state.accounts.size, auditEntries: log.length, secretsDigest: digest.digest('hex') };
    });
  }
}
