/**
 * Migration 003 on a vault the previous version wrote, with tokens and quick unlock on: the
 * single keychain wrap becomes a one-slot list, quick unlock keeps working with the same
 * keychain secret, every record still verifies, and the first password unlock adds the key
 * commitments. A header damaged before the upgrade is still reported as damaged after it.
 *
 * The schema-2 file is made from a current one by test-support/old-schemas.ts (layout,
 * single wrap and schema 2's header checksum, exactly as that version stored them).
 */
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './index';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { MemoryKeyProtector } from '../../keychain/memory-protector';
import { downgradeToSchema2 } from '../../test-support/old-schemas';
import { addSamples } from '../../test-support/sample-tokens';
import { createTestVault, tempDir, TEST_PASSWORD } from '../../test-support/temp-vault';
import { codeOf } from '../../test-support/app-errors';
import { Vault } from '../../vault/vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('patvault-migration-003-')));
afterEach(() => cleanup());

const columns = (db: Database.Database): string[] =>
  (db.prepare('PRAGMA table_info(header)').all() as { name: string }[]).map((c) => c.name);

async function schema2Vault(kc: MemoryKeyProtector) {
  const v = await createTestVault(dir);
  const ids = addSamples(v);
  await v.enableKeychain(kc);
  const before = { list: v.tokens.list(), audit: v.audit.log(), digest: v.verifyAll().secretsDigest };
  const path = v.path;
  v.close();
  const raw = new Database(path);
  downgradeToSchema2(raw);
  expect(columns(raw)).toContain('keychain_wrap');
  expect(raw.prepare('SELECT keychain_backend FROM header').get()).toEqual({ keychain_backend: 'memory' });
  raw.close();
  return { path, ids, before };
}

test('a schema-2 vault with tokens and a keychain wrap upgrades to one slot; quick unlock and every record survive', async () => {
  const kc = new MemoryKeyProtector();
  const { path, before } = await schema2Vault(kc);

  const opened = Vault.open(path);
  const check = new Database(path, { readonly: true });
  expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  expect(columns(check)).not.toContain('keychain_wrap');
  expect(columns(check)).toEqual(expect.arrayContaining(['keychain_slots', 'password_check', 'key_check']));
  expect(check.prepare('SELECT password_check, key_check FROM header').get()).toEqual({ password_check: null, key_check: null });
  check.close();
  expect(opened.keychainState()).toEqual({ enabled: true, backend: 'memory', slots: ['memory'] });

  // The same keychain secret opens the migrated slot.
  await opened.unlockWithKeychain(kc);
  expect(opened.tokens.list()).toEqual(before.list);
  expect(opened.verifyAll().secretsDigest).toBe(before.digest);
  expect(opened.audit.log()).toEqual(before.audit);
  opened.close();

  // The first password unlock stores the key commitments (no audit entry: nothing the user did).
  const again = Vault.open(path);
  await again.unlock(TEST_PASSWORD);
  expect(again.audit.log()).toEqual(before.audit);
  again.close();
  const after = new Database(path, { readonly: true });
  const checks = after.prepare('SELECT password_check, key_check FROM header').get() as Record<string, Buffer>;
  expect(checks['password_check']).toHaveLength(32);
  expect(checks['key_check']).toHaveLength(32);
  after.close();
  const third = Vault.open(path);
  await third.unlockWithKeychain(kc);
  third.close();
});

test('a header damaged before the upgrade stays damaged (the migration never recomputes a wrong checksum)', async () => {
  const kc = new MemoryKeyProtector();
  const { path } = await schema2Vault(kc);
  const raw = new Database(path);
  raw.prepare("UPDATE header SET keychain_backend = 'memorx'").run();
  raw.close();
  await expect(codeOf(() => Vault.open(path))).resolves.toBe('VAULT_DAMAGED');
  const db = new Database(path, { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION); // upgraded, and still refused
  db.close();
});
