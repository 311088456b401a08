/**
 * Subkeys of the vault key, derived with HKDF-SHA256 and versioned labels (as age does),
 * so one random vault key serves record sealing and the manifest MAC without reuse.
 */
import { createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { KEY_BYTES } from './kdf';

/** The keys an unlocked vault holds in memory. */
export interface VaultKeys {
  /** The raw vault key; only re-wrapped (password change, keychain), never written in clear. */
  readonly vaultKey: KeyObject;
  /** Seals overview, secret and audit envelopes. */
  readonly recordKey: KeyObject;
  /** Authenticates the set of records (the manifest). */
  readonly manifestKey: KeyObject;
  /** Keyed fingerprints of token values, to spot duplicates without opening secrets. */
  readonly fingerprintKey: KeyObject;
}

/** A fresh random 256-bit vault key. */
export function newVaultKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function subkey(vaultKey: Buffer, vaultId: Buffer, label: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', vaultKey, vaultId, `patvault/v1/${label}`, KEY_BYTES)));
}

/** Derives every subkey from the raw vault key. */
export function deriveVaultKeys(vaultKey: Buffer, vaultId: Buffer): VaultKeys {
  return {
    vaultKey: createSecretKey(Buffer.from(vaultKey)),
    recordKey: subkey(vaultKey, vaultId, 'records'),
    manifestKey: subkey(vaultKey, vaultId, 'manifest'),
    fingerprintKey: subkey(vaultKey, vaultId, 'fingerprint'),
  };
}

/** A KeyObject for a raw 32-byte wrapping key (password KEK, keychain secret). */
export function wrappingKey(raw: Buffer): KeyObject {
  return createSecretKey(Buffer.from(raw));
}

/**
 * Key commitment: an HMAC of a fixed label under `key` (or a subkey of it), stored beside a
 * wrap. AES-GCM does not commit to its key, so on its own a wrap that fails to open cannot say
 * whether the key was wrong or the wrap damaged; this value can (it is checked only then, and
 * a 32-byte HMAC tells nothing about the key that the wrap does not already).
 */
export function keyCommitment(key: Buffer, label: 'password' | 'keychain' | 'vault-key', vaultId: Buffer, context: Buffer): Buffer {
  const raw = label === 'vault-key' ? Buffer.from(hkdfSync('sha256', key, vaultId, 'patvault/v1/key-check', KEY_BYTES)) : key;
  try {
    return createHmac('sha256', raw).update(`patvault/v1/commit/${label}\0`).update(vaultId).update(context).digest();
  } finally {
    if (raw !== key) raw.fill(0);
  }
}
