/**
 * Everything is verified at unlock (issue 12 item 3): a swapped, replayed, missing or extra
 * secret, and a deleted, edited or moved audit entry, refuse the whole vault at unlock — not
 * later, when that token or the log is read — with VAULT_DAMAGED naming what failed and
 * nothing of the content. The same checks run whenever the state reloads because another
 * connection wrote. The audit index the unlock built serves one token's entries.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { VaultRepo } from '../db/vault-repo';
import { errorOf } from '../test-support/app-errors';
import { SAMPLE_TOKENS, addSamples } from '../test-support/sample-tokens';
import { TEST_PASSWORD, createTestVault, tempDir } from '../test-support/temp-vault';
import { Vault } from './vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

const id = (hex: string): Buffer => Buffer.from(hex, 'hex');

/** Unlock alone (nothing is read after it): the error, and whether the vault stayed locked. */
async function unlockOnly(path: string): Promise<{ code: string; message: string; locked: boolean }> {
  const v = Vault.open(path);
  try {
    const err = await errorOf(() => v.unlock(TEST_PASSWORD));
    return { ...err, locked: !v.isUnlocked };
  } finally {
    v.close();
  }
}

/** A closed sample vault with a few edits (so the audit log has a middle). */
async function sampleVault(): Promise<{ path: string; ids: string[] }> {
  const v = await createTestVault(dir);
  const ids = addSamples(v);
  v.tokens.edit(ids[0]!, { name: 'renamed once' });
  v.tokens.readSecret(ids[1]!, 'get');
  v.close();
  return { path: v.path, ids };
}

function sql(path: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

const secretOf = (db: Database.Database, hex: string): Buffer => (db.prepare('SELECT secret FROM secrets WHERE id = ?').get(id(hex)) as { secret: Buffer }).secret;
const auditOf = (db: Database.Database, seq: number): Buffer => (db.prepare('SELECT entry FROM audit WHERE seq = ?').get(seq) as { entry: Buffer }).entry;

/** The refusal every case must give: damage, a message naming `what`, no content, still locked. */
function expectRefused(r: { code: string; message: string; locked: boolean }, what: RegExp): void {
  expect(r.code).toBe('VAULT_DAMAGED');
  expect(r.message).toMatch(what);
  expect(r.message).toMatch(/Restore it from a backup/);
  expect(r.locked).toBe(true);
  for (const t of SAMPLE_TOKENS) {
    for (const field of [t.name, t.account, t.token, 'notes' in t ? t.notes : '']) if (field) expect(r.message).not.toContain(field);
  }
}

describe('secrets, checked at unlock against the tags their overviews name', () => {
  test('two secrets swapped between tokens', async () => {
    const { path, ids } = await sampleVault();
    sql(path, (db) => {
      const [a, b] = [secretOf(db, ids[0]!), secretOf(db, ids[1]!)];
      db.prepare('UPDATE secrets SET secret = ? WHERE id = ?').run(b, id(ids[0]!));
      db.prepare('UPDATE secrets SET secret = ? WHERE id = ?').run(a, id(ids[1]!));
    });
    expectRefused(await unlockOnly(path), /secret swapped or replaced by an older copy/);
  });

  test('an old secret replayed from an earlier copy of the file', async () => {
    const v = await createTestVault(dir);
    const [tid] = addSamples(v);
    v.close();
    const earlier = `${dir}/earlier.sqlite`;
    copyFileSync(v.path, earlier);
    const again = Vault.open(v.path);
    await again.unlock(TEST_PASSWORD);
    again.tokens.edit(tid!, { token: 'ghp_ZQ1newvalue00000000000000000000000000' });
    again.close();
    let old: Buffer = Buffer.alloc(0);
    sql(earlier, (db) => (old = secretOf(db, tid!)));
    sql(v.path, (db) => db.prepare('UPDATE secrets SET secret = ? WHERE id = ?').run(old, id(tid!)));
    expectRefused(await unlockOnly(v.path), /secret swapped or replaced by an older copy/);
  });

  test('a secret deleted, or an extra one added', async () => {
    const { path, ids } = await sampleVault();
    const extra = `${dir}/extra.sqlite`;
    copyFileSync(path, extra);
    sql(path, (db) => db.prepare('DELETE FROM secrets WHERE id = ?').run(id(ids[2]!)));
    expectRefused(await unlockOnly(path), /secret missing/);
    sql(extra, (db) => db.prepare('INSERT INTO secrets (id, secret) VALUES (?, ?)').run(Buffer.alloc(16, 7), secretOf(db, ids[0]!)));
    expectRefused(await unlockOnly(extra), /a secret without its token/);
  });

  test('a secret that is not bytes, or too short to hold a tag', async () => {
    const { path, ids } = await sampleVault();
    const short = `${dir}/short.sqlite`;
    copyFileSync(path, short);
    sql(path, (db) => db.prepare("UPDATE secrets SET secret = 'text' WHERE id = ?").run(id(ids[0]!)));
    expectRefused(await unlockOnly(path), /secret malformed/);
    sql(short, (db) => db.prepare('UPDATE secrets SET secret = ? WHERE id = ?').run(Buffer.alloc(5), id(ids[0]!)));
    expectRefused(await unlockOnly(short), /secret malformed/);
  });
});

describe('the audit chain, opened whole at unlock', () => {
  test('a middle entry deleted', async () => {
    const { path } = await sampleVault();
    sql(path, (db) => db.prepare('DELETE FROM audit WHERE seq = 3').run());
    expectRefused(await unlockOnly(path), /audit entry 3 missing/);
  });

  test('a middle entry deleted and the later ones renumbered to close the gap', async () => {
    const { path } = await sampleVault();
    sql(path, (db) => {
      db.prepare('DELETE FROM audit WHERE seq = 3').run();
      db.prepare('UPDATE audit SET seq = seq - 1 WHERE seq > 3').run();
    });
    // The last entry's number changed, so the manifest (which binds the head) no longer matches.
    expectRefused(await unlockOnly(path), /manifest|audit entry/);
  });

  test('a middle entry edited (one byte of its sealed content)', async () => {
    const { path } = await sampleVault();
    sql(path, (db) => {
      const e = Buffer.from(auditOf(db, 3));
      e[20] = (e[20] as number) ^ 1;
      db.prepare('UPDATE audit SET entry = ? WHERE seq = 3').run(e);
    });
    expectRefused(await unlockOnly(path), /audit entry 3 altered/);
  });

  test('a middle entry replaced by another real entry (moved)', async () => {
    const { path } = await sampleVault();
    sql(path, (db) => db.prepare('UPDATE audit SET entry = ? WHERE seq = 3').run(auditOf(db, 2)));
    expectRefused(await unlockOnly(path), /audit entry 3 altered/);
  });

  test('a middle entry replaced by a malformed blob', async () => {
    const { path } = await sampleVault();
    sql(path, (db) => db.prepare('UPDATE audit SET entry = ? WHERE seq = 2').run(Buffer.from('not an envelope')));
    expectRefused(await unlockOnly(path), /audit entry 2 malformed/);
  });
});

describe('the same checks when another connection wrote', () => {
  test('a reload after a change behind the open vault refuses it, and reads stop', async () => {
    const { path, ids } = await sampleVault();
    const v = Vault.open(path);
    await v.unlock(TEST_PASSWORD);
    expect(v.tokens.list()).toHaveLength(ids.length);
    sql(path, (db) => db.prepare('DELETE FROM audit WHERE seq = 2').run());
    expect((await errorOf(() => v.tokens.list())).code).toBe('VAULT_DAMAGED');
    expect((await errorOf(() => v.audit.of(ids[0]!))).message).toMatch(/audit entry 2 missing/);
    v.close();
  });
});

describe('an intact vault', () => {
  test('unlocks on the audit seal without opening the entries; one token\u2019s entries are opened once, when first shown', async () => {
    const { path, ids } = await sampleVault();
    const v = Vault.open(path);
    const all = vi.spyOn(VaultRepo.prototype, 'auditAll');
    const after = vi.spyOn(VaultRepo.prototype, 'auditAfter');
    await v.unlock(TEST_PASSWORD);
    expect(all).toHaveBeenCalledTimes(1); // one pass: the seal's digest
    expect(v.audit.of(ids[0]!).map((e) => e.action)).toEqual(['create', 'edit']);
    expect(v.audit.of(ids[1]!).map((e) => e.action)).toEqual(['create', 'get']);
    expect(v.audit.log().length).toBeGreaterThan(ids.length);
    expect(all).toHaveBeenCalledTimes(2); // the index, built once
    expect(after).not.toHaveBeenCalled();
    // After this process's own write, only the new entry is opened.
    v.tokens.readSecret(ids[0]!, 'copy');
    expect(v.audit.of(ids[0]!).map((e) => e.action)).toEqual(['create', 'edit', 'copy']);
    expect(all).toHaveBeenCalledTimes(2);
    expect(after).toHaveBeenCalledTimes(2); // the kept head still in the file, then the entries after it
    v.close();
  });

  test('without its seal (or with one that does not match) every entry is opened, and the next write seals again', async () => {
    const { path, ids } = await sampleVault();
    const forged = `${dir}/forged.sqlite`;
    copyFileSync(path, forged);
    sql(path, (db) => db.prepare('DELETE FROM audit_seal').run());
    sql(forged, (db) => db.prepare('UPDATE audit_seal SET mac = ?').run(Buffer.alloc(32, 1)));
    for (const p of [path, forged]) {
      const v = Vault.open(p);
      const all = vi.spyOn(VaultRepo.prototype, 'auditAll');
      await v.unlock(TEST_PASSWORD);
      expect(all).toHaveBeenCalledTimes(2); // the digest pass, then every entry opened (the index)
      expect(v.audit.of(ids[1]!).map((e) => e.action)).toEqual(['create', 'get']);
      expect(all).toHaveBeenCalledTimes(2);
      v.tokens.readSecret(ids[1]!, 'copy');
      v.close();
      all.mockRestore();
      let seal: { seq: number } | undefined;
      sql(p, (db) => (seal = db.prepare('SELECT seq FROM audit_seal').get() as { seq: number }));
      const again = Vault.open(p);
      const spy = vi.spyOn(VaultRepo.prototype, 'auditAll');
      await again.unlock(TEST_PASSWORD);
      expect(spy).toHaveBeenCalledTimes(1); // sealed again by the write
      expect(again.audit.log().at(-1)?.seq).toBe(seal?.seq);
      again.close();
      spy.mockRestore();
    }
  });

  test('an entry edited under an intact seal is still refused', async () => {
    const { path } = await sampleVault();
    sql(path, (db) => {
      const e = Buffer.from(auditOf(db, 2));
      e[e.length - 1] = (e[e.length - 1] as number) ^ 1; // its tag: the chain itself changes
      db.prepare('UPDATE audit SET entry = ? WHERE seq = 2').run(e);
    });
    expectRefused(await unlockOnly(path), /audit entry \d+ altered/);
  });
});
