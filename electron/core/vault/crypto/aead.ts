/**
 * AES-256-GCM sealing into self-describing envelopes (node:crypto only).
 *
 * Why random 96-bit nonces are safe here: every seal draws a fresh nonce, and a vault key
 * seals far fewer than the 2^32 messages after which random-nonce collisions in GCM become a
 * concern (NIST SP 800-38D §8.3). Associated data always carries the vault id, the envelope
 * prefix (magic, version, kind) and the caller's context (record id, sequence number, …),
 * so a blob moved to another record, kind or vault fails to open.
 */
import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import {
  NONCE_BYTES,
  TAG_BYTES,
  decodeEnvelope,
  encodeEnvelope,
  envelopePrefix,
  type EnvelopeKind,
} from '../format/envelope';

const AAD_LABEL = Buffer.from('patvault/v1/aead\0', 'utf8');

function associatedData(vaultId: Buffer, kind: EnvelopeKind, context: Buffer): Buffer {
  return Buffer.concat([AAD_LABEL, vaultId, envelopePrefix(kind), context]);
}

/** Seals `plaintext` into an envelope of `kind`. */
export function seal(key: KeyObject, vaultId: Buffer, kind: EnvelopeKind, context: Buffer, plaintext: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(vaultId, kind, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return encodeEnvelope(kind, nonce, ciphertext, cipher.getAuthTag());
}

/**
 * Opens an envelope. Returns null when authentication fails (wrong key, altered bytes,
 * wrong context); throws EnvelopeFormatError when the bytes are not an envelope of `kind`.
 */
export function open(key: KeyObject, vaultId: Buffer, kind: EnvelopeKind, context: Buffer, bytes: unknown): Buffer | null {
  const env = decodeEnvelope(bytes, kind);
  const decipher = createDecipheriv('aes-256-gcm', key, env.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(vaultId, kind, context));
  decipher.setAuthTag(env.tag);
  try {
    return Buffer.concat([decipher.update(env.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/** The GCM tag of an envelope: what the manifest binds for each record. */
export function envelopeTag(bytes: Buffer): Buffer {
  return bytes.subarray(bytes.length - TAG_BYTES);
}
