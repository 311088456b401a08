/**
 * The backup file's byte layout (README.md), written and parsed by code that does no
 * encryption. Parsing checks, in order: the signature (is it a backup at all), the trailing
 * checksum (accidental damage anywhere, cut-short files), the format version, the KDF
 * parameters and lengths — so by the time a password is tried, a failure to decrypt can only
 * mean a wrong password (or a deliberate edit).
 */
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../../../shared/errors';
import { SALT_BYTES, assertKdfParams, isAboveCeiling, type KdfParams } from '../vault/crypto/kdf';
import { NONCE_BYTES, TAG_BYTES } from '../vault/format/envelope';

/** "PATVAULT-BACKUP" and a NUL: 16 bytes that say what the file is. */
export const BACKUP_MAGIC = Buffer.from('PATVAULT-BACKUP\0', 'latin1');

/** Format version this build writes and reads. */
export const BACKUP_FORMAT = 1;

/** Fixed header of format 1 (magic … ciphertext length). */
export const HEADER_BYTES = 76;
export const CHECKSUM_BYTES = 32;

/** Largest backup read (or written): 100,000 tokens with long notes fit well below it. */
export const BACKUP_MAX_BYTES = 512 * 1024 * 1024;

const KDF_ARGON2ID = 1;
const CHECKSUM_LABEL = Buffer.from('patvault/v1/backup-checksum\0', 'utf8');

/** What the header says. */
export interface BackupHeader {
  readonly format: number;
  readonly kdf: KdfParams;
  /** When the backup was written (milliseconds since 1970, UTC). */
  readonly createdAt: Date;
  readonly nonce: Buffer;
  readonly ciphertextLength: number;
}

/** A parsed file: the header, its exact bytes (bound as associated data), the sealed payload. */
export interface BackupParts {
  readonly header: BackupHeader;
  readonly headerBytes: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/** The refusal for a damaged backup. Never quotes content. */
export function damagedBackup(detail: string, file: string): AppError {
  return new AppError('VAULT_DAMAGED', `The backup file is damaged (${detail}): ${file}. Nothing was read from it.`);
}

/** Unkeyed SHA-256 over everything before it: tells accidental damage from a wrong password. */
export function checksum(bytes: Buffer): Buffer {
  return createHash('sha256').update(CHECKSUM_LABEL).update(bytes).digest();
}

/** The header bytes for `h`. */
export function encodeHeader(h: BackupHeader): Buffer {
  if (h.kdf.salt.length !== SALT_BYTES || h.nonce.length !== NONCE_BYTES) throw new Error('backup header: bad salt or nonce length');
  const b = Buffer.alloc(HEADER_BYTES);
  BACKUP_MAGIC.copy(b, 0);
  b.writeUInt8(h.format, 16);
  b.writeUInt8(KDF_ARGON2ID, 17);
  b.writeUInt16BE(0, 18); // reserved
  b.writeUInt32BE(h.kdf.memoryKiB, 20);
  b.writeUInt32BE(h.kdf.iterations, 24);
  b.writeUInt32BE(h.kdf.parallelism, 28);
  h.kdf.salt.copy(b, 32);
  b.writeBigUInt64BE(BigInt(h.createdAt.getTime()), 48);
  h.nonce.copy(b, 56);
  b.writeBigUInt64BE(BigInt(h.ciphertextLength), 68);
  return b;
}

/** The whole file: header, ciphertext, tag, checksum. */
export function encodeBackup(header: BackupHeader, ciphertext: Buffer, tag: Buffer): Buffer {
  if (tag.length !== TAG_BYTES || ciphertext.length !== header.ciphertextLength) throw new Error('backup: bad ciphertext or tag length');
  const body = Buffer.concat([encodeHeader(header), ciphertext, tag]);
  return Buffer.concat([body, checksum(body)]);
}

/** Bytes that differ from the signature; a file off by one or two is a damaged backup, not another file. */
function magicDistance(bytes: Buffer): number {
  let d = 0;
  for (let i = 0; i < BACKUP_MAGIC.length; i++) if (bytes[i] !== BACKUP_MAGIC[i]) d++;
  return d;
}

/** Splits and checks a backup file's bytes. `file` is only used in messages. */
export function parseBackup(bytes: Buffer, file: string): BackupParts {
  const distance = bytes.length < BACKUP_MAGIC.length ? BACKUP_MAGIC.length : magicDistance(bytes);
  if (distance > 2 || bytes.length < BACKUP_MAGIC.length) {
    throw new AppError('BAD_INPUT', `${file} is not a PAT Vault backup.`);
  }
  if (distance > 0) throw damagedBackup('file signature', file);
  const min = HEADER_BYTES + TAG_BYTES + CHECKSUM_BYTES;
  const declared = bytes.length >= HEADER_BYTES ? bytes.readBigUInt64BE(68) + BigInt(min) : null;
  if (bytes.length < min) throw damagedBackup('cut short', file);
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  if (!checksum(body).equals(bytes.subarray(bytes.length - CHECKSUM_BYTES))) {
    const cut = bytes[16] === BACKUP_FORMAT && declared !== null && declared > BigInt(bytes.length);
    throw damagedBackup(cut ? 'cut short' : 'checksum mismatch', file);
  }
  const format = bytes.readUInt8(16);
  if (format > BACKUP_FORMAT) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `${file} was written by a newer version of PAT Vault (backup format ${format}; this version reads ${BACKUP_FORMAT}). Update PAT Vault to restore it.`,
    );
  }
  if (format < 1) throw damagedBackup('format version', file);
  if (bytes.readUInt8(17) !== KDF_ARGON2ID || bytes.readUInt16BE(18) !== 0) throw damagedBackup('KDF parameters', file);
  const kdf: KdfParams = {
    algorithm: 'argon2id',
    memoryKiB: bytes.readUInt32BE(20),
    iterations: bytes.readUInt32BE(24),
    parallelism: bytes.readUInt32BE(28),
    salt: Buffer.from(bytes.subarray(32, 48)),
  };
  try {
    assertKdfParams(kdf);
  } catch (e) {
    // The checksum matched, so these were written on purpose: a downgrade is named as one.
    if (isAppError(e) && e.code === 'KDF_TOO_WEAK') {
      throw new AppError('KDF_TOO_WEAK', `${e.message} Refusing to read ${file}: the backup header has been tampered with.`);
    }
    if (isAppError(e) && isAboveCeiling(kdf)) {
      throw new AppError('VAULT_DAMAGED', `${e.message} Refusing to read ${file} before deriving any key: its header is damaged or was tampered with.`);
    }
    throw damagedBackup('KDF parameters', file);
  }
  const createdMs = bytes.readBigUInt64BE(48);
  const ciphertextLength = bytes.readBigUInt64BE(68);
  if (ciphertextLength !== BigInt(bytes.length - min)) throw damagedBackup('length', file);
  if (createdMs > BigInt(8.64e15)) throw damagedBackup('date', file);
  return {
    header: {
      format,
      kdf,
      createdAt: new Date(Number(createdMs)),
      nonce: Buffer.from(bytes.subarray(56, 68)),
      ciphertextLength: Number(ciphertextLength),
    },
    headerBytes: Buffer.from(bytes.subarray(0, HEADER_BYTES)),
    ciphertext: bytes.subarray(HEADER_BYTES, HEADER_BYTES + Number(ciphertextLength)),
    tag: bytes.subarray(HEADER_BYTES + Number(ciphertextLength), bytes.length - CHECKSUM_BYTES),
  };
}
