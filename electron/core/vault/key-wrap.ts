/**
 * The vault key's wraps: by the master password (Argon2id, parameters bound as associated
 * data) and by a quick-unlock secret kept in the OS keychain. Only these functions ever hold
 * a key-encryption key, and they zero it after use.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { LIMITS } from '../../../shared/domain/limits';
import { open, seal } from './crypto/aead';
import { KDF_DEFAULTS, SALT_BYTES, assertKdfParams, deriveKeyFromPassword, kdfContext, type KdfParams } from './crypto/kdf';
import { wrappingKey } from './crypto/keys';
import { isEnvelopeFormatError, EnvelopeKind } from './format/envelope';
import type { VaultHeader } from './format/header';

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

/** Seals the vault key under a key derived from `password`. */
export async function wrapWithPassword(password: string, kdf: KdfParams, vaultId: Buffer, vaultKey: Buffer): Promise<Buffer> {
  const kek = await deriveKeyFromPassword(password, kdf);
  try {
    return seal(wrappingKey(kek), vaultId, EnvelopeKind.PasswordWrap, kdfContext(kdf), vaultKey);
  } finally {
    kek.fill(0);
  }
}

/** Opens the password wrap. WRONG_PASSWORD when it does not open (nothing is changed). */
export async function unwrapWithPassword(header: VaultHeader, password: string): Promise<Buffer> {
  const kek = await deriveKeyFromPassword(password, header.kdf);
  try {
    const key = open(wrappingKey(kek), header.vaultId, EnvelopeKind.PasswordWrap, kdfContext(header.kdf), header.passwordWrap);
    if (!key) throw new AppError('WRONG_PASSWORD', 'Wrong master password. Nothing was changed.');
    return key;
  } catch (e) {
    if (isEnvelopeFormatError(e)) throw new AppError('VAULT_DAMAGED', 'The vault file is damaged (password key).');
    throw e;
  } finally {
    kek.fill(0);
  }
}

/** Seals the vault key under a quick-unlock secret, bound to the keychain backend's name. */
export function wrapWithKeychainSecret(secret: Buffer, vaultId: Buffer, backend: string, vaultKey: Buffer): Buffer {
  return seal(wrappingKey(secret), vaultId, EnvelopeKind.KeychainWrap, Buffer.from(backend), vaultKey);
}

/** Opens the keychain wrap with the secret from the keychain (zeroed after). */
export function unwrapWithKeychainSecret(header: VaultHeader, secret: Buffer): Buffer {
  const kc = header.keychain;
  if (!kc) throw new AppError('KEYCHAIN_NOT_ENABLED', 'Quick unlock is not enabled for this vault.');
  let vaultKey: Buffer | null;
  try {
    vaultKey = open(wrappingKey(secret), header.vaultId, EnvelopeKind.KeychainWrap, Buffer.from(kc.backend), kc.wrap);
  } catch (e) {
    if (isEnvelopeFormatError(e)) throw new AppError('VAULT_DAMAGED', 'The vault file is damaged (quick-unlock key).');
    throw e;
  } finally {
    secret.fill(0);
  }
  if (!vaultKey) {
    throw new AppError(
      'KEYCHAIN_NOT_ENABLED',
      'The keychain entry does not match this vault. Unlock with the master password and enable quick unlock again.',
    );
  }
  return vaultKey;
}
