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
  /** Quick unlock: one wrap per keychain backend, like age's recipient stanzas. */
  readonly keychainSlots: readonly KeychainSlot[];
  /** Commitment to the password-derived key (key-wrap.ts); null in vaults not unlocked since schema 3. */
  readonly passwordCheck: Buffer | null;
  /** Commitment to the vault key (key-wrap.ts); null likewise. */
  readonly keyCheck: Buffer | null;
  readonly manifest: Buffer;
}

/** One quick-unlock slot: the vault key wrapped under a secret that one keychain backend keeps. */
export interface KeychainSlot {
  /** e.g. "secret-service", "macos-keychain", "safeStorage:gnome_libsecret"; bound into the wrap. */
  readonly backend: string;
  readonly wrap: Buffer;
  /** What the backend asked the vault to keep (safeStorage's encrypted secret; empty for OS keychains). */
  readonly blob: Buffer;
  /** Commitment to the slot's secret (tells a damaged wrap from a wrong secret); null in migrated slots. */
  readonly check: Buffer | null;
}

/** At most this many quick-unlock slots (one per backend; there are a handful). */
export const MAX_KEYCHAIN_SLOTS = 8;
const CHECK_BYTES = 32;
const BACKEND_NAME = /^[\x21-\x7e]{1,100}$/;

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
  field(row.keychain_slots);
  field(row.password_check);
  field(row.key_check);
  return h.digest();
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function bytesFrom(v: unknown, len?: number): Buffer | null {
  if (typeof v !== 'string' || v.length % 4 !== 0 || !B64.test(v)) return null;
  const b = Buffer.from(v, 'base64');
  return len === undefined || b.length === len ? b : null;
}

/** Parses the stored slot list (JSON); null when it is not one this version wrote. */
function parseSlots(text: unknown): KeychainSlot[] | null {
  if (text === null) return [];
  if (typeof text !== 'string' || text.length > 64 * 1024) return null;
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_KEYCHAIN_SLOTS) return null;
  const slots: KeychainSlot[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const o = item as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.some((k) => !['backend', 'wrap', 'blob', 'check'].includes(k))) return null;
    const backend = o['backend'];
    const wrap = bytesFrom(o['wrap']);
    const blob = bytesFrom(o['blob']);
    const check = o['check'] === undefined ? null : bytesFrom(o['check'], CHECK_BYTES);
    if (typeof backend !== 'string' || !BACKEND_NAME.test(backend) || !wrap || wrap.length === 0 || !blob) return null;
    if (o['check'] !== undefined && !check) return null;
    if (slots.some((x) => x.backend === backend)) return null;
    slots.push({ backend, wrap, blob, check });
  }
  return slots;
}

/** The stored form of a slot list (null for none). */
function slotsText(slots: readonly KeychainSlot[]): string | null {
  if (slots.length === 0) return null;
  return JSON.stringify(
    slots.map((x) => ({
      backend: x.backend,
      wrap: x.wrap.toString('base64'),
      blob: x.blob.toString('base64'),
      ...(x.check ? { check: x.check.toString('base64') } : {}),
    })),
  );
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
  const keychainSlots = parseSlots(row.keychain_slots);
  if (!keychainSlots) throw damaged('quick-unlock slots');
  if ((row.password_check !== null && !isBytes(row.password_check, CHECK_BYTES)) || (row.key_check !== null && !isBytes(row.key_check, CHECK_BYTES))) {
    throw damaged('key checks');
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
    keychainSlots,
    passwordCheck: row.password_check,
    keyCheck: row.key_check,
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
    keychain_slots: slotsText(h.keychainSlots),
    password_check: h.passwordCheck,
    key_check: h.keyCheck,
  };
  return { ...base, manifest: h.manifest, checksum: headerChecksum(base) };
}
