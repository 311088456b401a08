/**
 * The vault header: the one row read before the password is known. Parsed and checked here
 * without keys: its values must be well-formed and match their checksum, which tells
 * accidental damage apart from a wrong password. (Deliberate edits are caught by the
 * password wrap's associated data, which binds the KDF parameters.)
 */
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../../../../shared/errors';
import type { HeaderRow } from '../../db/vault-repo';
import type { KdfParams } from '../crypto/kdf';
import { SALT_BYTES, assertKdfParams, isAboveCeiling } from '../crypto/kdf';

/** Crypto format this build writes and reads. */
export const VAULT_FORMAT = 1;
export const VAULT_ID_BYTES = 16;

/** A checked header. */
export interface VaultHeader {
  readonly vaultId: Buffer;
  readonly format: number;
  readonly kdf: KdfParams;
  readonly passwordWrap: Buffer;
  readonly keychain: { readonly wrap: Buffer; readonly blob: Buffer; readonly backend: string } | null;
  readonly manifest: Buffer;
}

function damaged(detail: string): AppError {
  return new AppError('VAULT_DAMAGED', `The vault file is damaged (${detail}). Restore it from a backup.`);
}

const isBytes = (v: unknown, len?: number): v is Buffer =>
  Buffer.isBuffer(v) && (len === undefined || v.length === len);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** sha256 over every field except the manifest and the checksum itself. */
export function headerChecksum(row: Omit<HeaderRow, 'checksum' | 'manifest'>): Buffer {
  const h = createHash('sha256').update('patvault/v1/header-checksum\0');
  const field = (b: Buffer | string | number | null): void => {
    const bytes = b === null ? Buffer.alloc(0) : Buffer.isBuffer(b) ? b : Buffer.from(String(b), 'utf8');
    const len = Buffer.alloc(5);
    len.writeUInt8(b === null ? 0 : 1, 0);
    len.writeUInt32BE(bytes.length, 1);
    h.update(len).update(bytes);
  };
  field(row.vault_id);
  field(row.format);
  field(row.kdf_algorithm);
  field(row.kdf_memory_kib);
  field(row.kdf_iterations);
  field(row.kdf_parallelism);
  field(row.kdf_salt);
  field(row.password_wrap);
  field(row.keychain_wrap);
  field(row.keychain_blob);
  field(row.keychain_backend);
  return h.digest();
}

/** Validates a stored header row. Throws VAULT_DAMAGED or VAULT_TOO_NEW. */
export function parseHeader(row: HeaderRow | undefined): VaultHeader {
  if (!row) throw damaged('no header');
  if (!isInt(row.format)) throw damaged('header format');
  if (row.format > VAULT_FORMAT) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `This vault uses a newer format (${row.format}) than this version of PAT Vault reads (${VAULT_FORMAT}). Update PAT Vault; the file was not changed.`,
    );
  }
  if (
    row.format < 1 ||
    !isBytes(row.vault_id, VAULT_ID_BYTES) ||
    row.kdf_algorithm !== 'argon2id' ||
    !isInt(row.kdf_memory_kib) ||
    !isInt(row.kdf_iterations) ||
    !isInt(row.kdf_parallelism) ||
    !isBytes(row.kdf_salt, SALT_BYTES) ||
    !isBytes(row.password_wrap) ||
    !isBytes(row.manifest, 32) ||
    !isBytes(row.checksum, 32)
  ) {
    throw damaged('header fields');
  }
  const kc = [row.keychain_wrap, row.keychain_blob, row.keychain_backend];
  const kcSet = kc.every((v) => v !== null);
  if (!kcSet && !kc.every((v) => v === null)) throw damaged('keychain fields');
  if (kcSet && (!isBytes(row.keychain_wrap) || !isBytes(row.keychain_blob) || typeof row.keychain_backend !== 'string')) {
    throw damaged('keychain fields');
  }
  const kdf: KdfParams = {
    algorithm: 'argon2id',
    memoryKiB: row.kdf_memory_kib,
    iterations: row.kdf_iterations,
    parallelism: row.kdf_parallelism,
    salt: row.kdf_salt,
  };
  // Checked before the checksum, so a lowered parameter is named as such (a downgrade
  // attempt), whether or not the editor also fixed the checksum.
  try {
    assertKdfParams(kdf);
  } catch (e) {
    if (isAppError(e) && e.code === 'KDF_TOO_WEAK') {
      throw new AppError('KDF_TOO_WEAK', `${e.message} Refusing to open: the vault header has been tampered with.`);
    }
    if (isAppError(e) && isAboveCeiling(kdf)) {
      throw new AppError('VAULT_DAMAGED', `${e.message} Refusing to open before deriving any key: the vault header is damaged or was tampered with.`);
    }
    throw damaged('KDF parameters');
  }
  if (!headerChecksum(row).equals(row.checksum)) throw damaged('header checksum');
  return {
    vaultId: row.vault_id,
    format: row.format,
    kdf,
    passwordWrap: row.password_wrap,
    keychain: kcSet
      ? { wrap: row.keychain_wrap as Buffer, blob: row.keychain_blob as Buffer, backend: row.keychain_backend as string }
      : null,
    manifest: row.manifest,
  };
}

/** The row for a header (checksum computed). */
export function headerRow(h: VaultHeader): HeaderRow {
  const base = {
    vault_id: h.vaultId,
    format: h.format,
    kdf_algorithm: h.kdf.algorithm,
    kdf_memory_kib: h.kdf.memoryKiB,
    kdf_iterations: h.kdf.iterations,
    kdf_parallelism: h.kdf.parallelism,
    kdf_salt: h.kdf.salt,
    password_wrap: h.passwordWrap,
    keychain_wrap: h.keychain?.wrap ?? null,
    keychain_blob: h.keychain?.blob ?? null,
    keychain_backend: h.keychain?.backend ?? null,
  };
  return { ...base, manifest: h.manifest, checksum: headerChecksum(base) };
}
