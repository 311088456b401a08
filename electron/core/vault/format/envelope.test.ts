import { createSecretKey, randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { open, seal } from '../crypto/aead';
import { EnvelopeKind, decodeEnvelope } from './envelope';

const key = createSecretKey(randomBytes(32));
const vaultId = randomBytes(16);
const ctx = Buffer.from('record-1');

test('a sealed envelope opens only with the same key, vault, kind and context', () => {
  const blob = seal(key, vaultId, EnvelopeKind.Secret, ctx, Buffer.from('hello'));
  expect(open(key, vaultId, EnvelopeKind.Secret, ctx, blob)?.toString()).toBe('hello');
  expect(open(createSecretKey(randomBytes(32)), vaultId, EnvelopeKind.Secret, ctx, blob)).toBeNull();
  expect(open(key, randomBytes(16), EnvelopeKind.Secret, ctx, blob)).toBeNull();
  expect(open(key, vaultId, EnvelopeKind.Secret, Buffer.from('record-2'), blob)).toBeNull();
  // Re-labelling the kind byte is caught twice: by the format check and by the AAD.
  const relabelled = Buffer.from(blob);
  relabelled[3] = EnvelopeKind.Overview;
  expect(open(key, vaultId, EnvelopeKind.Overview, ctx, relabelled)).toBeNull();
  expect(() => open(key, vaultId, EnvelopeKind.Secret, ctx, relabelled)).toThrow(/malformed envelope/);
});

test('two seals of the same plaintext differ (fresh nonce each time)', () => {
  const a = seal(key, vaultId, EnvelopeKind.Secret, ctx, Buffer.from('same'));
  const b = seal(key, vaultId, EnvelopeKind.Secret, ctx, Buffer.from('same'));
  expect(a.equals(b)).toBe(false);
});

test('malformed bytes are rejected with a reason, never half-parsed', () => {
  const good = seal(key, vaultId, EnvelopeKind.Audit, ctx, Buffer.from('x'));
  const cases: [unknown, RegExp][] = [
    ['a string', /not bytes/],
    [null, /not bytes/],
    [Buffer.alloc(10), /too short/],
    [Buffer.concat([Buffer.from('XX'), good.subarray(2)]), /bad magic/],
    [Buffer.concat([good.subarray(0, 2), Buffer.from([9]), good.subarray(3)]), /unknown version 9/],
    [good, /kind 5, expected 4/],
    [Buffer.alloc(2 * 1024 * 1024, 0x50), /too long/],
  ];
  for (const [bytes, reason] of cases) {
    expect(() => decodeEnvelope(bytes, EnvelopeKind.Secret)).toThrow(reason);
  }
  expect(decodeEnvelope(good, EnvelopeKind.Audit).ciphertext.length).toBe(1);
});
