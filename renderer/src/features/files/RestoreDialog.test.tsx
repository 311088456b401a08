// @vitest-environment jsdom
/** Restore from a backup into the open vault: choose, password, preview (dry run), merge. */
import { screen, within } from '@testing-library/react';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Backend } from '../../test-support/backend';
import { damage, writeBackupFile } from '../../test-support/backup-files';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';
import { formatSize } from './BackupFilePicker';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const PW = 'backup phrase horse';
const NAME = 'work-laptop.patvault-backup';

/**
 * The same vault on the work laptop, backed up on 1 May: there CI was renamed later than here,
 * a token was added, and Other was deleted (a merge deletes nothing, so Other stays here).
 */
async function workLaptopBackup(backend: Backend): Promise<void> {
  vi.setSystemTime(new Date('2026-05-01T09:00:00Z'));
  await writeBackupFile(join(backend.dir, NAME), {
    password: PW,
    from: backend,
    change: async (laptop, idOf) => {
      await laptop.call('tokens.edit', { id: idOf('CI'), patch: { name: 'CI (renamed)' } });
      await laptop.call('tokens.remove', { id: idOf('Other') });
      await laptop.call('tokens.add', { platform: 'github', account: 'acme', name: 'Only in backup', token: 'value-only-in-backup' });
    },
  });
  vi.useRealTimers();
}

async function openRestore(chosen: 'backup' | 'damaged' | 'cancel' = 'backup') {
  // This vault's tokens were last changed in January.
  vi.useFakeTimers({ now: new Date('2026-01-01T09:00:00Z'), toFake: ['Date'] });
  const r = await renderApp({ unlocked: true, tokens: [{ name: 'CI' }, { name: 'Other' }], prepare: workLaptopBackup });
  const path = join(r.backend.dir, NAME);
  if (chosen === 'damaged') damage(path);
  r.backend.dialogs.openPath = chosen === 'cancel' ? null : path;
  await screen.findByRole('listbox', { name: 'Tokens' });
  await r.user.click(screen.getByRole('button', { name: 'Vault' }));
  await r.user.click(screen.getByRole('menuitem', { name: 'Restore from backup…' }));
  const dialog = screen.getByRole('dialog', { name: 'Restore from a backup' });
  return { ...r, path, dialog, d: within(dialog) };
}

test('choose, preview the counts and conflicts (nothing changes), then merge', async () => {
  const { d, dialog, user, api, backend, path } = await openRestore();
  expect(dialog.textContent).toMatch(/same id or the same value.*the later change wins.*history.*Nothing is deleted/s);
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  expect((await d.findByText(/Backup file:/)).textContent).toMatch(
    new RegExp(`work-laptop\\.patvault-backup — written 2026-05-01 \\d\\d:00, ${formatSize(statSync(path).size).replace('.', '\\.')}`),
  );
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
  expect((await backend.call('tokens.list', {})).map((t) => t.name)).toEqual(['CI', 'Other']);

  await user.click(d.getByRole('button', { name: 'Merge' }));
  expect(await screen.findByText('Merged the backup: 1 added, 1 updated, 0 unchanged')).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull();
  const names = within(screen.getByRole('listbox', { name: 'Tokens' })).getAllByRole('option').map((o) => o.querySelector('.row-name')?.textContent);
  expect(names).toEqual(['CI (renamed)', 'Only in backup', 'Other']);
});

test('a wrong password is shown in the dialog, which stays open; changing the password drops the preview', async () => {
  const { d, user } = await openRestore();
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  await user.type(await d.findByLabelText('Backup password'), 'not it at all');
  await user.keyboard('{Enter}');
  expect(await d.findByText('Wrong backup password. Nothing was changed.')).toBeTruthy();
  expect(d.getByRole('alert').textContent).toBe('Wrong backup password. Nothing was changed.');
  expect(screen.getByRole('dialog', { name: 'Restore from a backup' })).toBeTruthy();
  expect((d.getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(true);
  await user.clear(d.getByLabelText('Backup password'));
  await user.type(d.getByLabelText('Backup password'), PW);
  await user.click(d.getByRole('button', { name: 'Preview' }));
  await d.findByRole('heading', { name: 'Preview: what merging would do' });
  expect(d.getByRole('alert').textContent).toBe('');
  expect((d.getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(false);
  await user.type(d.getByLabelText('Backup password'), 'x');
  expect((d.getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(true);
  expect(d.queryByRole('heading', { name: /Preview/ })).toBeNull();
});

test('a damaged file is refused clearly; Preview without a file asks for one', async () => {
  const { d, user, api } = await openRestore('damaged');
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(d.getByText('Choose the backup file first.')).toBeTruthy();
  expect(document.activeElement).toBe(d.getByRole('button', { name: 'Choose backup file…' }));
  expect(api.calls.some((c) => c.channel === 'backup.merge')).toBe(false);
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  await user.type(d.getByLabelText('Backup password'), PW);
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect((await d.findByText(/damaged/)).closest('[role="alert"]')?.textContent).toMatch(/^The backup file is damaged/);
});

test('cancelling the open dialog keeps what was there', async () => {
  const { d, user, backend, path } = await openRestore('cancel');
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  expect(await d.findByText('No file chosen yet.')).toBeTruthy();
  backend.dialogs.openPath = path;
  await user.click(d.getByRole('button', { name: 'Choose backup file…' }));
  expect(await d.findByRole('button', { name: 'Choose another file…' })).toBeTruthy();
});
