import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { isAppError } from '../../../../shared/errors';
import { KDF_DEFAULTS, assertKdfParams, deriveKeyFromPassword, kdfContext, type KdfParams } from './kdf';

const params = (over: Partial<KdfParams> = {}): KdfParams => ({
  algorithm: 'argon2id',
  memoryKiB: 19 * 1024,
  iterations: 2,
  parallelism: 1,
  salt: Buffer.alloc(16, 1),
  ...over,
});

function codeOf(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return isAppError(e) ? e.code : 'crash';
  }
}

test('defaults follow RFC 9106 (64 MiB, t = 3) and the floor is OWASP (19 MiB, t = 2)', () => {
  expect(KDF_DEFAULTS).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 4 });
  expect(codeOf(() => assertKdfParams(params()))).toBe('ok');
  expect(codeOf(() => assertKdfParams(params({ memoryKiB: 19 * 1024 - 1 })))).toBe('KDF_TOO_WEAK');
  expect(codeOf(() => assertKdfParams(params({ iterations: 1 })))).toBe('KDF_TOO_WEAK');
  expect(codeOf(() => assertKdfParams(params({ memoryKiB: 8 * 1024 * 1024 })))).toBe('BAD_INPUT');
  expect(codeOf(() => assertKdfParams(params({ parallelism: 0 })))).toBe('BAD_INPUT');
  expect(codeOf(() => assertKdfParams(params({ iterations: 2.5 })))).toBe('BAD_INPUT');
});

test('derivation is deterministic for the same inputs and differs when any changes', async () => {
  const a = await deriveKeyFromPassword('pässword', params());
  expect(a).toHaveLength(32);
  expect((await deriveKeyFromPassword('pässword', params())).equals(a)).toBe(true);
  // NFC and NFD spellings of the same password give the same key.
  expect((await deriveKeyFromPassword('pa\u0308ssword', params())).equals(a)).toBe(true);
  expect((await deriveKeyFromPassword('password', params())).equals(a)).toBe(false);
  expect((await deriveKeyFromPassword('pässword', params({ salt: randomBytes(16) }))).equals(a)).toBe(false);
  expect((await deriveKeyFromPassword('pässword', params({ iterations: 3 }))).equals(a)).toBe(false);
});

test('the bound context changes with every parameter', () => {
  const base = kdfContext(params());
  for (const over of [{ memoryKiB: 20000 }, { iterations: 3 }, { parallelism: 2 }, { salt: Buffer.alloc(16, 2) }]) {
    expect(kdfContext(params(over)).equals(base)).toBe(false);
  }
});
