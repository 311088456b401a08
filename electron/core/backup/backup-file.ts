/**
 * Writing and reading backup files. A backup is written whole or not at all: to a temporary
 * file beside the target (mode 0600), flushed to disk, then moved into place; only the
 * sealed bytes ever touch the disk.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { writeFileAtomically } from '../files/atomic-write';
import { systemClock, type Clock } from '../ports';
import { assertPassword, kdfFrom, type KdfChoice } from '../vault/key-wrap';
import { NONCE_BYTES } from '../vault/format/envelope';
import type { Vault } from '../vault/vault';
import { BACKUP_FORMAT, BACKUP_MAX_BYTES, encodeBackup, encodeHeader, parseBackup, type BackupHeader } from './format';
import { decodePayload, makePayload, type BackupPayload } from './payload';
import { backupKey, openPayload, sealPayload } from './seal';

/** Options of writeBackup. */
export interface WriteBackupOptions {
  /** Argon2id settings for the backup password (defaults as for a vault; never below the floor). */
  readonly kdf?: KdfChoice | undefined;
  /** Replace an existing file at the target (default: refuse). */
  readonly overwrite?: boolean | undefined;
  readonly clock?: Clock | undefined;
}

/** What writeBackup wrote. */
export interface BackupResult {
  readonly tokens: number;
  readonly platforms: number;
  readonly bytes: number;
}

const fsCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'error';

/**
 * Writes every token (value, notes, history, all fields) and custom platform of the unlocked
 * `vault` to one file sealed with `password`. Reading the secrets is audited once ('backup').
 */
export async function writeBackup(vault: Vault, file: string, password: string, opts: WriteBackupOptions = {}): Promise<BackupResult> {
  assertPassword(password, 'Backup password');
  if (!vault.isUnlocked) throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
  const kdf = kdfFrom(opts.kdf);
  const createdAt = (opts.clock ?? systemClock).now();
  // The slow step first, so the audited read is followed only by fast local work.
  const key = await backupKey(password, kdf);
  const records = vault.backup.export();
  const plain = Buffer.from(JSON.stringify(makePayload(vault.vaultId, createdAt, records)), 'utf8');
  try {
    const nonce = randomBytes(NONCE_BYTES);
    const header: BackupHeader = { format: BACKUP_FORMAT, kdf, createdAt, nonce, ciphertextLength: plain.length };
    const { ciphertext, tag } = sealPayload(key, nonce, encodeHeader(header), plain);
    const bytes = encodeBackup(header, ciphertext, tag);
    if (bytes.length > BACKUP_MAX_BYTES) {
      throw new AppError('BAD_INPUT', 'The backup would be larger than 512 MiB, more than a backup may be. Nothing was written.');
    }
    writeFileAtomically(file, bytes, opts.overwrite === true);
    return { tokens: records.tokens.length, platforms: records.platforms.length, bytes: bytes.length };
  } finally {
    plain.fill(0);
  }
}

/** The bytes of `file`, refusing what cannot be a backup by its size alone. */
export function readBackupBytes(file: string): Buffer {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new AppError('BAD_INPUT', `${file} is not a PAT Vault backup (not a file).`);
    if (st.size > BACKUP_MAX_BYTES) throw new AppError('BAD_INPUT', `${file} is larger than 512 MiB: not a PAT Vault backup.`);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_INPUT', `Cannot read ${file} (${fsCode(e)}).`);
  }
}

/** When and with which KDF a backup was made (no password needed; says nothing of its content). */
export function readBackupInfo(file: string): { createdAt: Date; kdf: { memoryKiB: number; iterations: number; parallelism: number } } {
  const { header } = parseBackup(readBackupBytes(file), file);
  const { memoryKiB, iterations, parallelism } = header.kdf;
  return { createdAt: header.createdAt, kdf: { memoryKiB, iterations, parallelism } };
}

/**
 * Reads and decrypts a backup, checked whole before it is returned. Refuses with
 * WRONG_PASSWORD, VAULT_DAMAGED ("The backup file is damaged …"), BAD_INPUT ("… is not a PAT
 * Vault backup"), VAULT_TOO_NEW or KDF_TOO_WEAK — never partial data.
 */
export async function readBackup(file: string, password: string): Promise<BackupPayload> {
  if (typeof password !== 'string' || password.length === 0) throw new AppError('BAD_INPUT', 'Backup password must not be empty.');
  const parts = parseBackup(readBackupBytes(file), file);
  const key = await backupKey(password, parts.header.kdf);
  const plain = openPayload(key, parts.header.nonce, parts.headerBytes, parts.ciphertext, parts.tag);
  if (!plain) throw new AppError('WRONG_PASSWORD', 'Wrong backup password. Nothing was changed.');
  try {
    return decodePayload(plain, file);
  } finally {
    plain.fill(0);
  }
}
