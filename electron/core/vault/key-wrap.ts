/**
 * The vault key's wraps: by the master password (Argon2id, parameters bound as associated
 * data) and by a quick-unlock secret kept in the OS keychain. Only these functions ever hold
 * a key-encryption key, and they zero it after use.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { LIMITS } from '../../../shared/domain/limits';
import { open, seal } from './crypto/aead';
import { KDF_DEFAULTS, SALT_BYTES, assertKdfParams, deriveKeyFromPassword, kdfContext, type KdfParams } from './crypto/kdf';
import { keyCommitment, wrappingKey, type VaultKeys } from './crypto/keys';
import { isEnvelopeFormatError, EnvelopeKind } from './format/envelope';
import type { KeychainSlot, VaultHeader } from './format/header';

/** KDF settings a caller may choose at creation or password change. */
export interface KdfChoice {
  readonly memoryKiB?: number | undefined;
  readonly iterations?: number | undefined;
  readonly parallelism?: number | undefined;
}

/** Checks a new master password against the length rules (no strength rules: the UI advises). */
export function assertPassword(password: unknown, what = 'Master password'): asserts password is string {
  if (typeof password !== 'string' || password.length === 0) throw new AppError('BAD_INPUT', `${what} must not be empty.`);
  if ([...password].length < LIMITS.passwordMinChars) {
    throw new AppError('BAD_INPUT', `${what} must be at least ${LIMITS.passwordMinChars} characters long.`);
  }
  if (password.length > LIMITS.passwordMaxChars) {
    throw new AppError('BAD_INPUT', `${what} must be at most ${LIMITS.passwordMaxChars} characters long.`);
  }
}

/** Fresh KDF parameters (new salt) from a choice, defaults filled in, floor enforced. */
export function kdfFrom(choice: KdfChoice | undefined): KdfParams {
  const p: KdfParams = {
    algorithm: 'argon2id',
    memoryKiB: choice?.memoryKiB ?? KDF_DEFAULTS.memoryKiB,
    iterations: choice?.iterations ?? KDF_DEFAULTS.iterations,
    parallelism: choice?.parallelism ?? KDF_DEFAULTS.parallelism,
    salt: randomBytes(SALT_BYTES),
  };
  assertKdfParams(p);
  return p;
}

/** A password wrap and the commitment to its key-encryption key. */
export interface PasswordWrap {
  readonly wrap: Buffer;
  readonly check: Buffer;
}

const passwordCheck = (kek: Buffer, vaultId: Buffer, kdf: KdfParams): Buffer => keyCommitment(kek, 'password', vaultId, kdfContext(kdf));

/** The commitment to a vault key, stored in the header (VaultHeader.keyCheck). */
export function vaultKeyCheck(vaultKey: Buffer, vaultId: Buffer): Buffer {
  return keyCommitment(vaultKey, 'vault-key', vaultId, Buffer.alloc(0));
}

const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/** True when `keys` hold the vault key `committed` (a header's keyCheck) names; a header without one names none. */
export function holdsCommittedKey(committed: Buffer | null, keys: VaultKeys, vaultId: Buffer): boolean {
  if (committed === null) return true;
  const raw = keys.vaultKey.export();
  try {
    return sameBytes(vaultKeyCheck(raw, vaultId), committed);
  } finally {
    raw.fill(0);
  }
}

/** Seals the vault key under a key derived from `password`. */
export async function wrapWithPassword(password: string, kdf: KdfParams, vaultId: Buffer, vaultKey: Buffer): Promise<PasswordWrap> {
  const kek = await deriveKeyFromPassword(password, kdf);
  try {
    return { wrap: seal(wrappingKey(kek), vaultId, EnvelopeKind.PasswordWrap, kdfContext(kdf), vaultKey), check: passwordCheck(kek, vaultId, kdf) };
  } finally {
    kek.fill(0);
  }
}

/** The vault key unwrapped, and the commitment to the password's key (to store where it is missing). */
export interface Unwrapped {
  readonly vaultKey: Buffer;
  readonly passwordCheck: Buffer;
}

/**
 * Opens the password wrap. WRONG_PASSWORD when the password is wrong (nothing is changed);
 * VAULT_DAMAGED when the password is right (its commitment matches) but the wrap does not
 * open, or the key it opens is not the vault's current key (a wrap spliced in from an older
 * copy of the file).
 */
export async function unwrapWithPassword(header: VaultHeader, password: string): Promise<Unwrapped> {
  const kek = await deriveKeyFromPassword(password, header.kdf);
  try {
    const check = passwordCheck(kek, header.vaultId, header.kdf);
    const key = open(wrappingKey(kek), header.vaultId, EnvelopeKind.PasswordWrap, kdfContext(header.kdf), header.passwordWrap);
    if (!key) {
      if (header.passwordCheck && sameBytes(check, header.passwordCheck)) {
        throw new AppError('VAULT_DAMAGED', 'The vault file is damaged (password key): the password is right, but the key it protects does not open. Restore it from a backup.');
      }
      throw new AppError('WRONG_PASSWORD', 'Wrong master password. Nothing was changed.');
    }
    assertCurrentKey(header, key);
    return { vaultKey: key, passwordCheck: check };
  } catch (e) {
    if (isEnvelopeFormatError(e)) throw new AppError('VAULT_DAMAGED', 'The vault file is damaged (password key).');
    throw e;
  } finally {
    kek.fill(0);
  }
}

/** Refuses a vault key that is not the one the header commits to (zeroing it). */
function assertCurrentKey(header: VaultHeader, key: Buffer): void {
  if (header.keyCheck && !sameBytes(vaultKeyCheck(key, header.vaultId), header.keyCheck)) {
    key.fill(0);
    throw new AppError(
      'VAULT_DAMAGED',
      'The vault file is damaged or was tampered with: this key opens an older vault key, not the current one (the vault was re-keyed since). Nothing was read.',
    );
  }
}

/** A new quick-unlock slot's wrap and the commitment to its secret. */
export function wrapForSlot(secret: Buffer, vaultId: Buffer, backend: string, vaultKey: Buffer, blob: Buffer): KeychainSlot {
  return {
    backend,
    blob,
    wrap: seal(wrappingKey(secret), vaultId, EnvelopeKind.KeychainWrap, Buffer.from(backend), vaultKey),
    check: keyCommitment(secret, 'keychain', vaultId, Buffer.from(backend)),
  };
}

/** Opens one slot's wrap with the secret from its keychain (zeroed after). */
export function unwrapSlot(header: VaultHeader, slot: KeychainSlot, secret: Buffer): Buffer {
  let vaultKey: Buffer | null;
  let check: Buffer;
  try {
    check = keyCommitment(secret, 'keychain', header.vaultId, Buffer.from(slot.backend));
    vaultKey = open(wrappingKey(secret), header.vaultId, EnvelopeKind.KeychainWrap, Buffer.from(slot.backend), slot.wrap);
  } catch (e) {
    if (isEnvelopeFormatError(e)) throw new AppError('VAULT_DAMAGED', 'The vault file is damaged (quick-unlock key).');
    throw e;
  } finally {
    secret.fill(0);
  }
  if (!vaultKey) {
    if (slot.check && sameBytes(check, slot.check)) {
      throw new AppError('VAULT_DAMAGED', `The vault file is damaged (quick-unlock key for ${slot.backend}): the keychain's secret is right, but the key it protects does not open.`);
    }
    throw new AppError(
      'KEYCHAIN_NOT_ENABLED',
      'The keychain entry does not match this vault. Unlock with the master password and enable quick unlock again.',
    );
  }
  assertCurrentKey(header, vaultKey);
  return vaultKey;
}
