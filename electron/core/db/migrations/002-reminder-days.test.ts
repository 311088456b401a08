/**
 * Migration 002 on a vault with data in it: a file at schema 1 (expiries without the
 * remind_days column) opens in this version, is upgraded in place, and every record, value,
 * expiry and audit entry it held is still there and still verifies.
 *
 * The schema-1 file is made from a current one by removing what 002 added (the column and the
 * version number). Its sealed records hold no per-token reminder days, as a schema-1 vault's
 * could not. So the file has exactly the layout and the content schema 1 allowed.
 */
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './index';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { downgradeToSchema2 } from '../../test-support/old-schemas';
import { createTestVault, tempDir, TEST_PASSWORD } from '../../test-support/temp-vault';
import { Vault } from '../../vault/vault';

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('patvault-migration-002-'));
});
afterEach(() => cleanup());

const columns = (db: Database.Database, table: string): string[] =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

test('a schema-1 vault with tokens is upgraded to 2 and keeps every record, value, expiry and audit entry', async () => {
  const vault = await createTestVault(dir);
  const path = vault.path;
  const ids = [
    vault.tokens.add({ platform: 'github', account: 'octo', client: 'Acme', name: 'CI', token: 'ghp_migrationvalue0000000000000000000000', scopes: ['repo'], expiresAt: '2027-03-01' }),
    vault.tokens.add({ platform: 'gitlab', account: 'gl', name: 'deploy', token: 'glpat-migrationvalue000000', expiresAt: '2027-06-30', notes: 'kept note' }),
    vault.tokens.add({ platform: 'brass', account: 'bank', name: 'no expiry', token: 'brass-migration-value' }),
  ].map((t) => t.id);
  const before = { list: vault.tokens.list(), schedule: vault.expirySchedule(), audit: vault.audit.log(), digest: vault.verifyAll().secretsDigest };
  vault.close();

  // Back to schema 1: what 003 and 002 added goes away.
  const raw = new Database(path);
  downgradeToSchema2(raw);
  raw.exec('ALTER TABLE expiries DROP COLUMN remind_days');
  raw.pragma('user_version = 1');
  expect(columns(raw, 'expiries')).toEqual(['id', 'expires_at']);
  expect(raw.prepare('SELECT COUNT(*) AS n FROM expiries').get()).toEqual({ n: 2 });
  raw.close();

  const opened = Vault.open(path);
  try {
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(columns(check, 'expiries')).toEqual(['id', 'expires_at', 'remind_days']);
    check.close();

    // Reminders read the plaintext schedule while locked: the global policy for every token.
    expect(opened.expirySchedule()).toEqual(before.schedule);
    expect(opened.expirySchedule().every((e) => e.reminderDays === null)).toBe(true);

    await opened.unlock(TEST_PASSWORD);
    expect(opened.tokens.list()).toEqual(before.list);
    expect(opened.tokens.readSecret(ids[0] as string, 'get').value).toBe('ghp_migrationvalue0000000000000000000000');
    expect(opened.tokens.readSecret(ids[1] as string, 'get')).toMatchObject({ value: 'glpat-migrationvalue000000', notes: 'kept note' });
    const verified = opened.verifyAll();
    expect(verified).toMatchObject({ tokens: 3, secretsDigest: before.digest });
    // Every entry written before the upgrade, unchanged, then the two reads just made.
    const audit = opened.audit.log();
    expect(audit.slice(0, before.audit.length)).toEqual(before.audit);
    expect(audit.slice(before.audit.length).map((e) => e.action)).toEqual(['get', 'get']);

    // What 002 is for now works on the upgraded file, and survives a reopen.
    opened.tokens.edit(ids[0] as string, { reminderDays: [14, 3] });
  } finally {
    opened.close();
  }
  const again = Vault.open(path);
  try {
    expect(again.expirySchedule().find((e) => e.tokenId === ids[0])?.reminderDays).toEqual([14, 3]);
    await again.unlock(TEST_PASSWORD);
    expect(again.tokens.get(ids[0] as string).reminderDays).toEqual([14, 3]);
  } finally {
    again.close();
  }
});
