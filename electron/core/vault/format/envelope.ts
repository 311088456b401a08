/**
 * The sealed-envelope byte format, parsed and written by code that does no crypto.
 *
 *   offset 0   "PV"        magic: says "this is a PAT Vault envelope"
 *          2   version     format version (1)
 *          3   kind        what the envelope holds (see EnvelopeKind)
 *          4   nonce       12 bytes
 *         16   ciphertext  0..n bytes
 *       n-16   tag         16 bytes (AES-256-GCM)
 *
 * The magic, version and kind are also bound into the associated data when sealing, so a
 * blob cannot be re-labelled. Decoding rejects anything malformed with envelopeFormatError.
 */

/** Current envelope format version. */
export const ENVELOPE_VERSION = 1;

/** What an envelope holds. Values are part of the on-disk format: never renumber. */
export const EnvelopeKind = {
  PasswordWrap: 1,
  KeychainWrap: 2,
  Overview: 3,
  Secret: 4,
  Audit: 5,
} as const;

/** One of EnvelopeKind's values. */
export type EnvelopeKind = (typeof EnvelopeKind)[keyof typeof EnvelopeKind];

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
const MAGIC_0 = 0x50; // 'P'
const MAGIC_1 = 0x56; // 'V'
const HEADER_BYTES = 4 + NONCE_BYTES;

/** Largest envelope we accept; real ones are far smaller (token ≤ 16 KiB, notes ≤ 20k chars). */
export const MAX_ENVELOPE_BYTES = 1024 * 1024;

/** An envelope split into its parts. Buffers are views into the input. */
export interface Envelope {
  readonly version: number;
  readonly kind: EnvelopeKind;
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

const MALFORMED = 'EnvelopeFormatError';

/** The error raised for bytes that are not a well-formed envelope of the expected kind. */
export function envelopeFormatError(reason: string): Error {
  const e = new Error(`malformed envelope: ${reason}`);
  e.name = MALFORMED;
  return e;
}

/** True for an error raised by envelopeFormatError (a malformed envelope, as opposed to a failed authentication). */
export function isEnvelopeFormatError(e: unknown): boolean {
  return e instanceof Error && e.name === MALFORMED;
}

/** The 4 prefix bytes (magic, version, kind), also used as associated data. */
export function envelopePrefix(kind: EnvelopeKind, version = ENVELOPE_VERSION): Buffer {
  return Buffer.from([MAGIC_0, MAGIC_1, version, kind]);
}

/** Writes an envelope. */
export function encodeEnvelope(kind: EnvelopeKind, nonce: Buffer, ciphertext: Buffer, tag: Buffer): Buffer {
  if (nonce.length !== NONCE_BYTES) throw envelopeFormatError('nonce length');
  if (tag.length !== TAG_BYTES) throw envelopeFormatError('tag length');
  return Buffer.concat([envelopePrefix(kind), nonce, ciphertext, tag]);
}

/** Parses an envelope and checks it is of `expected` kind and a version we read. */
export function decodeEnvelope(bytes: unknown, expected: EnvelopeKind): Envelope {
  if (!(bytes instanceof Uint8Array)) throw envelopeFormatError('not bytes');
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES + TAG_BYTES) throw envelopeFormatError('too short');
  if (buf.length > MAX_ENVELOPE_BYTES) throw envelopeFormatError('too long');
  if (buf[0] !== MAGIC_0 || buf[1] !== MAGIC_1) throw envelopeFormatError('bad magic');
  if (buf[2] !== ENVELOPE_VERSION) throw envelopeFormatError(`unknown version ${String(buf[2])}`);
  if (buf[3] !== expected) throw envelopeFormatError(`kind ${String(buf[3])}, expected ${String(expected)}`);
  return {
    version: buf[2],
    kind: expected,
    nonce: buf.subarray(4, HEADER_BYTES),
    ciphertext: buf.subarray(HEADER_BYTES, buf.length - TAG_BYTES),
    tag: buf.subarray(buf.length - TAG_BYTES),
  };
}
