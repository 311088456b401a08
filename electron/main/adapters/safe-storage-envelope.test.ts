import { describe, expect, it } from 'vitest';
import { decodeSafeStoragePayload, encodeSafeStoragePayload } from './safe-storage-envelope';

const secret = Buffer.from('0123456789abcdef0123456789abcdef');

describe('safeStorage payload', () => {
  it('round-trips the secret for the same vault', () => {
    const payload = encodeSafeStoragePayload('vault-1', secret);
    expect(decodeSafeStoragePayload('vault-1', payload)).toEqual(secret);
  });

  it('refuses a payload made for another vault', () => {
    const payload = encodeSafeStoragePayload('vault-1', secret);
    expect(decodeSafeStoragePayload('vault-2', payload)).toBeNull();
  });

  it('refuses other formats and damaged payloads', () => {
    const good = encodeSafeStoragePayload('v', secret);
    for (const bad of [
      '',
      secret.toString('base64'),
      good.replace('/v1', '/v2'),
      `${good}\nextra`,
      good.replace(/\n[^\n]*$/, '\n'),
      good.replace(/\n[^\n]*$/, '\nnot base64!'),
      good.slice(0, -1),
    ]) {
      expect(decodeSafeStoragePayload('v', bad)).toBeNull();
    }
  });

  it('rejects vault ids that would break the line format', () => {
    expect(() => encodeSafeStoragePayload('', secret)).toThrow();
    expect(() => encodeSafeStoragePayload('a\nb', secret)).toThrow();
  });
});
