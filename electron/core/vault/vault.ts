/**
 * The vault: one SQLite file whose records are sealed with a random vault key, itself kept
 * only wrapped (by the master password through Argon2id, optionally by the OS keychain).
 *
 * Lifecycle: `Vault.create` or `Vault.open` (locked) → `unlock` → reads and writes → `lock`
 * / `close`. Every write is one IMMEDIATE transaction that also re-seals the manifest, so
 * another process (the app and the CLI share the file) sees all of it or nothing; before
 * each operation the vault reloads if another connection has committed since.
 */
import { reminderDaysSchema } from '../../../shared/domain/reminder-policy';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/errors';
import type { AuditAction, AuditEntry } from '../../../shared/domain/token';
import { systemClock, type Clock, type KeychainInfo, type KeyProtector } from '../ports';
import { openDatabase } from '../db/connection';
import { migrate, assertNotNewer } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { sqliteToAppError } from '../db/sqlite-errors';
import { VaultRepo } from '../db/vault-repo';
import type { KdfParams } from './crypto/kdf';
import { deriveVaultKeys, newVaultKey, type VaultKeys } from './crypto/keys';
import { VAULT_FORMAT, VAULT_ID_BYTES, headerRow, parseHeader, type VaultHeader } from './format/header';
import { appendAudit, extendAudit, readAudit, type AuditIndex } from './audit-log';
import { EMPTY_AUDIT_HEAD, computeManifest } from './manifest';
import { loadState, orderedBucketTags, type VaultState } from './vault-state';
import { flushBuckets, type WriteCtx } from './vault-records';
import {
  assertPassword,
  kdfFrom,
  unwrapWithKeychainSecret,
  unwrapWithPassword,
  wrapWithKeychainSecret,
  wrapWithPassword,
  type KdfChoice,
} from './key-wrap';

export type { KdfChoice } from './key-wrap';

/** Options for create/open. */
export interface VaultOptions {
  readonly clock?: Clock;
}

/** Quick-unlock state as stored in the vault. */
export interface KeychainState {
  readonly enabled: boolean;
  readonly backend: string | null;
}

interface Unlocked {
  readonly keys: VaultKeys;
  state: VaultState | null;
  /** Audit entries verified for `state` (dropped with it, so a reload reads the log again). */
  audit?: { readonly state: VaultState; readonly index: AuditIndex };
}

/** Base class: the open file, its header, keys and state. Token operations live in TokenVault. */
export class Vault {
  protected unlocked: Unlocked | null = null;
  protected readonly repo: VaultRepo;
  protected readonly clock: Clock;

  /** Internal: use `create` or `open`, which check the file before handing it out. */
  constructor(
    protected readonly db: Database.Database,
    readonly path: string,
    protected readonly vaultIdBytes: Buffer,
    opts: VaultOptions,
  ) {
    this.repo = new VaultRepo(db);
    this.clock = opts.clock ?? systemClock;
  }

  /** Creates a new vault file (0600, folder 0700) and returns it unlocked. */
  static async create<T extends Vault>(
    this: new (db: Database.Database, path: string, id: Buffer, opts: VaultOptions) => T,
    path: string,
    password: string,
    opts: VaultOptions & { kdf?: KdfChoice } = {},
  ): Promise<T> {
    assertPassword(password);
    const kdf = kdfFrom(opts.kdf);
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } catch {
      throw new AppError('BAD_INPUT', `Cannot create the folder for ${path}: check the path and its permissions.`);
    }
    const db = openDatabase(path, { create: true });
    const removeFiles = (): void => {
      db.close();
      for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    };
    try {
      migrate(db, MIGRATIONS);
      const vaultId = randomBytes(VAULT_ID_BYTES);
      const vaultKey = newVaultKey();
      const header: VaultHeader = {
        vaultId,
        format: VAULT_FORMAT,
        kdf,
        passwordWrap: await wrapWithPassword(password, kdf, vaultId, vaultKey),
        keychain: null,
        manifest: Buffer.alloc(32),
      };
      const vault = new this(db, path, vaultId, opts);
      const keys = deriveVaultKeys(vaultKey, vaultId);
      vaultKey.fill(0);
      db.transaction(() => {
        vault.repo.insertHeader(headerRow(header));
        const head = appendAudit(vault.repo, keys, vaultId, EMPTY_AUDIT_HEAD, {
          at: vault.clock.now().toISOString(),
          action: 'vault-create',
          tokenId: null,
          detail: null,
        });
        vault.repo.updateManifest(computeManifest(keys.manifestKey, vaultId, VAULT_FORMAT, [], head));
      }).immediate();
      vault.unlocked = { keys, state: null };
      return vault;
    } catch (e) {
      removeFiles();
      throw sqliteToAppError(e, path);
    }
  }

  /** Opens an existing vault, locked. Checks it is a vault this version can read; writes nothing. */
  static open<T extends Vault>(
    this: new (db: Database.Database, path: string, id: Buffer, opts: VaultOptions) => T,
    path: string,
    opts: VaultOptions = {},
  ): T {
    const db = openDatabase(path, { create: false });
    try {
      assertNotNewer(db, MIGRATIONS);
      migrate(db, MIGRATIONS); // no-op for current files; upgrades older ones atomically
      const header = parseHeader(new VaultRepo(db).header());
      return new this(db, path, header.vaultId, opts);
    } catch (e) {
      db.close();
      throw sqliteToAppError(e, path);
    }
  }

  /** Hex id of this vault. */
  get vaultId(): string {
    return this.vaultIdBytes.toString('hex');
  }

  /** True between unlock and lock. */
  get isUnlocked(): boolean {
    return this.unlocked !== null;
  }

  /** KDF parameters (without the salt), for status displays. */
  kdfSettings(): Omit<KdfParams, 'salt'> {
    const { salt: _salt, ...rest } = this.header().kdf;
    return rest;
  }

  protected header(): VaultHeader {
    return this.guard(() => parseHeader(this.repo.header()));
  }

  /** Unlocks with the master password. Throws WRONG_PASSWORD (nothing changes) or VAULT_DAMAGED. */
  async unlock(password: string): Promise<void> {
    if (typeof password !== 'string' || password.length === 0) {
      throw new AppError('BAD_INPUT', 'Master password must not be empty.');
    }
    const header = this.header();
    const vaultKey = await unwrapWithPassword(header, password);
    this.finishUnlock(vaultKey);
  }

  /** Unlocks with the secret kept in the OS keychain. */
  async unlockWithKeychain(protector: KeyProtector): Promise<void> {
    const header = this.header();
    if (!header.keychain) throw new AppError('KEYCHAIN_NOT_ENABLED', 'Quick unlock is not enabled for this vault.');
    const info = await protector.info();
    if (info.strength === 'none') throw new AppError('KEYCHAIN_UNAVAILABLE', info.detail);
    if (info.backend !== header.keychain.backend) {
      throw new AppError(
        'KEYCHAIN_NOT_ENABLED',
        `Quick unlock was enabled with ${header.keychain.backend}, not ${info.backend}; unlock with the master password.`,
      );
    }
    const secret = await protector.recover(this.vaultId, header.keychain.blob);
    const vaultKey = unwrapWithKeychainSecret(header, secret);
    this.finishUnlock(vaultKey);
  }

  private finishUnlock(vaultKey: Buffer): void {
    const keys = deriveVaultKeys(vaultKey, this.vaultIdBytes);
    vaultKey.fill(0);
    this.unlocked = { keys, state: null };
    try {
      this.state();
    } catch (e) {
      this.unlocked = null;
      throw e;
    }
  }

  /** Forgets the keys and every decrypted record. */
  lock(): void {
    this.unlocked = null;
    this.onStateChanged();
  }

  /** Locks and closes the file. */
  close(): void {
    this.lock();
    if (this.db.open) this.db.close();
  }

  /** Changes the master password: re-wraps the vault key only; records are untouched. */
  async changePassword(current: string, next: string, kdf?: KdfChoice): Promise<void> {
    this.requireUnlocked();
    assertPassword(next, 'New password');
    const header = this.header();
    const vaultKey = await unwrapWithPassword(header, current);
    try {
      const params = kdfFrom({
        memoryKiB: kdf?.memoryKiB ?? header.kdf.memoryKiB,
        iterations: kdf?.iterations ?? header.kdf.iterations,
        parallelism: kdf?.parallelism ?? header.kdf.parallelism,
      });
      const wrap = await wrapWithPassword(next, params, this.vaultIdBytes, vaultKey);
      this.write('password-change', null, null, () => {
        const h = parseHeader(this.repo.header());
        this.repo.updateKeys(headerRow({ ...h, kdf: params, passwordWrap: wrap }));
      });
    } finally {
      vaultKey.fill(0);
    }
  }

  /** Enables quick unlock through `protector`. Refuses backends whose strength is `none`. */
  async enableKeychain(protector: KeyProtector): Promise<KeychainInfo> {
    const { keys } = this.requireUnlocked();
    const info = await protector.info();
    if (info.strength === 'none') throw new AppError('KEYCHAIN_UNAVAILABLE', info.detail);
    const secret = randomBytes(32);
    const vaultKey = keys.vaultKey.export();
    try {
      const blob = await protector.protect(this.vaultId, secret);
      const wrap = wrapWithKeychainSecret(secret, this.vaultIdBytes, info.backend, vaultKey);
      try {
        this.write('keychain-enable', null, info.backend, () => {
          const h = parseHeader(this.repo.header());
          this.repo.updateKeys(headerRow({ ...h, keychain: { wrap, blob, backend: info.backend } }));
        });
      } catch (e) {
        await protector.forget(this.vaultId).catch(() => undefined);
        throw e;
      }
    } finally {
      secret.fill(0);
      vaultKey.fill(0);
    }
    return info;
  }

  /** Disables quick unlock: removes the wrapped key from the vault and the secret from the keychain. */
  async disableKeychain(protector: KeyProtector): Promise<void> {
    this.requireUnlocked();
    const before = this.header().keychain;
    this.write('keychain-disable', null, before?.backend ?? null, () => {
      const h = parseHeader(this.repo.header());
      this.repo.updateKeys(headerRow({ ...h, keychain: null }));
    });
    await protector.forget(this.vaultId);
  }

  /** Whether quick unlock is enabled, and with which backend. Works while locked. */
  keychainState(): KeychainState {
    const kc = this.header().keychain;
    return { enabled: kc !== null, backend: kc?.backend ?? null };
  }

  /**
   * Every remindable token's expiry (a day or an instant) and reminder days, readable while
   * locked (the plaintext copy reminders use; unlock checks it against the sealed one). Never a
   * name or an account; revoked tokens have none. Unparseable reminder days read as the global
   * policy rather than failing the reminders.
   */
  expirySchedule(): { tokenId: string; expiry: string; reminderDays: readonly number[] | null }[] {
    return this.guard(() =>
      this.repo.expiries().map((r) => ({ tokenId: r.id.toString('hex'), expiry: r.expires_at, reminderDays: storedReminderDays(r.remind_days) })),
    );
  }

  /** The whole audit log, verified end to end. */
  auditLog(): AuditEntry[] {
    const { keys } = this.requireUnlocked();
    return this.guard(() =>
      this.db.transaction(() => readAudit(this.repo, keys, this.vaultIdBytes, this.state().auditHead))(),
    );
  }

  /**
   * One token's audit entries, verified as the whole log is. The verified entries are kept
   * while the loaded state is: selecting another token reads nothing, and after this process's
   * own writes only the new entries are opened. When another process committed, or a write
   * failed, the state reloads and the log is read and verified from its start again.
   */
  auditOf(tokenId: string): AuditEntry[] {
    const u = this.requireUnlocked();
    return this.guard(() =>
      this.db.transaction(() => {
        const state = this.state();
        const kept = u.audit?.state === state ? u.audit.index : null;
        const fresh = kept !== null && kept.head.seq === state.auditHead.seq && kept.head.tag.equals(state.auditHead.tag);
        const index = fresh ? kept : extendAudit(this.repo, u.keys, this.vaultIdBytes, kept, state.auditHead);
        u.audit = { state, index };
        return [...(index.byToken.get(tokenId) ?? [])];
      })(),
    );
  }

  /** Records an action that changes no record (export). */
  recordAudit(action: AuditAction, detail: string | null): void {
    this.write(action, null, detail, () => undefined);
  }

  // ---- for subclasses -------------------------------------------------------------------

  protected requireUnlocked(): Unlocked {
    if (!this.unlocked) throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
    return this.unlocked;
  }

  /** The current state, reloaded if another connection committed since it was read. */
  protected state(): VaultState {
    const u = this.requireUnlocked();
    const s = u.state;
    if (s && this.guard(() => this.repo.dataVersion()) === s.dataVersion) return s;
    const fresh = this.guard(() => this.db.transaction(() => loadState(this.repo, u.keys, this.vaultIdBytes))());
    if (fresh.staleExpiryRows.length > 0) this.dropStaleExpiries(fresh.staleExpiryRows);
    u.state = fresh;
    this.onStateChanged();
    return fresh;
  }

  /**
   * Deletes plaintext expiry rows no token needs (see VaultState.staleExpiryRows). Only
   * plaintext a reminder would read changes; no record, manifest or audit entry does. Best
   * effort: a busy or read-only file keeps them one more time, which only means a reminder.
   */
  private dropStaleExpiries(ids: readonly Buffer[]): void {
    try {
      this.db.transaction(() => {
        for (const id of ids) this.repo.deleteExpiry(id);
      }).immediate();
    } catch {
      // Left for the next load.
    }
  }

  /** Hook: the in-memory records changed (subclasses drop caches). */
  protected onStateChanged(): void {}

  /**
   * Runs `fn` in one IMMEDIATE transaction, appends an audit entry, re-seals the manifest and
   * commits. On any failure the transaction rolls back and the in-memory state is reloaded.
   * With `action` null, `fn` writes its own audit entries (batches: one per token).
   */
  protected write<T>(action: AuditAction | null, tokenId: string | null, detail: string | null, fn: (ctx: WriteCtx) => T): T {
    const u = this.requireUnlocked();
    try {
      const result = this.db.transaction(() => {
        const state = this.state();
        const ctx: WriteCtx = {
          repo: this.repo,
          keys: u.keys,
          vaultId: this.vaultIdBytes,
          state,
          now: this.clock.now().toISOString(),
          dirty: new Set(),
        };
        const out = fn(ctx);
        flushBuckets(ctx);
        if (action !== null) this.audit(ctx, action, tokenId, detail);
        this.sealManifest(ctx);
        return out;
      }).immediate();
      this.onStateChanged();
      return result;
    } catch (e) {
      u.state = null;
      this.onStateChanged();
      throw sqliteToAppError(e, this.path);
    }
  }

  /** Appends an audit entry inside a write. */
  protected audit(ctx: WriteCtx, action: AuditAction, tokenId: string | null, detail: string | null): void {
    ctx.state.auditHead = appendAudit(ctx.repo, ctx.keys, ctx.vaultId, ctx.state.auditHead, { at: ctx.now, action, tokenId, detail });
  }

  private sealManifest(ctx: WriteCtx): void {
    const format = parseHeader(ctx.repo.header()).format;
    ctx.repo.updateManifest(computeManifest(ctx.keys.manifestKey, ctx.vaultId, format, orderedBucketTags(ctx.state), ctx.state.auditHead));
  }

  /** Runs a database step, turning SQLite errors into AppErrors. */
  protected guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (isAppError(e)) throw e;
      throw sqliteToAppError(e, this.path);
    }
  }
}

/** The plaintext reminder days of an expiry row, checked like user input; null when absent or unreadable. */
function storedReminderDays(text: string | null): readonly number[] | null {
  if (text === null) return null;
  try {
    return reminderDaysSchema.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}
