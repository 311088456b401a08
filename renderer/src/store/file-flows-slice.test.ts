// @vitest-environment jsdom
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { installApp } from '../test-support/app-harness';
import { writeBackupFile } from '../test-support/backup-files';
import type { SeedOptions } from '../test-support/seed';
import { useUiTestCleanup } from '../test-support/setup';
import { backupText, exportedText, importedText, mergedText } from './file-flows-slice';
import { useStore } from './index';

useUiTestCleanup();

const toasts = () => useStore.getState().toasts.map((t) => t.text);
const BACKUP_PW = 'backup pass 1';

async function unlocked(opts: SeedOptions = {}) {
  const harness = await installApp({ unlocked: true, ...opts });
  await useStore.getState().refreshStatus();
  return harness;
}

/** A backup from elsewhere holding one token, "From backup", waiting in the open dialog. */
async function backupInDialog(backend: Awaited<ReturnType<typeof unlocked>>['backend']): Promise<void> {
  const path = join(backend.dir, 'vault.patvault-backup');
  await writeBackupFile(path, { password: BACKUP_PW, tokens: [{ name: 'From backup' }] });
  backend.dialogs.openPath = path;
}

test('export sends format and client; a save is confirmed with its path, a cancel says nothing', async () => {
  const { backend } = await unlocked({ tokens: [{ name: 'A', client: 'Acme' }, { name: 'B', client: 'Globex' }] });
  const path = join(backend.dir, 'pat-vault-inventory.json');
  backend.dialogs.savePath = path;
  const r = await useStore.getState().exportInventory({ format: 'json', client: 'Acme' });
  expect(r).toEqual({ saved: true, path, count: 1 });
  expect(toasts()).toEqual([`Saved 1 token to ${path}`]);
  backend.dialogs.savePath = null;
  expect((await useStore.getState().exportInventory({ format: 'csv' })).saved).toBe(false);
  expect(toasts()).toHaveLength(1);
});

test('a merge preview changes nothing; the merge reloads the list and says what it did', async () => {
  const { backend } = await unlocked({ tokens: [{ name: 'Mine' }] });
  await backupInDialog(backend);
  const file = await useStore.getState().chooseBackup();
  expect(file).toMatchObject({ fileName: 'vault.patvault-backup' });
  const preview = await useStore.getState().mergeBackup({ fileId: file!.fileId, password: BACKUP_PW, dryRun: true });
  expect(preview).toMatchObject({ added: 1, updated: 0, skipped: 0, dryRun: true });
  expect(useStore.getState().tokens.map((t) => t.name)).toEqual(['Mine']);
  await useStore.getState().mergeBackup({ fileId: file!.fileId, password: BACKUP_PW, dryRun: false });
  expect(useStore.getState().tokens.map((t) => t.name)).toEqual(['From backup', 'Mine']);
  expect(toasts()).toEqual(['Merged the backup: 1 added, 0 updated, 0 unchanged']);
  await expect(useStore.getState().mergeBackup({ fileId: file!.fileId, password: 'wrong one', dryRun: true })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  expect(await backend.call('tokens.list', {})).toHaveLength(2);
});

test('restoring at first run opens the new vault with the backup’s tokens', async () => {
  const { backend } = await installApp({ exists: false });
  await backupInDialog(backend);
  await useStore.getState().refreshStatus();
  expect(useStore.getState().phase).toBe('none');
  const file = await useStore.getState().chooseBackup();
  await useStore.getState().restoreNewVault({ fileId: file!.fileId, password: BACKUP_PW, newPassword: 'new master pass' });
  expect(useStore.getState()).toMatchObject({ phase: 'unlocked', tokensLoaded: true });
  expect(useStore.getState().tokens.map((t) => t.name)).toEqual(['From backup']);
  expect(await backend.passwordOpens('new master pass')).toBe(true);
});

test('an applied import reloads the list and counts what was left out', async () => {
  const { backend } = await unlocked();
  const path = join(backend.dir, '.env');
  const value = `ghp_${'D4'.repeat(18)}`;
  writeFileSync(path, `GITHUB_TOKEN=${value}\nDUP=${value}\n`);
  backend.dialogs.openPath = path;
  const file = await useStore.getState().chooseImportFile('env');
  const plan = await useStore.getState().previewImport({ fileId: file!.fileId, format: 'env', account: 'me' });
  expect(plan.counts).toEqual({ import: 1, duplicates: 1, skipped: 0 });
  expect(await useStore.getState().applyImport(plan.planId)).toEqual({ added: 1, replaced: 0, duplicates: 1, skipped: 0 });
  expect(useStore.getState().tokens.map((t) => [t.name, t.account])).toEqual([['GITHUB_TOKEN', 'me']]);
  expect(toasts()).toEqual(['Imported 1 token (1 duplicate left out)']);
});

test('confirmations read naturally', () => {
  expect(exportedText({ saved: true, path: '/x.ics', count: 2 }, 'ics')).toBe('Saved 2 calendar events to /x.ics');
  expect(backupText({ saved: true, path: '/b', tokens: 1, platforms: 2 })).toBe('Backup saved to /b (1 token, 2 custom platforms)');
  expect(mergedText({ added: 0, updated: 2, skipped: 1, platforms: { added: 0, updated: 0, skipped: 0 }, conflicts: [], dryRun: false })).toBe(
    'Merged the backup: 0 added, 2 updated, 1 unchanged',
  );
  expect(importedText({ added: 3, replaced: 0, duplicates: 0, skipped: 2 })).toBe('Imported 3 tokens (2 skipped rows left out)');
  expect(importedText({ added: 0, replaced: 0, duplicates: 0, skipped: 0 })).toBe('Imported 0 tokens');
  // One token per user (iObeya): a row that replaced a user's token's value is counted apart.
  expect(importedText({ added: 1, replaced: 1, duplicates: 1, skipped: 0 })).toBe('Imported 1 token, replaced the value of 1 token (1 duplicate left out)');
});
