// @vitest-environment jsdom
/** First run: restore the vault from a backup instead of creating an empty one. */
import { screen } from '@testing-library/react';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useStore } from '../../store';
import { writeBackupFile } from '../../test-support/backup-files';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const BACKUP_PW = 'backup phrase horse';
const NEW_PW = 'brand new master phrase';

/** First run, with a backup from the old laptop (one token, one custom platform) waiting in the open dialog. */
async function openRestore() {
  const r = await renderApp({ exists: false });
  const path = join(r.backend.dir, 'old-laptop.patvault-backup');
  await writeBackupFile(path, {
    password: BACKUP_PW,
    customPlatforms: [{ name: 'Acme', baseUrl: 'https://api.acme.example', auth: { kind: 'bearer' } }],
    tokens: [{ name: 'Restored CI' }],
  });
  r.backend.dialogs.openPath = path;
  await r.user.click(await screen.findByRole('button', { name: 'Restore from a backup…' }));
  const title = screen.getByRole('heading', { level: 1, name: 'Restore from a backup' });
  expect(document.activeElement).toBe(title);
  return r;
}

test('choose the file, give its password and a new master password: the vault opens with its tokens', async () => {
  const { user, api, backend } = await openRestore();
  await user.click(screen.getByRole('button', { name: 'Choose backup file…' }));
  expect(await screen.findByText(/old-laptop\.patvault-backup/)).toBeTruthy();
  await user.type(screen.getByLabelText('Backup password'), BACKUP_PW);
  await user.type(screen.getByLabelText('New master password'), NEW_PW);
  await user.type(screen.getByLabelText('Confirm new master password'), NEW_PW);
  await user.click(screen.getByRole('button', { name: 'Restore vault' }));
  expect(await screen.findByRole('option', { name: /Restored CI/ })).toBeTruthy();
  expect(screen.getByRole('heading', { level: 1, name: 'PAT Vault' })).toBeTruthy();
  expect(screen.getByText('Restored 1 token and 1 custom platform from the backup')).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'backup.restoreNew')?.request).toMatchObject({ password: BACKUP_PW, newPassword: NEW_PW });
  expect(await backend.call('vault.status', {})).toMatchObject({ exists: true, unlocked: true });
  expect(await backend.passwordOpens(NEW_PW)).toBe(true);
  expect(JSON.stringify(useStore.getState())).not.toContain(NEW_PW);
});

test('missing file, missing backup password and mismatched new passwords are said next to the fields', async () => {
  const { user, api } = await openRestore();
  await user.type(screen.getByLabelText('New master password'), NEW_PW);
  await user.type(screen.getByLabelText('Confirm new master password'), 'typo');
  await user.click(screen.getByRole('button', { name: 'Restore vault' }));
  expect(screen.getByText('Choose the backup file first.')).toBeTruthy();
  expect(screen.getByText('Enter the password the backup was made with.')).toBeTruthy();
  expect(screen.getByText('The passwords do not match.')).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Choose backup file…' }));
  expect(api.calls.some((c) => c.channel === 'backup.restoreNew')).toBe(false);
});

test('a wrong backup password is shown and nothing is created; "Create a new vault instead" goes back', async () => {
  const { user, backend } = await openRestore();
  await user.click(screen.getByRole('button', { name: 'Choose backup file…' }));
  await user.type(screen.getByLabelText('Backup password'), 'wrong guess here');
  await user.type(screen.getByLabelText('New master password'), NEW_PW);
  await user.type(screen.getByLabelText('Confirm new master password'), NEW_PW);
  await user.click(screen.getByRole('button', { name: 'Restore vault' }));
  expect(await screen.findByText('Wrong backup password. Nothing was changed.')).toBeTruthy();
  expect(await backend.call('vault.status', {})).toMatchObject({ exists: false });
  await user.click(screen.getByRole('button', { name: 'Create a new vault instead' }));
  expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Create your vault' }));
});
