/**
 * A vault with every kind of field → backup → restore into a new vault: everything comes
 * back equal (ids, dates, check results, params, notes, values, history, custom platforms),
 * and the backup file holds none of it in plaintext. Real files, real crypto, KDF at the floor.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_TOKENS, addSamples, sampleSecretsAndMetadata } from '../test-support/sample-tokens';
import { FAST_KDF, TEST_PASSWORD, fixedClock, tempDir } from '../test-support/temp-vault';
import { errorOf } from '../test-support/app-errors';
import { Vault } from '../vault/vault';
import { readBackup, readBackupInfo, restoreBackupToNewVault, restorePayloadToNewVault, writeBackup } from './index';

const BACKUP_PASSWORD = 'backup pass phrase zq7';
const NEW_PASSWORD = 'new master password zq7';
const ROTATED = 'glpat-ZQ2rotatednewvalue0000';
const CUSTOM = {
  name: 'Acme API zq8',
  baseUrl: 'https://api.acme-zq8.example/v2',
  auth: { kind: 'header', name: 'X-Acme-Key', prefix: 'Key ' },
  checkPath: '/me',
  validStatus: 204,
  tokenPageUrl: 'https://acme-zq8.example/settings/tokens',
} as const;
const CUSTOM_TOKEN = { platform: 'custom', customPlatform: 'acme api zq8', account: 'acme-ops-zq8', name: 'Acme token zq8', token: 'acme-ZQ8-value-0001', notes: 'multi\nline\r\nnotes 東京 🚀 zq8' } as const;

let dir: string;
let cleanup: () => void;
let source: Vault;
let backupFile: string;
let ids: string[];
const clock = fixedClock('2026-03-01T10:00:00.000Z');

/** Everything a user can see of a vault, values and history included. */
function everything(v: Vault) {
  const tokens = v.tokens.list();
  return {
    tokens,
    accounts: [...v.tokens.accounts()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    platforms: v.customPlatforms.list(),
    secrets: tokens.map((t) => ({ id: t.id, notes: v.tokens.notes(t.id), value: v.results.valueForPlatform(t.id), history: v.results.readHistory(t.id) })),
    digest: v.verifyAll().secretsDigest,
  };
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('patvault-backup-'));
  source = await Vault.create(join(dir, 'source.sqlite'), TEST_PASSWORD, { kdf: FAST_KDF, clock });
  ids = addSamples(source);
  clock.set('2026-03-02T11:00:00.000Z');
  source.customPlatforms.add(CUSTOM);
  ids.push(source.tokens.add(CUSTOM_TOKEN).id);
  clock.set('2026-03-03T12:00:00.000Z');
  source.tokens.edit(ids[4] as string, { programSlug: 'program-zq5' });
  source.tokens.edit(ids[3] as string, { platformTokenId: 'jelastic-id-zq4' });
  source.results.rotate(ids[1] as string, ROTATED, { at: '2027-01-01T00:00:00.000Z', raw: '2027-01-01' });
  source.results.recordCheck(ids[0] as string, { result: 'active', owner: 'octo-owner-zq1', reason: 'token works' });
  source.results.recordCheck(ids[2] as string, { result: 'invalid', reason: '401 from the platform' });
  backupFile = join(dir, 'vault.patvault-backup');
});
afterAll(() => {
  source.close();
  cleanup();
});

describe('backup and restore into a new vault', () => {
  it('writes one file (mode 0600), audited once as backup', async () => {
    const before = source.audit.log().length;
    const r = await writeBackup(source, backupFile, BACKUP_PASSWORD, { kdf: FAST_KDF });
    expect(r).toEqual({ tokens: 7, platforms: 1, bytes: statSync(backupFile).size });
    if (process.platform !== 'win32') expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const log = source.audit.log();
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({ action: 'backup', tokenId: null, detail: '7 tokens, 1 custom platforms' });
    expect(readBackupInfo(backupFile)).toMatchObject({ kdf: { memoryKiB: FAST_KDF.memoryKiB, iterations: 2, parallelism: 1 } });
  });

  it('restores every field, id, date, value, note and history into a new vault', async () => {
    const target = join(dir, 'restored', 'vault.sqlite');
    const r = await restoreBackupToNewVault(backupFile, BACKUP_PASSWORD, target, NEW_PASSWORD, { kdf: FAST_KDF, clock });
    expect(r).toEqual({ path: target, tokens: 7, platforms: 1 });
    expect(readdirSync(join(dir, 'restored'))).toEqual(['vault.sqlite']);
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    const restored = Vault.open(target, { clock }); // status depends on the date
    try {
      await restored.unlock(NEW_PASSWORD);
      expect(restored.audit.log().map((e) => e.action)).toEqual(['vault-create', 'restore']);
      expect(restored.audit.log()[1]?.detail).toMatch(/^restored 7 tokens, 1 custom platforms from backup of vault [0-9a-f]{8} taken 2026-/);
      const want = everything(source);
      const got = everything(restored);
      expect(got).toEqual(want);
      // The fields this test means to cover are really there.
      const byId = new Map(got.tokens.map((t) => [t.id, t]));
      expect(byId.get(ids[0] as string)).toMatchObject({ lastCheck: { result: 'active', owner: 'octo-owner-zq1', reason: 'token works' }, status: 'active' });
      expect(byId.get(ids[4] as string)?.programSlug).toBe('program-zq5');
      expect(byId.get(ids[3] as string)?.platformTokenId).toBe('jelastic-id-zq4');
      expect(byId.get(ids[6] as string)).toMatchObject({ platform: 'custom', customPlatformName: CUSTOM.name });
      expect(got.secrets.find((s) => s.id === ids[1])).toMatchObject({ value: ROTATED, history: [{ value: SAMPLE_TOKENS[1].token }] });
      expect(got.secrets.find((s) => s.id === ids[6])?.notes).toBe(CUSTOM_TOKEN.notes);
      expect(restored.customPlatforms.definition(got.platforms[0]?.id as string)).toEqual(CUSTOM);
      expect(byId.get(ids[0] as string)?.createdAt).toBe('2026-03-01T10:00:00.000Z');
      expect(restored.vaultId).not.toBe(source.vaultId);
    } finally {
      restored.close();
    }
  });

  it('readBackup returns the checked payload: every field, nothing more', async () => {
    const p = await readBackup(backupFile, BACKUP_PASSWORD);
    expect(p).toMatchObject({ format: 1, vaultId: source.vaultId });
    expect(p.tokens.map((t) => t.id).sort()).toEqual([...ids].sort());
    const rotated = p.tokens.find((t) => t.id === ids[1]);
    // The typed date and the expiry the platform reported for the new value, side by side.
    expect(rotated).toMatchObject({ value: ROTATED, reportedExpiry: { at: '2027-01-01T00:00:00.000Z', raw: '2027-01-01', source: 'platform' }, expiresAt: '2026-12-01', history: [{ value: SAMPLE_TOKENS[1].token, rotatedAt: '2026-03-03T12:00:00.000Z' }] });
    expect(Object.keys(rotated ?? {})).not.toContain('fingerprint');
  });

  it('refuses to overwrite an existing file unless asked, and never leaves a temp file', async () => {
    const other = join(dir, 'other.bin');
    writeFileSync(other, 'keep me');
    expect(await errorOf(writeBackup(source, other, BACKUP_PASSWORD, { kdf: FAST_KDF }))).toMatchObject({ code: 'BAD_INPUT', message: `${other} already exists; not overwriting it.` });
    expect(readFileSync(other, 'utf8')).toBe('keep me');
    await writeBackup(source, other, BACKUP_PASSWORD, { kdf: FAST_KDF, overwrite: true });
    expect((await readBackup(other, BACKUP_PASSWORD)).tokens).toHaveLength(7);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the backup password follows the master-password rules; the KDF never goes below the floor', async () => {
    const f = join(dir, 'weak.bin');
    expect(await errorOf(writeBackup(source, f, 'short', { kdf: FAST_KDF }))).toMatchObject({ code: 'BAD_INPUT', message: 'Backup password must be at least 8 characters long.' });
    expect((await errorOf(writeBackup(source, f, BACKUP_PASSWORD, { kdf: { memoryKiB: 1024, iterations: 1 } }))).code).toBe('KDF_TOO_WEAK');
    expect(existsSync(f)).toBe(false);
  });

  it('a restore that fails at any step leaves no file behind', async () => {
    const folder = join(dir, 'failed');
    const target = join(folder, 'vault.sqlite');
    const payload = await readBackup(backupFile, BACKUP_PASSWORD);
    expect(await errorOf(restorePayloadToNewVault(payload, target, 'short', { kdf: FAST_KDF }))).toMatchObject({ code: 'BAD_INPUT' });
    expect(existsSync(folder)).toBe(false);
    // Records that fail inside the write (checked again there): the half-made vault is removed.
    const broken = { ...payload, tokens: [{ ...payload.tokens[0], accountId: 'f'.repeat(32) }] } as typeof payload;
    expect(await errorOf(restorePayloadToNewVault(broken, target, NEW_PASSWORD, { kdf: FAST_KDF }))).toEqual({
      code: 'BAD_INPUT',
      message: 'backup: tokens.0.accountId: refers to no account',
    });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('restoring refuses an existing path (VAULT_EXISTS) and leaves it alone', async () => {
    const existing = join(dir, 'source.sqlite');
    const before = readFileSync(existing);
    expect(await errorOf(restoreBackupToNewVault(backupFile, BACKUP_PASSWORD, existing, NEW_PASSWORD, { kdf: FAST_KDF }))).toMatchObject({ code: 'VAULT_EXISTS' });
    expect(readFileSync(existing).equals(before)).toBe(true);
  });
});

describe('no plaintext in the backup file', () => {
  it('holds no value, note, name, scope, account, URL, history value or password (UTF-8 and UTF-16)', () => {
    const bytes = readFileSync(backupFile);
    const needles = [
      ...sampleSecretsAndMetadata(),
      ROTATED,
      CUSTOM.name,
      CUSTOM.baseUrl,
      CUSTOM.tokenPageUrl,
      CUSTOM_TOKEN.account,
      CUSTOM_TOKEN.token,
      CUSTOM_TOKEN.notes,
      CUSTOM_TOKEN.name,
      'program-zq5',
      'jelastic-id-zq4',
      'octo-owner-zq1',
      BACKUP_PASSWORD,
      TEST_PASSWORD,
    ];
    const leaks: string[] = [];
    for (const n of needles) {
      for (const enc of ['utf8', 'utf16le'] as const) if (bytes.includes(Buffer.from(n, enc))) leaks.push(`${n} (${enc})`);
    }
    expect(leaks).toEqual([]);
    // The scan can see plaintext: the signature is stored in clear.
    expect(bytes.includes(Buffer.from('PATVAULT-BACKUP'))).toBe(true);
  });
});
