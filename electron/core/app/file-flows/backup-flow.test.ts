/**
 * The backup channels through dispatch: create (save dialog, 0600, counts) → choose (header
 * read, no password) → merge dry run (nothing changes) → merge (the vault gets back what it
 * lost); a wrong password or a flipped byte is refused and the vault stays as it was; first
 * run restores into a new vault and unlocks it, and is refused once a vault exists; chosen ids
 * are forgotten on lock.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_TOKENS } from '../../test-support/sample-tokens';
import { TEST_PASSWORD } from '../../test-support/temp-vault';
import { setupFiles } from './test-kit';

const BACKUP_PASSWORD = 'backup password for tests';

/** A vault with the samples, backed up to `backup.patvault-backup` in its folder. */
async function backedUp(opts: { reminders?: boolean } = {}) {
  const s = setupFiles(opts);
  await s.createVault();
  await s.addSamples();
  const file = join(s.dir, 'backup.patvault-backup');
  s.dialogs.answer(file);
  const made = await s.call('backup.create', { password: BACKUP_PASSWORD });
  expect(made).toEqual({ saved: true, path: file, tokens: SAMPLE_TOKENS.length, platforms: 0 });
  return { s, file };
}

/** What the user can see of the vault, to compare before and after. */
async function snapshot(s: ReturnType<typeof setupFiles>): Promise<string> {
  return JSON.stringify({ tokens: await s.call('tokens.list', {}), log: (await s.auditLog()).length });
}

describe('backup channels', () => {
  it('create writes a 0600 file named for the day, audited; cancel writes nothing', async () => {
    const s = setupFiles();
    await s.createVault();
    await s.addSamples();
    expect(await s.call('backup.create', { password: BACKUP_PASSWORD })).toEqual({ saved: false, path: null, tokens: 0, platforms: 0 });
    expect((await s.auditLog()).some((e) => e.action === 'backup')).toBe(false);
    const file = join(s.dir, 'mine.patvault-backup');
    s.dialogs.answer(file);
    await s.call('backup.create', { password: BACKUP_PASSWORD });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const t of SAMPLE_TOKENS) expect(readFileSync(file).includes(Buffer.from(t.token))).toBe(false);
    expect(s.dialogs.calls.map((c) => [c.kind, c.defaultName])).toEqual([
      ['save', 'patvault-backup-2026-11-23.patvault-backup'],
      ['save', 'patvault-backup-2026-11-23.patvault-backup'],
    ]);
    expect((await s.auditLog()).filter((e) => e.action === 'backup')).toHaveLength(1);
    // A too-short backup password is refused before any dialog opens.
    expect((await s.fail('backup.create', { password: 'short' })).message).toMatch(/Backup password must be at least 8/);
    expect(s.dialogs.calls).toHaveLength(2);
  });

  it('choose → merge dry run changes nothing → merge restores what the vault lost', async () => {
    const { s, file } = await backedUp();
    const [gone] = await s.call('tokens.list', {});
    await s.call('tokens.remove', { id: gone!.id });
    s.dialogs.answer(file);
    const chosen = await s.call('backup.choose', {});
    expect(chosen).toMatchObject({ fileName: 'backup.patvault-backup', createdAt: '2026-11-23T10:00:00.000Z' });
    expect(chosen?.sizeBytes).toBe(statSync(file).size);
    const before = await snapshot(s);
    const dry = await s.call('backup.merge', { fileId: chosen!.fileId, password: BACKUP_PASSWORD, dryRun: true });
    expect(dry).toMatchObject({ added: 1, updated: 0, dryRun: true });
    expect(await snapshot(s)).toBe(before);
    const real = await s.call('backup.merge', { fileId: chosen!.fileId, password: BACKUP_PASSWORD, dryRun: false });
    expect(real).toMatchObject({ added: 1, updated: 0, dryRun: false });
    expect((await s.call('tokens.list', {})).map((t) => t.name).sort()).toEqual(SAMPLE_TOKENS.map((t) => t.name).sort());
  });

  it('a wrong password or a flipped byte is refused and the vault is unchanged', async () => {
    const { s, file } = await backedUp();
    await s.call('tokens.remove', { id: (await s.call('tokens.list', {}))[0]!.id });
    s.dialogs.answer(file);
    const chosen = await s.call('backup.choose', {});
    const before = await snapshot(s);
    const wrong = await s.fail('backup.merge', { fileId: chosen!.fileId, password: 'not the backup password', dryRun: false });
    expect(wrong).toEqual({ code: 'WRONG_PASSWORD', message: 'Wrong backup password. Nothing was changed.' });
    const bytes = readFileSync(file);
    bytes.writeUInt8((bytes.at(-60) as number) ^ 0x01, bytes.length - 60);
    writeFileSync(file, bytes);
    const damaged = await s.fail('backup.merge', { fileId: chosen!.fileId, password: BACKUP_PASSWORD, dryRun: false });
    expect(damaged.code).toBe('VAULT_DAMAGED');
    expect(await snapshot(s)).toBe(before);
    // Choosing the damaged file is refused too, and a file that is no backup at all.
    s.dialogs.answer(file);
    expect((await s.fail('backup.choose', {})).code).toBe('VAULT_DAMAGED');
    const notBackup = join(s.dir, 'notes.txt');
    writeFileSync(notBackup, 'just some text, not a backup at all.........................................................................................');
    s.dialogs.answer(notBackup);
    expect((await s.fail('backup.choose', {})).message).toMatch(/is not a PAT Vault backup/);
  });

  it('first run: choose with no vault, restore into a new vault, unlocked; refused once a vault exists', async () => {
    const { file } = await backedUp();
    const fresh = setupFiles();
    expect(await fresh.call('vault.status', {})).toMatchObject({ exists: false });
    fresh.dialogs.answer(file);
    const chosen = await fresh.call('backup.choose', {});
    // The new master password follows vault.create's rules; nothing is created on refusal.
    expect((await fresh.fail('backup.restoreNew', { fileId: chosen!.fileId, password: BACKUP_PASSWORD, newPassword: 'short' })).code).toBe('BAD_INPUT');
    expect((await fresh.fail('backup.restoreNew', { fileId: chosen!.fileId, password: 'wrong backup password', newPassword: TEST_PASSWORD })).code).toBe('WRONG_PASSWORD');
    expect(existsSync(fresh.vaultPath)).toBe(false);
    const restored = await fresh.call('backup.restoreNew', { fileId: chosen!.fileId, password: BACKUP_PASSWORD, newPassword: 'a new master password' });
    expect(restored).toEqual({ tokens: SAMPLE_TOKENS.length, platforms: 0 });
    expect(await fresh.call('vault.status', {})).toMatchObject({ exists: true, unlocked: true });
    expect(await fresh.call('tokens.list', {})).toHaveLength(SAMPLE_TOKENS.length);
    expect((await fresh.fail('backup.restoreNew', { fileId: chosen!.fileId, password: BACKUP_PASSWORD, newPassword: TEST_PASSWORD })).code).toBe('VAULT_EXISTS');
    // The new master password unlocks it after a lock.
    await fresh.call('vault.lock', {});
    await fresh.call('vault.unlock', { password: 'a new master password' });
  });

  it('reminders and the badge are re-evaluated after a merge and after a restore', async () => {
    const { s, file } = await backedUp({ reminders: true });
    const soon = (await s.call('tokens.list', {})).find((t) => t.name === 'Reports reader zq5'); // expires 2026-11-30: within 7 days
    const full = s.badges.at(-1) ?? 0;
    await s.call('tokens.remove', { id: soon!.id });
    expect(s.badges.at(-1)).toBe(full - 1);
    s.dialogs.answer(file);
    const chosen = await s.call('backup.choose', {});
    await s.call('backup.merge', { fileId: chosen!.fileId, password: BACKUP_PASSWORD, dryRun: false });
    expect(s.badges.at(-1)).toBe(full);

    const fresh = setupFiles({ reminders: true });
    expect(fresh.badges.at(-1) ?? 0).toBe(0);
    fresh.dialogs.answer(file);
    const again = await fresh.call('backup.choose', {});
    await fresh.call('backup.restoreNew', { fileId: again!.fileId, password: BACKUP_PASSWORD, newPassword: TEST_PASSWORD });
    expect(fresh.badges.at(-1)).toBe(full);
  });

  it('ids are forgotten on lock; merge needs an unlocked vault', async () => {
    const { s, file } = await backedUp();
    s.dialogs.answer(file);
    const chosen = await s.call('backup.choose', {});
    await s.call('vault.lock', {});
    expect((await s.fail('backup.merge', { fileId: chosen!.fileId, password: BACKUP_PASSWORD, dryRun: true })).code).toBe('VAULT_LOCKED');
    await s.call('vault.unlock', { password: TEST_PASSWORD });
    const stale = await s.fail('backup.merge', { fileId: chosen!.fileId, password: BACKUP_PASSWORD, dryRun: true });
    expect(stale.message).toMatch(/choose it again/);
    expect((await s.fail('backup.merge', { fileId: 'made-up-id', password: BACKUP_PASSWORD, dryRun: true })).code).toBe('BAD_INPUT');
  });
});
