/**
 * Nothing left behind (issue 12, item 5): after a token is removed, or its value is edited,
 * rotated or merged over, no byte sequence of the sealed secret it had is anywhere in the
 * vault file, its -wal or its -shm (secure_delete zeroes the old cells and free pages; a
 * checkpoint moves the WAL into the file and empties it).
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { checkpointWal, openDatabase } from '../db/connection';
import { addSamples } from '../test-support/sample-tokens';
import { createTestVault, tempDir } from '../test-support/temp-vault';
import { idBytes } from './ids';
import type { Vault } from './vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** The sealed secret envelope of token `id`, as stored, read through a second connection. */
function storedEnvelope(path: string, id: string): Buffer {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT secret FROM secrets WHERE id = ?').get(idBytes(id)) as { secret: Buffer } | undefined;
    if (!row) throw new Error(`no secret row for ${id}`);
    return Buffer.from(row.secret);
  } finally {
    db.close();
  }
}

const WINDOW = 12;

/**
 * Files holding any WINDOW-byte run of the envelope after its fixed 4-byte prefix ("PV",
 * version, kind): the nonce, ciphertext and tag are random, so a 12-byte run in common is
 * a surviving copy, not chance.
 */
function filesHolding(path: string, envelope: Buffer): string[] {
  const found: string[] = [];
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (!existsSync(f)) continue;
    const bytes = readFileSync(f);
    for (let i = 4; i + WINDOW <= envelope.length; i++) {
      if (bytes.includes(envelope.subarray(i, i + WINDOW))) {
        found.push(`${f.split('/').pop()} @${i}`);
        break;
      }
    }
  }
  return found;
}

/** Files holding `needle` exactly. */
function filesWithBytes(path: string, needle: Buffer): string[] {
  return [path, `${path}-wal`, `${path}-shm`].filter((f) => existsSync(f) && readFileSync(f).includes(needle)).map((f) => f.split('/').pop() as string);
}

async function vaultWithSamples(): Promise<{ v: Vault; ids: string[] }> {
  const v = await createTestVault(dir);
  const ids = addSamples(v);
  return { v, ids };
}

test('after remove, no byte sequence of the removed secret envelope is in the file, WAL or shm', async () => {
  const { v, ids } = await vaultWithSamples();
  const victim = ids[1]!;
  const envelope = storedEnvelope(v.path, victim);
  expect(envelope.length).toBeGreaterThan(100);
  // The scan sees it while it is there (in the WAL, or the file after an automatic checkpoint).
  expect(filesHolding(v.path, envelope)).not.toEqual([]);
  const idRaw = idBytes(victim);
  expect(filesWithBytes(v.path, idRaw)).not.toEqual([]); // its plaintext id: the secrets and expiries rows
  v.tokens.remove(victim);
  expect(filesHolding(v.path, envelope)).toEqual([]);
  // Its id went with its rows (it stays only inside sealed audit entries, as ciphertext).
  expect(filesWithBytes(v.path, idRaw)).toEqual([]);
  // The rest of the vault is intact, and stays so across a reopen.
  expect(v.tokens.list().map((t) => t.id)).not.toContain(victim);
  const path = v.path;
  v.close();
  expect(filesHolding(path, envelope)).toEqual([]);
  const again = await import('./vault').then((m) => m.Vault.open(path));
  await again.unlock('correct horse battery staple');
  expect(again.tokens.list()).toHaveLength(ids.length - 1);
  again.close();
});

test('after a value edit, the old envelope is gone; a name-only edit keeps no scrub promise but works', async () => {
  const { v, ids } = await vaultWithSamples();
  const id = ids[0]!;
  const before = storedEnvelope(v.path, id);
  expect(filesHolding(v.path, before)).not.toEqual([]);
  v.tokens.edit(id, { token: 'ghp_ZQ9newvaluenewvaluenewvaluenewvalue0' });
  expect(filesHolding(v.path, before)).toEqual([]);
  expect(v.tokens.readSecret(id, 'get').value).toBe('ghp_ZQ9newvaluenewvaluenewvaluenewvalue0');

  const beforeNotes = storedEnvelope(v.path, id);
  v.tokens.edit(id, { notes: 'a new note' });
  expect(filesHolding(v.path, beforeNotes)).toEqual([]);
  v.tokens.edit(id, { name: 'renamed' });
  expect(v.tokens.get(id).name).toBe('renamed');
  v.close();
});

test('after a rotation, the old envelope is gone and the old value is only in the new, sealed history', async () => {
  const { v, ids } = await vaultWithSamples();
  const id = ids[1]!;
  const before = storedEnvelope(v.path, id);
  v.results.rotate(id, 'glpat-ZQ2rotatedrotatedrot');
  expect(filesHolding(v.path, before)).toEqual([]);
  expect(v.results.valueHistory(id)).toHaveLength(1);
  v.close();
});

test('checkpointWal is best effort: a reader holding an old snapshot makes it settle, quickly, without error', async () => {
  const { v, ids } = await vaultWithSamples();
  const reader = openDatabase(v.path, { create: false });
  try {
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM secrets').get(); // holds a read snapshot
    const started = Date.now();
    v.tokens.remove(ids[0]!); // its own checkpoint cannot truncate past the reader
    expect(Date.now() - started).toBeLessThan(3000);
    expect(checkpointWal(reader)).toBeNull(); // inside a read transaction: refused, no throw
    reader.prepare('COMMIT').run();
    expect(checkpointWal(reader)).toBe('truncate');
    expect(readFileSync(`${v.path}-wal`).length).toBe(0);
    expect(reader.pragma('busy_timeout', { simple: true })).toBe(10_000); // restored
    expect(reader.pragma('secure_delete', { simple: true })).toBe(1);
  } finally {
    reader.close();
    v.close();
  }
});
