/**
 * The vault kernel: one open SQLite file, its header, the keys while unlocked, the loaded
 * state, the write transaction, the audit chain and the manifest. Everything a token, a
 * custom platform, a check result or a backup needs goes through it; the modules that hold
 * those operations (tokens.ts, platform-results.ts, custom-platforms.ts, core/backup) take a
 * kernel, they do not extend it.
 *
 * Lifecycle: `VaultKernel.create` or `VaultKernel.open` (locked) → `unlock` → reads and
 * writes → `lock` / `close`. Every write is one IMMEDIATE transaction that also re-seals the
 * manifest, so another process (the app and the CLI share the file) sees all of it or
 * nothing; before each operation the state reloads if another connection has committed since.
 */
import type Database from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/errors';
import type { AuditAction } from '../../../shared/domain/token';
import { systemClock, type Clock } from '../ports';
import { checkpointWal, openDatabase } from '../db/connection';
import { migrate, assertNotNewer } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { sqliteToAppError } from '../db/sqlite-errors';
import { VaultRepo } from '../db/vault-repo';
import { deriveVaultKeys, type VaultKeys } from './crypto/keys';
import { parseHeader, type VaultHeader } from './format/header';
import { appendAudit, writeAuditSeal } from './audit-log';
import { bucketOf, loadState, type VaultState } from './vault-state';
import { flushBuckets, resealManifest, type ReadCtx, type WriteCtx } from './vault-records';
import { holdsCommittedKey, type KdfChoice } from './key-wrap';
import { createVaultFile } from './new-vault-file';

/** Options for create/open. */
export interface VaultOptions {
  readonly clock?: Clock;
}

/** One audit entry a write appends after its changes. */
export interface AuditNote {
  readonly action: AuditAction;
  readonly tokenId?: string | null;
  readonly detail?: string | null;
}

/** What a write records. Without `audit`, the write appends its own entries (one per token in a batch). */
export interface WriteOptions {
  readonly audit?: AuditNote;
}

/** The open vault file. See the module comment. */
export class VaultKernel {
  readonly repo: VaultRepo;
  readonly clock: Clock;
  private keysHeld: VaultKeys | null = null;
  private loaded: VaultState | null = null;
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
    readonly vaultIdBytes: Buffer,
    opts: VaultOptions,
  ) {
    this.repo = new VaultRepo(db);
    this.clock = opts.clock ?? systemClock;
  }

  /** Creates a new vault file (0600, folder 0700; new-vault-file.ts) and returns it unlocked. */
  static async create(path: string, password: string, opts: VaultOptions & { kdf?: KdfChoice } = {}): Promise<VaultKernel> {
    const file = await createVaultFile(path, password, opts.clock ?? systemClock, opts.kdf);
    const kernel = new VaultKernel(file.db, path, file.vaultId, opts);
    kernel.keysHeld = file.keys;
    return kernel;
  }

  /** Opens an existing vault, locked. Checks it is a vault this version can read; writes nothing. */
  static open(path: string, opts: VaultOptions = {}): VaultKernel {
    const db = openDatabase(path, { create: false });
    try {
      assertNotNewer(db, MIGRATIONS);
      migrate(db, MIGRATIONS); // no-op for current files; upgrades older ones atomically
      const header = parseHeader(new VaultRepo(db).header());
      return new VaultKernel(db, path, header.vaultId, opts);
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
    return this.keysHeld !== null;
  }

  /** The file's header (KDF settings, wraps), read fresh. */
  header(): VaultHeader {
    return this.guard(() => parseHeader(this.repo.header()));
  }

  /**
   * Takes the vault key recovered by a password or keychain unwrap: derives the record keys,
   * forgets the raw key, and loads every record (a damaged file fails here, leaving it locked).
   */
  acceptKey(vaultKey: Buffer): void {
    const keys = deriveVaultKeys(vaultKey, this.vaultIdBytes);
    vaultKey.fill(0);
    this.keysHeld = keys;
    this.loaded = null;
    try {
      this.state();
    } catch (e) {
      this.keysHeld = null;
      throw e;
    }
  }

  /** Forgets the keys and every decrypted record. */
  lock(): void {
    this.keysHeld = null;
    this.loaded = null;
    this.changed();
  }

  /** Locks and closes the file. */
  close(): void {
    this.lock();
    if (this.db.open) this.db.close();
  }

  /** The keys, or VAULT_LOCKED. */
  keys(): VaultKeys {
    if (!this.keysHeld) throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
    return this.keysHeld;
  }

  /**
   * Calls `listener` whenever the records may have changed: after each write (committed or
   * rolled back), when another process's commit was loaded, and on lock. Returns the unsubscribe.
   * Listeners drop caches or schedule work; they must not throw.
   */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current state, reloaded if another connection committed since it was read. */
  state(): VaultState {
    const keys = this.keys();
    const s = this.loaded;
    if (s && this.guard(() => this.repo.dataVersion()) === s.dataVersion) return s;
    const fresh = this.guard(() =>
      this.db.transaction(() => {
        this.assertKeyCurrent(keys);
        return loadState(this.repo, keys, this.vaultIdBytes);
      })(),
    );
    if (fresh.staleExpiryRows.length > 0) this.dropStaleExpiries(fresh.staleExpiryRows);
    this.loaded = fresh;
    this.changed();
    return fresh;
  }

  /**
   * Another process (the CLI, or the app) may have re-keyed the file since this one unlocked
   * it (key-ops.ts): the header's key commitment then names a key other than the one held.
   * That is not damage: this session locks and says so, and the user unlocks again.
   */
  private assertKeyCurrent(keys: VaultKeys): void {
    if (holdsCommittedKey(parseHeader(this.repo.header()).keyCheck, keys, this.vaultIdBytes)) return;
    this.keysHeld = null;
    this.loaded = null;
    queueMicrotask(() => this.changed());
    throw new AppError(
      'VAULT_LOCKED',
      'The vault was locked: its key was replaced by another program (a password change, or quick unlock turned off). Unlock it again.',
    );
  }

  /** Runs `fn` over the current state in one read transaction (a consistent snapshot). */
  read<T>(fn: (ctx: ReadCtx) => T): T {
    const keys = this.keys();
    return this.guard(() =>
      this.db.transaction(() => fn({ repo: this.repo, keys, vaultId: this.vaultIdBytes, state: this.state(), now: this.now() }))(),
    );
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction, appends `opts.audit` (if given), re-seals the
   * manifest and commits. On any failure the transaction rolls back and the state reloads.
   */
  write<T>(opts: WriteOptions, fn: (ctx: WriteCtx) => T): T {
    const keys = this.keys();
    try {
      const result = this.db.transaction(() => {
        const ctx: WriteCtx = { repo: this.repo, keys, vaultId: this.vaultIdBytes, state: this.state(), now: this.now(), dirty: new Set() };
        const out = fn(ctx);
        flushBuckets(ctx);
        if (opts.audit) this.audit(ctx, opts.audit);
        writeAuditSeal(ctx.repo, keys, ctx.vaultId, ctx.state.auditDigest, ctx.state.auditHead);
        resealManifest(ctx);
        return out;
      }).immediate();
      this.changed();
      return result;
    } catch (e) {
      this.loaded = null;
      this.changed();
      throw sqliteToAppError(e, this.path);
    }
  }

  /**
   * After a committed write that deleted or replaced sealed content (remove, a new value,
   * rotate, restore, merge): moves the WAL into the file, where secure_delete has zeroed the
   * old bytes, and empties the WAL. Best effort (connection.ts checkpointWal).
   */
  scrub(): void {
    checkpointWal(this.db);
  }

  /**
   * Re-key: runs `fn` in one IMMEDIATE transaction over the current, verified state with a
   * write context holding the `next` keys (`fn` re-seals every record under them; the old keys
   * are passed to open what it reads); re-seals every overview bucket and the manifest under
   * `next`, and on commit holds `next` (the old keys are dropped). On failure nothing changes
   * and the kernel keeps the old keys. Records are then reloaded and verified under the new keys.
   */
  replaceKeys<T>(next: VaultKeys, fn: (ctx: WriteCtx, old: VaultKeys) => T): T {
    const old = this.keys();
    let result: T;
    try {
      result = this.db.transaction(() => {
        const state = this.state();
        const ctx: WriteCtx = { repo: this.repo, keys: next, vaultId: this.vaultIdBytes, state, now: this.now(), dirty: new Set() };
        const out = fn(ctx, old);
        for (const b of state.bucketTags.keys()) ctx.dirty.add(b);
        for (const id of [...state.accounts.keys(), ...state.tokens.keys(), ...state.platforms.keys()]) ctx.dirty.add(bucketOf(id));
        flushBuckets(ctx);
        resealManifest(ctx);
        return out;
      }).immediate();
    } catch (e) {
      this.loaded = null;
      this.changed();
      throw sqliteToAppError(e, this.path);
    }
    this.keysHeld = next;
    this.loaded = null;
    this.state();
    return result;
  }

  /** Appends an audit entry inside a write. */
  audit(ctx: WriteCtx, note: AuditNote): void {
    const entry = { at: ctx.now, action: note.action, tokenId: note.tokenId ?? null, detail: note.detail ?? null };
    ctx.state.auditHead = appendAudit(ctx.repo, ctx.keys, ctx.vaultId, ctx.state.auditHead, entry, ctx.state.auditDigest);
  }

  /** Runs a database step, turning SQLite errors into AppErrors. */
  guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (isAppError(e)) throw e;
      throw sqliteToAppError(e, this.path);
    }
  }

  /** The injected clock's now, as stored (ISO). */
  now(): string {
    return this.clock.now().toISOString();
  }

  private changed(): void {
    for (const l of this.listeners) l();
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
}
