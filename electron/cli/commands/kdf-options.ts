/** The `--kdf-memory` and `--kdf-iterations` of the commands that set a new password (init, backup, restore). */
import { KDF_DEFAULTS, assertKdfParams } from '../../core/vault/crypto/kdf';
import type { KdfChoice } from '../../core/vault/key-wrap';

/** The flags, as commander hands them over (memory already converted from MiB). */
export interface KdfOptions {
  readonly kdfMemory?: number; // KiB, already converted from MiB
  readonly kdfIterations?: number;
}

/** The KDF choice of the flags, checked before any password is asked for (the core checks again). */
export function kdfChoice(o: KdfOptions): KdfChoice {
  const kdf = {
    memoryKiB: o.kdfMemory ?? KDF_DEFAULTS.memoryKiB,
    iterations: o.kdfIterations ?? KDF_DEFAULTS.iterations,
    parallelism: KDF_DEFAULTS.parallelism,
  };
  assertKdfParams({ algorithm: 'argon2id', ...kdf });
  return kdf;
}
