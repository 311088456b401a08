/**
 * Merging a backup into a vault that already holds tokens, by the one rule
 * (merge-plan.ts): same token = same id, else same value; the later updatedAt wins
 * as a whole record; a losing value goes to history; nothing is deleted; custom platforms by
 * id, then by name. Two vaults with the same ids are made the way users get them: one restored
 * from the other's backup, then both edited at known times.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { FAST_KDF, TEST_PASSWORD, fixedClock, tempDir } from '../test-support/temp-vault';
import { Vault } from '../vault/vault';
import { mergeBackup, readBackup, restorePayloadToNewVault, writeBackup, type BackupPayload, type MergeSummary } from './index';

const PW = 'backup pass phrase zq7';
const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-02T00:00:00.000Z';
const T2 = '2026-01-03T00:00:00.000Z';
const T3 = '2026-01-04T00:00:00.000Z';

let dir: string;
let cleanup: () => void;
const clock = fixedClock(T0);
let vault: Vault; // the vault merged into
let backup: BackupPayload; // of the other vault
const id: Record<string, string> = {};

/** Every value a vault holds, current and in history. */
function allValues(v: Vault): Set<string> {
  const out = new Set<string>();
  for (const t of v.tokens.list()) {
    out.add(v.results.valueForPlatform(t.id));
    for (const h of v.results.readHistory(t.id)) out.add(h.value);
  }
  return out;
}

/** The raw bytes of the vault file and its write-ahead log. */
function fileBytes(path: string): Buffer {
  return Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]);
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('patvault-merge-'));
  vault = await Vault.create(join(dir, 'vault.sqlite'), TEST_PASSWORD, { kdf: FAST_KDF, clock });
  id['X'] = vault.tokens.add({ platform: 'github', account: 'acme', name: 'X', token: 'ghp_X_value_one', notes: 'vault notes' }).id;
  id['Y'] = vault.tokens.add({ platform: 'gitlab', account: 'acme', name: 'Y', token: 'glpat-Y-value-one' }).id;
  id['Y2'] = vault.tokens.add({ platform: 'brass', account: 'acme', name: 'Y2', token: '123|pat-Y2-value-one' }).id;
  id['Z'] = vault.tokens.add({ platform: 'iobeya', account: 'acme', name: 'Z', token: 'z-same-in-both', expiresAt: '2027-01-01' }).id;
  const first = join(dir, 'first.backup');
  await writeBackup(vault, first, PW, { kdf: FAST_KDF });
  // The other vault: restored from that backup (same ids), then changed a day later.
  const other = Vault.open((await restorePayloadToNewVault(await readBackup(first, PW), join(dir, 'other.sqlite'), TEST_PASSWORD, { kdf: FAST_KDF })).path, { clock });
  await other.unlock(TEST_PASSWORD);
  clock.set(T1);
  other.tokens.edit(id['X'] as string, { name: 'X from backup', notes: 'backup notes', token: 'ghp_X_value_two' });
  other.tokens.edit(id['Y'] as string, { name: 'Y renamed in backup' });
  other.tokens.edit(id['Y2'] as string, { token: '123|pat-Y2-value-backup' });
  id['N'] = other.tokens.add({ platform: 'github', account: 'newco', name: 'N only in backup', token: 'ghp_N_only_in_backup' }).id;
  id['S'] = other.tokens.add({ platform: 'github', account: 'acme', name: 'S in backup', token: 'ghp_same_value_two_ids' }).id;
  other.customPlatforms.add({ name: 'ACME', baseUrl: 'https://acme-backup.example', auth: { kind: 'bearer' } });
  id['C'] = other.tokens.add({ platform: 'custom', customPlatform: 'ACME', account: 'ops', name: 'C on ACME', token: 'c-on-acme-value' }).id;
  const second = join(dir, 'second.backup');
  await writeBackup(other, second, PW, { kdf: FAST_KDF, clock });
  other.close();
  backup = await readBackup(second, PW);
  // Meanwhile, the vault changed a day after that.
  clock.set(T2);
  vault.tokens.edit(id['Y'] as string, { name: 'Y newer in vault' });
  vault.tokens.edit(id['Y2'] as string, { notes: 'vault notes, newer' });
  id['W'] = vault.tokens.add({ platform: 'github', account: 'acme', name: 'W only in vault', token: 'ghp_W_only_in_vault' }).id;
  id['Q'] = vault.tokens.add({ platform: 'github', account: 'acme', name: 'Q in vault', token: 'ghp_same_value_two_ids' }).id;
  vault.customPlatforms.add({ name: 'Acme', baseUrl: 'https://acme-vault.example', auth: { kind: 'bearer' } });
  clock.set(T3);
});
afterAll(() => {
  vault.close();
  cleanup();
});

const EXPECTED = {
  added: 2, // N, C
  updated: 2, // X (backup newer), Y2 (vault newer, the backup's value added to history)
  skipped: 3, // Y (vault newer, same value), Z (identical), S (same value as Q, Q newer)
  platforms: { added: 0, updated: 0, skipped: 1 }, // ACME = Acme by name; the vault's is newer
};

describe('merge', () => {
  let before: { values: Set<string>; audit: number };
  let summary: MergeSummary;

  it('a dry run reports exactly what the merge will do, and writes nothing', () => {
    before = { values: allValues(vault), audit: vault.audit.log().length };
    const bytes = fileBytes(vault.path);
    const preview = mergeBackup(vault, backup, { dryRun: true });
    expect(preview).toMatchObject(EXPECTED);
    expect(fileBytes(vault.path).equals(bytes)).toBe(true);
    expect(vault.audit.log()).toHaveLength(before.audit);
    expect(vault.tokens.list().map((t) => t.name)).not.toContain('N only in backup');
    summary = mergeBackup(vault, backup);
    expect(summary).toEqual(preview);
  });

  it('audits the merge once, with counts only', () => {
    const log = vault.audit.log();
    expect(log).toHaveLength(before.audit + 1);
    expect(log.at(-1)).toMatchObject({ action: 'restore', tokenId: null, at: T3 });
    expect(log.at(-1)?.detail).toMatch(
      /^merged from backup of vault [0-9a-f]{8} taken 2026-01-02T00:00:00.000Z: tokens 2 added, 2 updated, 3 skipped; custom platforms 0 added, 0 updated, 1 skipped; 5 conflicts$/,
    );
  });

  it('same id, newer in the backup: the backup copy wins whole; the vault value goes to history', () => {
    const x = vault.tokens.get(id['X'] as string);
    expect(x).toMatchObject({ name: 'X from backup', updatedAt: T1 });
    expect(vault.tokens.readSecret(x.id, 'reveal')).toEqual({ value: 'ghp_X_value_two', notes: 'backup notes' });
    // The backup's copy already kept the vault's value when it was typed over there.
    expect(vault.results.readHistory(x.id)).toEqual([{ value: 'ghp_X_value_one', rotatedAt: T1, reason: 'edited' }]);
  });

  it('same id, newer in the vault: the vault copy stays; a different backup value goes to history', () => {
    expect(vault.tokens.get(id['Y'] as string)).toMatchObject({ name: 'Y newer in vault', updatedAt: T2 });
    expect(vault.results.readHistory(id['Y'] as string)).toEqual([]);
    expect(vault.tokens.get(id['Y2'] as string)).toMatchObject({ name: 'Y2', updatedAt: T2 });
    expect(vault.tokens.readSecret(id['Y2'] as string, 'reveal')).toEqual({ value: '123|pat-Y2-value-one', notes: 'vault notes, newer' });
    expect(vault.results.readHistory(id['Y2'] as string)).toEqual([
      { value: '123|pat-Y2-value-one', rotatedAt: T1, reason: 'edited' },
      { value: '123|pat-Y2-value-backup', rotatedAt: T3, reason: 'merged' },
    ]);
  });

  it('same value under another id is the same token (the newer copy wins); only-in-backup tokens are added with their ids', () => {
    const names = vault.tokens.list().map((t) => t.name);
    expect(names).toContain('Q in vault');
    expect(names).not.toContain('S in backup');
    expect(vault.tokens.list().filter((t) => vault.results.valueForPlatform(t.id) === 'ghp_same_value_two_ids')).toHaveLength(1);
    expect(vault.tokens.get(id['N'] as string)).toMatchObject({ name: 'N only in backup', account: 'newco', createdAt: T1 });
  });

  it('tokens only in the vault are kept: a merge never deletes', () => {
    expect(vault.tokens.get(id['W'] as string).name).toBe('W only in vault');
    expect(vault.tokens.list()).toHaveLength(8); // X Y Y2 Z W Q + N C
  });

  it('custom platforms clash by name: one platform, the newer definition; the backup tokens move onto it', () => {
    const platforms = vault.customPlatforms.list();
    expect(platforms).toHaveLength(1);
    expect(platforms[0]).toMatchObject({ name: 'Acme', baseUrl: 'https://acme-vault.example', tokens: 1 });
    expect(vault.tokens.get(id['C'] as string)).toMatchObject({ platform: 'custom', customPlatformId: platforms[0]?.id, customPlatformName: 'Acme' });
  });

  it('lists every conflict with what was kept and why', () => {
    const vaultPlatform = vault.customPlatforms.list()[0]?.id;
    const backupPlatform = backup.platforms[0]?.id;
    const reasonKept = 'the vault copy is not older';
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...summary.conflicts].sort(byName)).toEqual([
      { kind: 'platform', id: vaultPlatform, backupId: backupPlatform, name: 'Acme', matchedBy: 'name', kept: 'vault', reason: reasonKept },
      { kind: 'token', id: id['Q'], backupId: id['S'], name: 'Q in vault', matchedBy: 'value', kept: 'vault', reason: reasonKept },
      { kind: 'token', id: id['X'], backupId: id['X'], name: 'X from backup', matchedBy: 'id', kept: 'backup', reason: 'the backup copy is newer; the other value is kept in its history' },
      { kind: 'token', id: id['Y'], backupId: id['Y'], name: 'Y newer in vault', matchedBy: 'id', kept: 'vault', reason: reasonKept },
      { kind: 'token', id: id['Y2'], backupId: id['Y2'], name: 'Y2', matchedBy: 'id', kept: 'vault', reason: `${reasonKept}; the other value is kept in its history` },
    ]);
    expect(summary.conflicts[0]?.kind).toBe('platform'); // platforms first, then tokens
  });

  it('merging the same backup again changes nothing', () => {
    const s = mergeBackup(vault, backup, { dryRun: true });
    expect(s).toMatchObject({ added: 0, updated: 0, skipped: 7, platforms: { added: 0, updated: 0, skipped: 1 } });
    expect(s.conflicts.map((c) => c.name).sort()).toEqual(['Acme', 'Q in vault', 'Y newer in vault', 'Y2']);
  });

  it('no value is ever lost: every value of both sides is in the vault, current or in history', () => {
    const after = allValues(vault);
    const fromBackup = backup.tokens.flatMap((t) => [t.value, ...t.history.map((h) => h.value)]);
    const missing = [...before.values, ...fromBackup].filter((v) => !after.has(v));
    expect(missing).toEqual([]);
    expect(vault.verifyAll().tokens).toBe(8);
  });
});

describe('merge conflicts, reported', () => {
  it('name the token, how it matched, which copy was kept and why', async () => {
    const { dir: d, cleanup: c } = tempDir('patvault-merge2-');
    const clk = fixedClock(T0);
    try {
      const a = await Vault.create(join(d, 'a.sqlite'), TEST_PASSWORD, { kdf: FAST_KDF, clock: clk });
      const x = a.tokens.add({ platform: 'github', account: 'acme', name: 'X', token: 'ghp_conflict_one' }).id;
      const p = a.customPlatforms.add({ name: 'Acme', baseUrl: 'https://old.example', auth: { kind: 'bearer' } }).id;
      await writeBackup(a, join(d, 'b0'), PW, { kdf: FAST_KDF });
      const b = Vault.open((await restorePayloadToNewVault(await readBackup(join(d, 'b0'), PW), join(d, 'b.sqlite'), TEST_PASSWORD, { kdf: FAST_KDF })).path, { clock: clk });
      await b.unlock(TEST_PASSWORD);
      clk.set(T1);
      b.tokens.edit(x, { name: 'X newer', token: 'ghp_conflict_two' });
      b.customPlatforms.update(p, { name: 'Acme renamed', baseUrl: 'https://new.example', auth: { kind: 'bearer' } });
      b.customPlatforms.add({ name: 'Globex', baseUrl: 'https://globex.example', auth: { kind: 'query', name: 'key' } });
      await writeBackup(b, join(d, 'b1'), PW, { kdf: FAST_KDF });
      b.close();
      clk.set(T2);
      const s = mergeBackup(a, await readBackup(join(d, 'b1'), PW));
      expect(s).toEqual({
        added: 0,
        updated: 1,
        skipped: 0,
        platforms: { added: 1, updated: 1, skipped: 0 },
        conflicts: [
          { kind: 'platform', id: p, backupId: p, name: 'Acme renamed', matchedBy: 'id', kept: 'backup', reason: 'the backup copy is newer' },
          { kind: 'token', id: x, backupId: x, name: 'X newer', matchedBy: 'id', kept: 'backup', reason: 'the backup copy is newer; the other value is kept in its history' },
        ],
      });
      expect(a.customPlatforms.list().map((q) => [q.name, q.baseUrl, q.updatedAt])).toEqual([
        ['Acme renamed', 'https://new.example', T1],
        ['Globex', 'https://globex.example', T1],
      ]);
      a.close();
    } finally {
      c();
    }
  });

  it('records that break the vault links are refused whole; restore mode needs an empty vault', async () => {
    const bytes = fileBytes(vault.path);
    const audit = vault.audit.log().length;
    const broken = { platforms: [], accounts: [], tokens: [{ ...backup.tokens[0], accountId: 'f'.repeat(32) }] } as unknown as BackupPayload;
    expect(await errorOf(() => vault.backup.merge(broken))).toEqual({ code: 'BAD_INPUT', message: 'backup: tokens.0.accountId: refers to no account' });
    expect(await errorOf(() => vault.backup.restore({ platforms: backup.platforms, accounts: backup.accounts, tokens: backup.tokens }))).toEqual({
      code: 'BAD_INPUT',
      message: 'A backup is restored into an empty vault only; merge it into this one instead.',
    });
    expect(fileBytes(vault.path).equals(bytes)).toBe(true);
    expect(vault.audit.log()).toHaveLength(audit);
  });
});
