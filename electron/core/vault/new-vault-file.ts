/**
 * A new vault file: its folder (0700), the schema, a random vault id and key, the header with
 * the password wrap and key commitments, the first audit entry and the manifest — written in
 * one transaction. On any failure the half-made file (and its -wal/-shm) is removed, so a
 * failed create never leaves something that looks like a vault. The kernel takes it from here.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../ports';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { sqliteToAppError } from '../db/sqlite-errors';
import { VaultRepo } from '../db/vault-repo';
import { appendAudit } from './audit-log';
import { deriveVaultKeys, newVaultKey, type VaultKeys } from './crypto/keys';
import { VAULT_FORMAT, VAULT_ID_BYTES, headerRow, type VaultHeader } from './format/header';
import { assertPassword, kdfFrom, vaultKeyCheck, wrapWithPassword, type KdfChoice } from './key-wrap';
import { EMPTY_AUDIT_HEAD, computeManifest } from './manifest';

/** The created file, open, with the keys it was sealed under. */
export interface NewVaultFile {
  readonly db: Database.Database;
  readonly vaultId: Buffer;
  readonly keys: VaultKeys;
}

/** Creates the vault file at `path` (refusing a weak password or KDF before touching the disk). */
export async function createVaultFile(path: string, password: string, clock: Clock, kdfChoice: KdfChoice | undefined): Promise<NewVaultFile> {
  assertPassword(password);
  const kdf = kdfFrom(kdfChoice);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  } catch {
    throw new AppError('BAD_INPUT', `Cannot create the folder for ${path}: check the path and its permissions.`);
  }
  const db = openDatabase(path, { create: true });
  try {
    migrate(db, MIGRATIONS);
    const vaultId = randomBytes(VAULT_ID_BYTES);
    const vaultKey = newVaultKey();
    const pw = await wrapWithPassword(password, kdf, vaultId, vaultKey);
    const header: VaultHeader = {
      vaultId,
      format: VAULT_FORMAT,
      kdf,
      passwordWrap: pw.wrap,
      keychainSlots: [],
      passwordCheck: pw.check,
      keyCheck: vaultKeyCheck(vaultKey, vaultId),
      manifest: Buffer.alloc(32),
    };
    const keys = deriveVaultKeys(vaultKey, vaultId);
    vaultKey.fill(0);
    const repo = new VaultRepo(db);
    db.transaction(() => {
      repo.insertHeader(headerRow(header));
      const head = appendAudit(repo, keys, vaultId, EMPTY_AUDIT_HEAD, { at: clock.now().toISOString(), action: 'vault-create', tokenId: null, detail: null });
      repo.updateManifest(computeManifest(keys.manifestKey, vaultId, VAULT_FORMAT, [], head));
    }).immediate();
    return { db, vaultId, keys };
  } catch (e) {
    db.close();
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    throw sqliteToAppError(e, path);
  }
}
