/**
 * Damaged, altered, foreign and wrongly-unlocked backups: always one clear refusal — never a
 * crash, never partial data — and nothing written: a restore creates no file, the vault a
 * merge would go into stays the same byte for byte.
 */
import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { errorOf } from '../test-support/app-errors';
import { FAST_KDF, TEST_PASSWORD, createTestVault, tempDir } from '../test-support/temp-vault';
import { Vault } from '../vault/vault';
import { randomBytes } from 'node:crypto';
import { kdfFrom } from '../vault/key-wrap';
import { BACKUP_FORMAT, CHECKSUM_BYTES, HEADER_BYTES, checksum, encodeBackup, encodeHeader, type BackupHeader } from './format';
import { backupKey, sealPayload } from './seal';
import { mergeBackup, readBackup, restoreBackupToNewVault, writeBackup } from './index';

const PW = 'backup pass phrase zq7';
const NEW_PW = 'new master password zq7';

let dir: string;
let cleanup: () => void;
let original: Buffer;
let targetPath: string;
let targetBytes: Buffer;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('patvault-backup-damage-'));
  const v = await createTestVault(dir, { name: 'source.sqlite' });
  v.tokens.add({ platform: 'github', account: 'acme', name: 'CI', token: 'ghp_damagetestvalue0001', notes: 'n' });
  v.tokens.add({ platform: 'gitlab', account: 'globex', name: 'Registry', token: 'glpat-damagetest0002', scopes: ['api'] });
  const file = join(dir, 'small.backup');
  await writeBackup(v, file, PW, { kdf: FAST_KDF });
  v.close();
  original = readFileSync(file);
  // The vault a merge would go into: unlocked through every attempt, compared byte for byte after.
  const target = await createTestVault(dir, { name: 'target.sqlite' });
  target.tokens.add({ platform: 'github', account: 'other', name: 'Keep', token: 'ghp_targetvalue0003' });
  targetPath = target.path;
  target.close();
  targetBytes = readFileSync(targetPath);
});
afterAll(() => cleanup());

/** Codes that are a clear refusal of a backup file. */
const CLEAR = new Set(['VAULT_DAMAGED', 'BAD_INPUT', 'WRONG_PASSWORD', 'VAULT_TOO_NEW', 'KDF_TOO_WEAK']);

/** Reads `bytes` as a backup with the right password: the refusal's "code: message", or 'READ' if it was accepted. */
async function outcome(bytes: Buffer, name = 'damaged.backup'): Promise<string> {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  try {
    await readBackup(f, PW);
    return 'READ';
  } catch (e) {
    if (!isAppError(e)) return `crash: ${String(e)}`;
    if (!CLEAR.has(e.code) || /\n/.test(e.message)) return `unclear ${e.code}: ${e.message}`;
    return `${e.code}: ${e.message}`;
  }
}

/** The file with one byte changed and the checksum recomputed: a deliberate edit, not an accident. */
function forged(pos: number, xor = 0x01): Buffer {
  const b = Buffer.from(original);
  b[pos] = (b[pos] as number) ^ xor;
  const body = b.subarray(0, b.length - CHECKSUM_BYTES);
  checksum(body).copy(b, b.length - CHECKSUM_BYTES);
  return b;
}

describe('a damaged backup is refused, never half-read', () => {
  it('every byte flipped in turn: "The backup file is damaged …", and a restore or merge writes nothing', async () => {
    const counts = new Map<string, number>();
    const bad: string[] = [];
    const newVault = join(dir, 'never.sqlite');
    const target = Vault.open(targetPath);
    await target.unlock(TEST_PASSWORD);
    try {
      for (let pos = 0; pos < original.length; pos++) {
        const b = Buffer.from(original);
        b[pos] = (b[pos] as number) ^ 0xff;
        const o = await outcome(b, 'flipped.backup');
        const code = o.split(':')[0] as string;
        counts.set(code, (counts.get(code) ?? 0) + 1);
        if (!/^VAULT_DAMAGED: The backup file is damaged \(/.test(o)) bad.push(`byte ${pos}: ${o}`);
        // The same refusal through a restore (no file created) and a merge (the vault untouched).
        const f = join(dir, 'flipped.backup');
        const restored = await errorOf(restoreBackupToNewVault(f, PW, newVault, NEW_PW, { kdf: FAST_KDF }));
        if (`${restored.code}: ${restored.message}` !== o || existsSync(newVault)) bad.push(`byte ${pos}: restore ${restored.message}`);
        const merged = await errorOf(async () => mergeBackup(target, await readBackup(f, PW)));
        if (merged.code !== 'VAULT_DAMAGED') bad.push(`byte ${pos}: merge ${merged.code}`);
      }
      expect(target.audit.log().map((e) => e.action)).toEqual(['vault-create', 'create']); // nothing since
    } finally {
      target.close();
    }
    expect(bad).toEqual([]);
    expect(counts).toEqual(new Map([['VAULT_DAMAGED', original.length]]));
    expect(readFileSync(targetPath).equals(targetBytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('never') || f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('an edit with the checksum recomputed (header, KDF, salt, date, nonce, length, ciphertext, tag) fails to decrypt: never data', async () => {
    const places: Record<string, [number, number]> = {
      version: [16, 0x01], // 1 → 0
      reserved: [19, 0x01],
      memory: [23, 0x01],
      iterations: [27, 0x01], // 2 → 3
      parallelism: [31, 0x02], // 1 → 3
      salt: [40, 0x01],
      date: [55, 0x01],
      nonce: [60, 0x01],
      ciphertext: [HEADER_BYTES + 5, 0x01],
      'ciphertext end': [original.length - CHECKSUM_BYTES - 17, 0x01],
      tag: [original.length - CHECKSUM_BYTES - 1, 0x01],
    };
    const results: Record<string, string> = {};
    for (const [what, [pos, xor]] of Object.entries(places)) results[what] = (await outcome(forged(pos, xor))).split(':')[0] as string;
    // Everything in the header is associated data (and the KDF settings and salt also change
    // the key): an edited header cannot be told from a wrong password, and never yields data.
    expect(results).toEqual({
      version: 'VAULT_DAMAGED',
      reserved: 'VAULT_DAMAGED',
      memory: 'WRONG_PASSWORD',
      iterations: 'WRONG_PASSWORD',
      parallelism: 'WRONG_PASSWORD',
      salt: 'WRONG_PASSWORD',
      date: 'WRONG_PASSWORD',
      nonce: 'WRONG_PASSWORD',
      ciphertext: 'WRONG_PASSWORD',
      'ciphertext end': 'WRONG_PASSWORD',
      tag: 'WRONG_PASSWORD',
    });
  });

  it('a KDF lowered on purpose is named as tampering; a raised one as a newer version or wrong password', async () => {
    const lowered = Buffer.from(original);
    lowered.writeUInt32BE(1024, 20); // 1 MiB
    checksum(lowered.subarray(0, lowered.length - CHECKSUM_BYTES)).copy(lowered, lowered.length - CHECKSUM_BYTES);
    expect(await outcome(lowered)).toMatch(/^KDF_TOO_WEAK: .*below the safe minimum.*the backup header has been tampered with\.$/);
    const huge = Buffer.from(original);
    huge.writeUInt32BE(2 * 1024 * 1024, 20); // 2 GiB: refused before any memory is spent
    checksum(huge.subarray(0, huge.length - CHECKSUM_BYTES)).copy(huge, huge.length - CHECKSUM_BYTES);
    const started = performance.now();
    expect(await outcome(huge)).toMatch(
      /^VAULT_DAMAGED: Key derivation settings \(memory 2048 MiB, \d+ iterations, parallelism \d+\) exceed the maximum \(memory 1024 MiB, 10 iterations, parallelism 16\)\. Refusing to read .* before deriving any key/,
    );
    expect(performance.now() - started).toBeLessThan(2000); // a 2 GiB Argon2 pass alone takes longer
    const passes = Buffer.from(original);
    passes.writeUInt32BE(64, 24);
    checksum(passes.subarray(0, passes.length - CHECKSUM_BYTES)).copy(passes, passes.length - CHECKSUM_BYTES);
    expect(await outcome(passes)).toMatch(/^VAULT_DAMAGED: Key derivation settings \(memory \d+ MiB, 64 iterations, parallelism \d+\) exceed the maximum/);
    const newer = Buffer.from(original);
    newer[16] = 2;
    checksum(newer.subarray(0, newer.length - CHECKSUM_BYTES)).copy(newer, newer.length - CHECKSUM_BYTES);
    expect(await outcome(newer)).toMatch(/^VAULT_TOO_NEW: .* was written by a newer version of PAT Vault \(backup format 2; this version reads 1\)/);
  });
});

describe('not a backup, cut short, wrong password', () => {
  it('an empty file, random bytes, a vault file and a JSON file are "not a PAT Vault backup"', async () => {
    const f = (n: string) => join(dir, n);
    expect(await outcome(Buffer.alloc(0), 'empty')).toBe(`BAD_INPUT: ${f('empty')} is not a PAT Vault backup.`);
    expect(await outcome(Buffer.from([0x50, 0x41]), 'tiny')).toBe(`BAD_INPUT: ${f('tiny')} is not a PAT Vault backup.`);
    expect(await outcome(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'random')).toBe(
      `BAD_INPUT: ${f('random')} is not a PAT Vault backup.`,
    );
    expect(await outcome(targetBytes, 'vault')).toBe(`BAD_INPUT: ${f('vault')} is not a PAT Vault backup.`);
    expect(await outcome(Buffer.from('[{"platform":"github"}]'), 'json')).toBe(`BAD_INPUT: ${f('json')} is not a PAT Vault backup.`);
  });

  it('a file cut short anywhere, or with bytes added, is damaged', async () => {
    const cuts = [16, 17, 40, HEADER_BYTES, HEADER_BYTES + 10, original.length - CHECKSUM_BYTES, original.length - 1];
    for (const n of cuts) expect(await outcome(original.subarray(0, n)), `cut at ${n}`).toMatch(/^VAULT_DAMAGED: The backup file is damaged \(cut short\)/);
    expect(await outcome(Buffer.concat([original, Buffer.from('x')]))).toMatch(/^VAULT_DAMAGED: The backup file is damaged \(checksum mismatch\)/);
  });

  it('a file over 512 MiB is refused before it is read; a missing file or a folder is a clear error', async () => {
    const big = join(dir, 'big.backup');
    writeFileSync(big, original);
    truncateSync(big, 512 * 1024 * 1024 + 1); // sparse: no disk used
    expect(await errorOf(readBackup(big, PW))).toEqual({ code: 'BAD_INPUT', message: `${big} is larger than 512 MiB: not a PAT Vault backup.` });
    expect(await errorOf(readBackup(join(dir, 'missing'), PW))).toEqual({ code: 'BAD_INPUT', message: `Cannot read ${join(dir, 'missing')} (ENOENT).` });
    expect(await errorOf(readBackup(dir, PW))).toEqual({ code: 'BAD_INPUT', message: `${dir} is not a PAT Vault backup (not a file).` });
  });

  it('a wrong password is refused with WRONG_PASSWORD; no vault is created, the target is untouched', async () => {
    const f = join(dir, 'good.backup');
    writeFileSync(f, original);
    expect(await errorOf(readBackup(f, 'not the backup password'))).toEqual({ code: 'WRONG_PASSWORD', message: 'Wrong backup password. Nothing was changed.' });
    const newVault = join(dir, 'wrong-pw.sqlite');
    expect(await errorOf(restoreBackupToNewVault(f, 'not the backup password', newVault, NEW_PW, { kdf: FAST_KDF }))).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(existsSync(newVault)).toBe(false);
    const target = Vault.open(targetPath);
    await target.unlock(TEST_PASSWORD);
    try {
      expect(await errorOf(async () => mergeBackup(target, await readBackup(f, 'not the backup password')))).toMatchObject({ code: 'WRONG_PASSWORD' });
    } finally {
      target.close();
    }
    expect(readFileSync(targetPath).equals(targetBytes)).toBe(true);
    expect((await readBackup(f, PW)).tokens).toHaveLength(2); // the file itself is fine
  });
});

describe('content that decrypts but is not what PAT Vault writes', () => {
  beforeAll(() => writeFileSync(join(dir, 'good.backup'), original));
  /** A correctly sealed backup of `plain` (as a buggy or newer writer with the password would make). */
  async function sealed(plain: Buffer): Promise<Buffer> {
    const kdf = kdfFrom(FAST_KDF);
    const header: BackupHeader = { format: BACKUP_FORMAT, kdf, createdAt: new Date(), nonce: randomBytes(12), ciphertextLength: plain.length };
    const { ciphertext, tag } = sealPayload(await backupKey(PW, kdf), header.nonce, encodeHeader(header), plain);
    return encodeBackup(header, ciphertext, tag);
  }
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));

  it('is refused whole, naming the place and never the content', async () => {
    const good = await readBackup(join(dir, 'good.backup'), PW);
    expect(await outcome(await sealed(json(good)))).toBe('READ');
    expect(await outcome(await sealed(Buffer.from('{"format":1,')))).toMatch(/^VAULT_DAMAGED: The backup file is damaged \(content is not readable\)/);
    const orphan = { ...good, tokens: [{ ...good.tokens[0], accountId: 'a'.repeat(32) }] };
    expect(await outcome(await sealed(json(orphan)))).toMatch(/^VAULT_DAMAGED: The backup file is damaged \(invalid content at tokens\.0\.accountId\)/);
    const badDate = { ...good, tokens: [{ ...good.tokens[0], expiresAt: 'ghp_secret_in_a_date' }] };
    const o = await outcome(await sealed(json(badDate)));
    expect(o).toMatch(/^VAULT_DAMAGED: .*\(invalid content at tokens\.0\.expiresAt\)/);
    expect(o).not.toContain('ghp_');
  });

  it('fields or a content format from a newer version are named as such', async () => {
    const good = await readBackup(join(dir, 'good.backup'), PW);
    const extra = { ...good, tokens: [{ ...good.tokens[0], someNewField: [1] }, ...good.tokens.slice(1)] };
    expect(await outcome(await sealed(json(extra)))).toMatch(/^VAULT_TOO_NEW: .* holds fields this version of PAT Vault does not know \(at tokens\.0\)/);
    expect(await outcome(await sealed(json({ ...good, format: 2 })))).toMatch(/^VAULT_TOO_NEW: .*content format 2; this version reads 1/);
  });
});
