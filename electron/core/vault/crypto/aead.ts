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

// Unlock opens ~10,000 envelopes; building each one's associated data in one reused buffer
// (setAAD copies it) instead of concatenating saves an allocation per record.
let aadScratch = Buffer.alloc(256);

function associatedData(vaultId: Buffer, kind: EnvelopeKind, context: Buffer): Buffer {
  const len = AAD_LABEL.length + vaultId.length + 4 + context.length;
  if (len > aadScratch.length) aadScratch = Buffer.alloc(len * 2);
  let o = AAD_LABEL.copy(aadScratch, 0);
  o += vaultId.copy(aadScratch, o);
  o += envelopePrefix(kind).copy(aadScratch, o);
  o += context.copy(aadScratch, o);
  return aadScratch.subarray(0, o);
}

// Nonces come from the CSPRNG in blocks: one call per 1,024 nonces instead of one per seal
// (an import seals three envelopes per token). Every nonce is still fresh random bytes,
// handed out once.
const NONCE_BLOCK = NONCE_BYTES * 1024;
let noncePool = Buffer.alloc(0);
let noncePos = 0;

function freshNonce(): Buffer {
  if (noncePos + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_BLOCK);
    noncePos = 0;
  }
  const n = Buffer.from(noncePool.subarray(noncePos, noncePos + NONCE_BYTES));
  noncePos += NONCE_BYTES;
  return n;
}

/** Seals `plaintext` into an envelope of `kind`. */
export function seal(key: KeyObject, vaultId: Buffer, kind: EnvelopeKind, context: Buffer, plaintext: Buffer): Buffer {
  const nonce = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(vaultId, kind, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return encodeEnvelope(kind, nonce, ciphertext, cipher.getAuthTag());
}

/**
 * Opens an envelope. Returns null when authentication fails (wrong key, altered bytes,
 * wrong context); throws a malformed-envelope error when the bytes are not an envelope of `kind`.
 */
export function open(key: KeyObject, vaultId: Buffer, kind: EnvelopeKind, context: Buffer, bytes: unknown): Buffer | null {
  const env = decodeEnvelope(bytes, kind);
  const decipher = createDecipheriv('aes-256-gcm', key, env.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(vaultId, kind, context));
  decipher.setAuthTag(env.tag);
  try {
    const plain = decipher.update(env.ciphertext);
    decipher.final(); // GCM yields no bytes here; it verifies the tag (throws when wrong)
    return plain;
  } catch {
    return null;
  }
}

/** The GCM tag of an envelope: what the manifest binds for each record. */
export function envelopeTag(bytes: Buffer): Buffer {
  return bytes.subarray(bytes.length - TAG_BYTES);
}
