/**
 * Secrets are padded before sealing (issue 12, item 7), so an envelope's length does not give
 * the token's length or kind; secrets sealed before padding existed still open.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestVault, tempDir } from '../test-support/temp-vault';
import { envelopeTag, seal } from './crypto/aead';
import { EnvelopeKind } from './format/envelope';
import { idBytes } from './ids';
import type { VaultKernel } from './kernel';
import { encodeJson } from './record-codec';
import { SECRET_LARGE_STEP, SECRET_STEP, padSecret } from './vault-records';
import { bucketOf } from './vault-state';
import type { Vault } from './vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function envelopeLength(path: string, id: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT length(secret) AS n FROM secrets WHERE id = ?').get(idBytes(id)) as { n: number }).n;
  } finally {
    db.close();
  }
}

const base = { platform: 'custom', account: 'acct', name: 'padding', notes: '', platformMismatchOk: true } as const;

test('a 20-character and a 100-character value seal to envelopes of equal length', async () => {
  const v = await createTestVault(dir);
  const short = v.tokens.add({ ...base, name: 'short', token: 'x'.repeat(20) });
  const long = v.tokens.add({ ...base, name: 'long', token: 'y'.repeat(100) });
  const gh = v.tokens.add({ ...base, name: 'github-shaped', platform: 'github', token: `ghp_${'A'.repeat(36)}` });
  const lengths = [short, long, gh].map((t) => envelopeLength(v.path, t.id));
  expect(new Set(lengths).size).toBe(1);
  expect(v.tokens.readSecret(long.id, 'get').value).toBe('y'.repeat(100));
  v.close();
});

test('padSecret: fixed steps, small and large, and JSON that still parses to the same value', () => {
  const small = encodeJson({ v: 1, value: 'abc', notes: '' });
  expect(padSecret(small).length).toBe(SECRET_STEP);
  expect(padSecret(Buffer.alloc(SECRET_STEP, 0x20)).length).toBe(SECRET_STEP);
  expect(padSecret(Buffer.alloc(SECRET_STEP + 1, 0x20)).length).toBe(2 * SECRET_STEP);
  expect(padSecret(Buffer.alloc(5000, 0x20)).length).toBe(2 * SECRET_LARGE_STEP);
  expect(JSON.parse(padSecret(small).toString('utf8'))).toEqual({ v: 1, value: 'abc', notes: '' });
});

test('a secret sealed without padding (an older vault) still opens, and is padded when rewritten', async () => {
  const v = await createTestVault(dir);
  const t = v.tokens.add({ ...base, token: 'old-unpadded-value-0123', notes: 'old note' });
  // Re-seal this token's secret as an older version wrote it: the bare JSON.
  const kernel = (v as unknown as { kernel: VaultKernel }).kernel;
  kernel.write({}, (ctx) => {
    const idb = idBytes(t.id);
    const sealed = seal(ctx.keys.recordKey, ctx.vaultId, EnvelopeKind.Secret, idb, encodeJson({ v: 1, value: 'old-unpadded-value-0123', notes: 'old note' }));
    ctx.repo.putSecret(idb, sealed);
    const rec = ctx.state.tokens.get(t.id)!;
    ctx.state.tokens.set(t.id, { ...rec, secretTag: envelopeTag(sealed) });
    ctx.dirty.add(bucketOf(t.id));
  });
  const unpadded = envelopeLength(v.path, t.id);
  expect(unpadded % SECRET_STEP).not.toBe(0);
  const path = v.path;
  v.close();
  const reopened: Vault = await import('./vault').then((m) => m.Vault.open(path));
  await reopened.unlock('correct horse battery staple');
  expect(reopened.tokens.readSecret(t.id, 'get')).toEqual({ value: 'old-unpadded-value-0123', notes: 'old note' });
  reopened.tokens.edit(t.id, { name: 'renamed' });
  expect(envelopeLength(path, t.id)).toBe(SECRET_STEP + 32);
  reopened.close();
});
