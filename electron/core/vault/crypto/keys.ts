/**
 * Subkeys of the vault key, derived with HKDF-SHA256 and versioned labels (as age does),
 * so one random vault key serves record sealing and the manifest MAC without reuse.
 */
import { createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
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
