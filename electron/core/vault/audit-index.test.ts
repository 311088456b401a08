/**
 * One token's audit entries (what the detail pane shows) come from verified entries kept
 * between selections: they must always equal the full, verified log's entries for that token,
 * after this process's writes and another process's, and damage must still be refused.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { codeOf } from '../test-support/app-errors';
import { createTestVault, tempDir, TEST_PASSWORD } from '../test-support/temp-vault';
import { Vault } from './vault';

let dir: string;
let cleanup: () => void;
let vault: Vault;
let ids: string[];

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('patvault-audit-index-'));
  vault = await createTestVault(dir);
  ids = [
    vault.tokens.add({ platform: 'github', account: 'a', name: 'one', token: 'ghp_auditindexone000000000000000000000000' }).id,
    vault.tokens.add({ platform: 'gitlab', account: 'b', name: 'two', token: 'glpat-auditindextwo0000000' }).id,
  ];
});
afterEach(() => {
  vault.close();
  cleanup();
});

const fromFullLog = (v: Vault, id: string) => v.audit.log().filter((e) => e.tokenId === id);

test("a token's entries equal the full log's, before and after writes in this process", () => {
  for (const id of ids) expect(vault.audit.of(id)).toEqual(fromFullLog(vault, id));
  vault.tokens.edit(ids[0] as string, { name: 'one renamed' });
  vault.tokens.readSecret(ids[1] as string, 'copy');
  vault.tokens.remove(ids[1] as string);
  for (const id of ids) expect(vault.audit.of(id)).toEqual(fromFullLog(vault, id));
  expect(vault.audit.of(ids[0] as string).map((e) => e.action)).toEqual(['create', 'edit']);
  expect(vault.audit.of(ids[1] as string).map((e) => e.action)).toEqual(['create', 'copy', 'delete']);
  expect(vault.audit.of('0'.repeat(32))).toEqual([]);
});

test("another process's writes show up in the entries", async () => {
  expect(vault.audit.of(ids[0] as string)).toHaveLength(1);
  const other = Vault.open(vault.path);
  await other.unlock(TEST_PASSWORD);
  other.tokens.edit(ids[0] as string, { notes: 'from the CLI' });
  other.close();
  expect(vault.audit.of(ids[0] as string).map((e) => e.action)).toEqual(['create', 'edit']);
  expect(vault.audit.of(ids[0] as string)).toEqual(fromFullLog(vault, ids[0] as string));
});

test('an entry removed from the middle after the entries were read is still refused', async () => {
  expect(vault.audit.of(ids[1] as string)).toHaveLength(1);
  const raw = new Database(vault.path);
  raw.prepare('DELETE FROM audit WHERE seq = 2').run();
  raw.close();
  expect(await codeOf(() => vault.audit.of(ids[1] as string))).toBe('VAULT_DAMAGED');
});
