/**
 * Master-password key derivation: Argon2id (RFC 9106) through @node-rs/argon2, a vetted
 * Rust implementation. Parameters live in the vault header in plaintext and are bound into
 * the password-wrap's associated data, so editing them makes the wrap fail to open.
 */
import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { AppError } from '../../../../shared/errors';

/** Argon2id parameters as stored in the header. */
export interface KdfParams {
  readonly algorithm: 'argon2id';
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly salt: Buffer;
}

/** RFC 9106's second recommended option: m = 64 MiB, t = 3, p = 4. */
export const KDF_DEFAULTS = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 } as const;

/** OWASP's minimum for Argon2id: m = 19 MiB, t = 2. Nothing weaker is ever accepted. */
export const KDF_FLOOR = { memoryKiB: 19 * 1024, iterations: 2 } as const;

/**
 * Upper bounds, checked before any derivation, so a hostile vault header or backup cannot make
 * unlock allocate gigabytes or spin for minutes (in the app that would be the main process).
 * 1 GiB and 10 passes are far above any setting PAT Vault offers by default (64 MiB, 3 passes).
 */
export const KDF_CEILING = { memoryKiB: 1024 * 1024, iterations: 10, parallelism: 16 } as const;

export const SALT_BYTES = 16;
const ARGON2ID = 2 as Algorithm;
export const KEY_BYTES = 32;

/** Throws KDF_TOO_WEAK below the floor, BAD_INPUT outside sane bounds (the message names the settings). */
export function assertKdfParams(p: Omit<KdfParams, 'salt'> & { salt?: Buffer }): void {
  const ints = [p.memoryKiB, p.iterations, p.parallelism];
  if (p.algorithm !== 'argon2id' || !ints.every((n) => Number.isSafeInteger(n) && n > 0)) {
    throw new AppError('BAD_INPUT', 'Key derivation settings are not valid Argon2id parameters.');
  }
  if (p.memoryKiB < KDF_FLOOR.memoryKiB || p.iterations < KDF_FLOOR.iterations) {
    throw new AppError(
      'KDF_TOO_WEAK',
      `Key derivation settings (memory ${formatMiB(p.memoryKiB)}, ${p.iterations} iterations) are below the safe minimum ` +
        `(memory ${formatMiB(KDF_FLOOR.memoryKiB)}, ${KDF_FLOOR.iterations} iterations).`,
    );
  }
  if (isAboveCeiling(p)) {
    throw new AppError(
      'BAD_INPUT',
      `Key derivation settings ${describeKdf(p)} exceed the maximum (memory ${formatMiB(KDF_CEILING.memoryKiB)}, ` +
        `${KDF_CEILING.iterations} iterations, parallelism ${KDF_CEILING.parallelism}).`,
    );
  }
  if (p.salt !== undefined && p.salt.length !== SALT_BYTES) {
    throw new AppError('BAD_INPUT', 'Key derivation salt has the wrong length.');
  }
}

/** "(memory 2048 MiB, 3 iterations, parallelism 4)", for messages. */
export function describeKdf(p: { memoryKiB: number; iterations: number; parallelism: number }): string {
  return `(memory ${formatMiB(p.memoryKiB)}, ${p.iterations} iterations, parallelism ${p.parallelism})`;
}

/** True when the settings are above KDF_CEILING (assertKdfParams refuses them). */
export function isAboveCeiling(p: { memoryKiB: number; iterations: number; parallelism: number }): boolean {
  return p.memoryKiB > KDF_CEILING.memoryKiB || p.iterations > KDF_CEILING.iterations || p.parallelism > KDF_CEILING.parallelism;
}

function formatMiB(kib: number): string {
  return `${Math.round((kib / 1024) * 10) / 10} MiB`;
}

/** Derives the 32-byte key-encryption key from the master password. */
export async function deriveKeyFromPassword(password: string, p: KdfParams): Promise<Buffer> {
  assertKdfParams(p);
  // Algorithm is an ambient const enum (unusable under isolatedModules); 2 is its Argon2id.
  const out = await hashRaw(Buffer.from(password.normalize('NFC'), 'utf8'), {
    algorithm: ARGON2ID,
    memoryCost: p.memoryKiB,
    timeCost: p.iterations,
    parallelism: p.parallelism,
    outputLen: KEY_BYTES,
    salt: p.salt,
  });
  return Buffer.from(out);
}

/** Canonical bytes of the parameters, bound as associated data of the password wrap. */
export function kdfContext(p: KdfParams): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32BE(p.memoryKiB, 0);
  b.writeUInt32BE(p.iterations, 4);
  b.writeUInt32BE(p.parallelism, 8);
  b.writeUInt32BE(1, 12); // algorithm 1 = argon2id
  return Buffer.concat([Buffer.from('argon2id\0'), b, p.salt]);
}
