// @vitest-environment jsdom
/** Restore from a backup into the open vault: choose, password, preview (dry run), merge. */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { FakeApiOptions } from '../../test-support/fake-api';
import type { FakeBackupFile } from '../../test-support/fake-file-flows';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const PW = 'backup phrase horse';
const BACKUP: FakeBackupFile = {
  fileName: 'work-laptop.patvault-backup',
  createdAt: '2026-05-01T09:00:00.000Z',
  sizeBytes: 12_800,
  password: PW,
  tokens: [
    // The vault's CI token, renamed later in the backup: the backup copy wins.
    { id: 'tok000000', name: 'CI (renamed)', updatedAt: '2026-04-01T00:00:00.000Z', value: 'secret-value-0' },
    { id: 'bk000001', name: 'Only in backup' },
  ],
};

async function openRestore(opts: FakeApiOptions = {}) {
  const r = renderApp({ unlocked: true, tokens: [{ name: 'CI' }, { name: 'Other' }], dialogs: { backupFile: BACKUP }, ...opts });
  await screen.findByRole('listbox', { name: 'Tokens' });
  await r.user.click(screen.getByRole('button', { name: 'Vault' }));
  await r.user.click(screen.getByRole('menuitem', { name: 'Restore from backup…' }));
  const dialog = screen.getByRole('dialog', { name: 'Restore from a backup' });
  return { ...r, dialog, d: within(dialog) };
}

test('choose, preview the counts and conflicts (nothing changes), then merge', async () => {
  const { d, dialog, user, api } = await openRestore();
  expect(dialog.textContent).toMatch(/same id or the same value.*the later change wins.*history.*Nothing is deleted/s);
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  expect(d.getByText(/Backup file:/).textContent).toMatch(/work-laptop\.patvault-backup — written 2026-05-01 \d\d:00, 12\.5 KB/);
  expect((d.getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(true);
  await user.type(d.getByLabelText('Backup password'), PW);
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(api.calls.find((c) => c.channel === 'backup.merge')?.request).toMatchObject({ password: PW, dryRun: true });
  const title = await d.findByRole('heading', { name: 'Preview: what merging would do' });
  expect(document.activeElement).toBe(title);
  const counts = d.getAllByRole('listitem').map((li) => li.textContent);
  expect(counts).toEqual(['1 token to add', '1 to update', '0 left as they are']);
  const conflicts = within(d.getByRole('region', { name: 'Conflicts' })).getByRole('table');
  expect(within(conflicts).getByRole('rowheader', { name: 'CI (renamed)' })).toBeTruthy();
  expect(conflicts.textContent).toContain('same id');
  expect(conflicts.textContent).toContain('the backup’s copy');
  expect(api.state.tokens.size).toBe(2);

  await user.click(d.getByRole('button', { name: 'Merge' }));
  expect(await screen.findByText('Merged the backup: 1 added, 1 updated, 0 unchanged')).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull();
  const names = within(screen.getByRole('listbox', { name: 'Tokens' })).getAllByRole('option').map((o) => o.querySelector('.row-name')?.textContent);
  expect(names).toEqual(['CI (renamed)', 'Other', 'Only in backup']);
});

test('a wrong password is shown in the dialog, which stays open; changing the password drops the preview', async () => {
  const { d, user } = await openRestore();
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  await user.type(d.getByLabelText('Backup password'), 'not it at all');
  await user.keyboard('{Enter}');
  expect(d.getByRole('alert').textContent).toBe('Wrong backup password. Nothing was changed.');
  expect(screen.getByRole('dialog', { name: 'Restore from a backup' })).toBeTruthy();
  expect((d.getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(true);
  await user.clear(d.getByLabelText('Backup password'));
  await user.type(d.getByLabelText('Backup password'), PW);
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(d.getByRole('alert').textContent).toBe('');
  expect((d.getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(false);
  await user.type(d.getByLabelText('Backup password'), 'x');
  expect((d.getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(true);
  expect(d.queryByRole('heading', { name: /Preview/ })).toBeNull();
});

test('a damaged file is refused clearly; Preview without a file asks for one', async () => {
  const { d, user, api } = await openRestore({ dialogs: { backupFile: { ...BACKUP, damaged: true } } });
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(d.getByText('Choose the backup file first.')).toBeTruthy();
  expect(document.activeElement).toBe(d.getByRole('button', { name: 'Choose backup file…' }));
  expect(api.calls.some((c) => c.channel === 'backup.merge')).toBe(false);
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  await user.type(d.getByLabelText('Backup password'), PW);
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(d.getByRole('alert').textContent).toMatch(/^The backup file is damaged \(checksum mismatch\)/);
});

test('cancelling the open dialog keeps what was there', async () => {
  const { d, user, api } = await openRestore({ dialogs: { backupFile: null } });
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  expect(d.getByText('No file chosen yet.')).toBeTruthy();
  api.dialogs.backupFile = BACKUP;
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  expect(d.getByRole('button', { name: 'Choose another file…' })).toBeTruthy();
});
