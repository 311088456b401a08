/**
 * The backup's one encryption: AES-256-GCM (node:crypto) under a key derived from the backup
 * password with Argon2id (the vault's own KDF helper) and HKDF with a versioned label, and the
 * whole header — magic, version, KDF parameters, salt, date, nonce, length — as associated
 * data, so changing any of it makes the payload fail to open.
 *
 * One nonce per key is safe by construction: every backup draws a fresh random salt, so every
 * backup has its own key, and that key seals exactly one message.
 */
import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { KEY_BYTES, deriveKeyFromPassword, type KdfParams } from '../vault/crypto/kdf';
import { TAG_BYTES } from '../vault/format/envelope';

const KEY_LABEL = 'patvault/v1/backup-key';
const AAD_LABEL = Buffer.from('patvault/v1/backup\0', 'utf8');

/** The payload key for `password` under the header's KDF parameters. */
export async function backupKey(password: string, kdf: KdfParams): Promise<KeyObject> {
  const stretched = await deriveKeyFromPassword(password, kdf);
  try {
    return createSecretKey(Buffer.from(hkdfSync('sha256', stretched, kdf.salt, KEY_LABEL, KEY_BYTES)));
  } finally {
    stretched.fill(0);
  }
}

/** Seals `plaintext`; `headerBytes` (which hold `nonce`) become associated data. */
export function sealPayload(key: KeyObject, nonce: Buffer, headerBytes: Buffer, plaintext: Buffer): { ciphertext: Buffer; tag: Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.concat([AAD_LABEL, headerBytes]));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

/** Opens the payload, or returns null when it does not authenticate (wrong key or altered bytes). */
export function openPayload(key: KeyObject, nonce: Buffer, headerBytes: Buffer, ciphertext: Buffer, tag: Buffer): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.concat([AAD_LABEL, headerBytes]));
  decipher.setAuthTag(tag);
  const plain = decipher.update(ciphertext);
  try {
    decipher.final(); // verifies the tag
    return plain;
  } catch {
    plain.fill(0); // unauthenticated plaintext is never handed out
    return null;
  }
}
