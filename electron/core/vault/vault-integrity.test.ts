/**
 * Tampering and damage: a lowered KDF parameter, a newer schema, records deleted, swapped,
 * replayed or moved. Each must be refused with a clear error, and refusal must write nothing.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { headerChecksum } from './format/header';
import { addSamples } from '../test-support/sample-tokens';
import { TEST_PASSWORD, createTestVault, tempDir } from '../test-support/temp-vault';
import { Vault } from './vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Opens and unlocks, reads everything: the error code, or 'ok'. */
async function openAll(path: string): Promise<string> {
  const r = await errorOf(async () => {
    const v = Vault.open(path);
    try {
      await v.unlock(TEST_PASSWORD);
      v.verifyAll();
    } finally {
      v.close();
    }
  });
  return r.code === 'no error' ? 'ok' : r.code;
}

async function sampleVault(): Promise<{ path: string; ids: string[] }> {
  const v = await createTestVault(dir);
  const ids = addSamples(v);
  v.close();
  return { path: v.path, ids };
}

function edit(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  db.prepare(sql).run(...params);
  db.close();
}

describe('KDF downgrade', () => {
  test('a KDF parameter lowered below the floor is refused by name', async () => {
    const { path } = await sampleVault();
    edit(path, 'UPDATE header SET kdf_memory_kib = 1024');
    const err = await errorOf(async () => Vault.open(path));
    expect(err.code).toBe('KDF_TOO_WEAK');
    expect(err.message).toMatch(/below the safe minimum.*tampered/);
  });

  test('iterations lowered below the floor, with a recomputed checksum, is refused', async () => {
    const { path } = await sampleVault();
    const db = new Database(path);
    db.prepare('UPDATE header SET kdf_iterations = 1').run();
    const row = db.prepare('SELECT * FROM header').get() as Parameters<typeof headerChecksum>[0];
    db.prepare('UPDATE header SET checksum = ?').run(headerChecksum(row));
    db.close();
    expect((await errorOf(async () => Vault.open(path))).code).toBe('KDF_TOO_WEAK');
  });

  test('a lowered but legal parameter with a fixed checksum cannot open the vault (bound to the key wrap)', async () => {
    const v = await Vault.create(`${dir}/strong.sqlite`, TEST_PASSWORD, { kdf: { memoryKiB: 32 * 1024, iterations: 3, parallelism: 1 } });
    v.close();
    const db = new Database(v.path);
    db.prepare('UPDATE header SET kdf_memory_kib = ?, kdf_iterations = 2').run(19 * 1024);
    const row = db.prepare('SELECT * FROM header').get() as Parameters<typeof headerChecksum>[0];
    db.prepare('UPDATE header SET checksum = ?').run(headerChecksum(row));
    db.close();
    const bytes = readFileSync(v.path);
    expect(await openAll(v.path)).toBe('WRONG_PASSWORD');
    expect(readFileSync(v.path).equals(bytes)).toBe(true);
  });

  test('a lowered legal parameter without a fixed checksum reads as damage', async () => {
    const { path } = await sampleVault();
    edit(path, 'UPDATE header SET kdf_iterations = 3');
    expect(await openAll(path)).toBe('VAULT_DAMAGED');
  });
});

describe('versions', () => {
  test('a vault written by a newer schema is refused and left byte-for-byte unchanged', async () => {
    const { path } = await sampleVault();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    const bytes = readFileSync(path);
    const err = await errorOf(async () => Vault.open(path));
    expect(err.code).toBe('VAULT_TOO_NEW');
    expect(err.message).toMatch(/newer version of PAT Vault/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  test('a newer crypto format in the header is refused', async () => {
    const { path } = await sampleVault();
    edit(path, 'UPDATE header SET format = 2');
    expect((await errorOf(async () => Vault.open(path))).code).toBe('VAULT_TOO_NEW');
  });

  test('a file that is not a vault is refused clearly, and a missing one too', async () => {
    const junk = `${dir}/junk.sqlite`;
    writeFileSync(junk, 'hello, this is not a database'.repeat(200));
    expect((await errorOf(async () => Vault.open(junk))).code).toBe('NOT_A_VAULT');
    expect((await errorOf(async () => Vault.open(`${dir}/absent.sqlite`))).code).toBe('VAULT_MISSING');
    const other = new Database(`${dir}/other.sqlite`);
    other.exec('CREATE TABLE notes (x TEXT)');
    other.close();
    expect((await errorOf(async () => Vault.open(`${dir}/other.sqlite`))).code).toBe('VAULT_DAMAGED');
  });
});

describe('the set of records is authenticated', () => {
  const id = (hex: string): Buffer => Buffer.from(hex, 'hex');

  test("a token's secret deleted is detected at unlock", async () => {
    const { path, ids } = await sampleVault();
    edit(path, 'DELETE FROM secrets WHERE id = ?', id(ids[2]!));
    expect(await openAll(path)).toBe('VAULT_DAMAGED');
  });

  test('a bucket of overviews deleted is detected', async () => {
    const { path } = await sampleVault();
    edit(path, 'DELETE FROM buckets WHERE bucket = (SELECT min(bucket) FROM buckets)');
    expect(await openAll(path)).toBe('VAULT_DAMAGED');
  });

  test('two secrets swapped between tokens are detected', async () => {
    const { path, ids } = await sampleVault();
    const db = new Database(path);
    const get = (h: string) => (db.prepare('SELECT secret FROM secrets WHERE id = ?').get(id(h)) as { secret: Buffer }).secret;
    const [a, b] = [get(ids[0]!), get(ids[1]!)];
    db.prepare('UPDATE secrets SET secret = ? WHERE id = ?').run(b, id(ids[0]!));
    db.prepare('UPDATE secrets SET secret = ? WHERE id = ?').run(a, id(ids[1]!));
    db.close();
    expect(await openAll(path)).toBe('VAULT_DAMAGED');
  });

  test('two buckets swapped are detected', async () => {
    const { path } = await sampleVault();
    const db = new Database(path);
    const rows = db.prepare('SELECT bucket, overview FROM buckets ORDER BY bucket LIMIT 2').all() as { bucket: number; overview: Buffer }[];
    expect(rows).toHaveLength(2);
    db.prepare('UPDATE buckets SET overview = ? WHERE bucket = ?').run(rows[1]!.overview, rows[0]!.bucket);
    db.prepare('UPDATE buckets SET overview = ? WHERE bucket = ?').run(rows[0]!.overview, rows[1]!.bucket);
    db.close();
    expect(await openAll(path)).toBe('VAULT_DAMAGED');
  });

  test('an older copy of a secret or of its overview put back (replay) is detected', async () => {
    const v = await createTestVault(dir);
    const [tid] = addSamples(v);
    const db = new Database(v.path);
    const oldSecret = (db.prepare('SELECT secret FROM secrets WHERE id = ?').get(id(tid!)) as { secret: Buffer }).secret;
    const oldBuckets = db.prepare('SELECT bucket, overview FROM buckets').all() as { bucket: number; overview: Buffer }[];
    db.close();
    v.tokens.edit(tid!, { token: 'ghp_replacedvalue000000000000000000000000', name: 'renamed' });
    v.close(); // checkpoints: the file alone holds everything
    const after = `${dir}/after.sqlite`;
    copyFileSync(v.path, after);
    edit(v.path, 'UPDATE secrets SET secret = ? WHERE id = ?', oldSecret, id(tid!));
    expect(await openAll(v.path)).toBe('VAULT_DAMAGED');
    for (const b of oldBuckets) edit(after, 'UPDATE buckets SET overview = ? WHERE bucket = ?', b.overview, b.bucket);
    expect(await openAll(after)).toBe('VAULT_DAMAGED');
  });

  test('an extra secret row copied in under a new id is detected', async () => {
    const { path, ids } = await sampleVault();
    const db = new Database(path);
    const row = db.prepare('SELECT secret FROM secrets WHERE id = ?').get(id(ids[0]!)) as { secret: Buffer };
    db.prepare('INSERT INTO secrets (id, secret) VALUES (?, ?)').run(Buffer.alloc(16, 7), row.secret);
    db.close();
    expect(await openAll(path)).toBe('VAULT_DAMAGED');
  });

  test('a changed, removed or added plaintext expiry is detected', async () => {
    for (const sql of [
      "UPDATE expiries SET expires_at = '2099-01-01' WHERE id = (SELECT min(id) FROM expiries)",
      'DELETE FROM expiries WHERE id = (SELECT min(id) FROM expiries)',
      "INSERT INTO expiries (id, expires_at) VALUES (zeroblob(16), '2030-01-01')",
    ]) {
      const { path } = await sampleVault();
      edit(path, sql);
      expect(await openAll(path)).toBe('VAULT_DAMAGED');
      cleanup();
      ({ dir, cleanup } = tempDir());
    }
  });

  test('the last audit entry removed, or one in the middle, is detected', async () => {
    const { path } = await sampleVault();
    const copy = `${dir}/copy.sqlite`;
    copyFileSync(path, copy);
    edit(path, 'DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)');
    expect(await openAll(path)).toBe('VAULT_DAMAGED');
    edit(copy, 'DELETE FROM audit WHERE seq = 2');
    expect(await openAll(copy)).toBe('VAULT_DAMAGED');
  });

  test('an untouched vault passes the same checks', async () => {
    const { path } = await sampleVault();
    expect(await openAll(path)).toBe('ok');
  });
});

describe('two connections on one file (app and CLI)', () => {
  test('interleaved writers lose nothing and each sees the other', async () => {
    const a = await createTestVault(dir);
    const b = Vault.open(a.path);
    await b.unlock(TEST_PASSWORD);
    for (let i = 0; i < 20; i++) {
      a.tokens.add({ platform: 'github', account: 'a', name: `from a ${i}`, token: `ghp_a${i}`.padEnd(40, 'x') });
      b.tokens.add({ platform: 'gitlab', account: 'b', name: `from b ${i}`, token: `glpat-b${i}`.padEnd(26, 'y') });
    }
    expect(a.tokens.list()).toHaveLength(40);
    expect(b.tokens.list()).toHaveLength(40);
    const fromA = a.tokens.list().find((t) => t.name === 'from a 3')!;
    b.tokens.edit(fromA.id, { name: 'edited by b' });
    expect(a.tokens.get(fromA.id).name).toBe('edited by b');
    a.tokens.remove(fromA.id);
    expect(b.tokens.list()).toHaveLength(39);
    a.close();
    b.close();
    expect(await openAll(a.path)).toBe('ok');
  });
});
