// @vitest-environment jsdom
/** The Vault menu, Export and Back up as a user meets them. */
import { screen, within } from '@testing-library/react';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useStore } from '../../store';
import { renderApp } from '../../test-support/render-app';
import type { SeedOptions, SeedToken } from '../../test-support/seed';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const TOKENS: readonly SeedToken[] = [
  { name: 'A', client: 'Acme', expiresAt: '2027-01-31' },
  { name: 'B', client: 'Globex' },
  { name: 'C', client: 'Acme' },
];

async function openFromMenu(item: string, opts: SeedOptions = {}) {
  const r = await renderApp({ unlocked: true, tokens: TOKENS, ...opts });
  await screen.findByRole('listbox', { name: 'Tokens' });
  await r.user.click(screen.getByRole('button', { name: 'Vault' }));
  await r.user.click(screen.getByRole('menuitem', { name: item }));
  return r;
}

test('the Vault menu opens from the keyboard, moves with arrows, closes on Escape back to its button', async () => {
  const { user } = await renderApp({ unlocked: true, tokens: TOKENS });
  const button = await screen.findByRole('button', { name: 'Vault' });
  expect(button.getAttribute('aria-haspopup')).toBe('menu');
  button.focus();
  await user.keyboard('{ArrowDown}');
  const menu = screen.getByRole('menu', { name: 'Vault' });
  expect(button.getAttribute('aria-expanded')).toBe('true');
  expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Import…', 'Export…', 'Back up…', 'Restore from backup…']);
  expect(document.activeElement?.textContent).toBe('Import…');
  await user.keyboard('{ArrowUp}');
  expect(document.activeElement?.textContent).toBe('Restore from backup…');
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('menu')).toBeNull();
  expect(document.activeElement).toBe(button);
  await user.keyboard('{Enter}{ArrowDown}{Enter}');
  expect(screen.getByRole('dialog', { name: 'Export tokens' })).toBeTruthy();
  await user.keyboard('{Escape}');
  expect(document.activeElement).toBe(button);
});

test('export sends the chosen format and client and confirms the saved path', async () => {
  const { user, api, backend } = await openFromMenu('Export…');
  const d = within(screen.getByRole('dialog', { name: 'Export tokens' }));
  expect(d.getByText(/Token values are never exported/)).toBeTruthy();
  await user.click(d.getByLabelText('Calendar (.ics)'));
  await user.selectOptions(d.getByLabelText('Client'), 'Acme');
  const path = join(backend.dir, 'acme.ics');
  backend.dialogs.savePath = path;
  await user.click(d.getByRole('button', { name: 'Save…' }));
  expect(api.calls.find((c) => c.channel === 'reports.export')?.request).toEqual({ format: 'ics', client: 'Acme' });
  expect(await screen.findByText(`Saved 1 calendar event to ${path}`)).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull();
  // Only Acme's token with an expiry date is in the calendar.
  expect(readFileSync(path, 'utf8').match(/BEGIN:VEVENT/g)).toHaveLength(1);
});

test('export for all tokens sends no client; cancelling the save dialog shows nothing and keeps the dialog', async () => {
  const { user, api, backend } = await openFromMenu('Export…');
  backend.dialogs.savePath = null;
  const dialog = screen.getByRole('dialog', { name: 'Export tokens' });
  await user.click(within(dialog).getByRole('button', { name: 'Save…' }));
  expect(api.calls.find((c) => c.channel === 'reports.export')?.request).toEqual({ format: 'csv' });
  expect(api.calls.find((c) => c.channel === 'reports.export')?.response).toMatchObject({ ok: true, value: { saved: false } });
  expect(screen.getByRole('dialog', { name: 'Export tokens' })).toBe(dialog);
  expect(useStore.getState().toasts).toEqual([]);
  expect(within(dialog).getByRole('alert').textContent).toBe('');
  expect((within(dialog).getByRole('button', { name: 'Save…' }) as HTMLButtonElement).disabled).toBe(false);
});

test('an export error is shown in the dialog, which stays open', async () => {
  const { user, backend } = await openFromMenu('Export…');
  // A place that cannot be written: the folder does not exist.
  backend.dialogs.savePath = join(backend.dir, 'no-such-folder', 'x.csv');
  const d = within(screen.getByRole('dialog', { name: 'Export tokens' }));
  await user.click(d.getByRole('button', { name: 'Save…' }));
  expect(await d.findByText(/x\.csv/)).toBeTruthy();
  expect(d.getByRole('alert').textContent).not.toBe('');
  expect(screen.getByRole('dialog', { name: 'Export tokens' })).toBeTruthy();
});

test('backup: the two passwords must match; then the file is saved and the password forgotten', async () => {
  const PW = 'backup phrase horse';
  const { user, api, backend } = await openFromMenu('Back up…');
  const path = join(backend.dir, 'pat-vault.patvault-backup');
  backend.dialogs.savePath = path;
  const dialog = screen.getByRole('dialog', { name: 'Back up the vault' });
  const d = within(dialog);
  expect(dialog.textContent).toMatch(/every token and its value/);
  expect(document.activeElement).toBe(d.getByLabelText('Backup password'));
  await user.type(d.getByLabelText('Backup password'), PW);
  await user.type(d.getByLabelText('Confirm backup password'), 'something else');
  await user.click(d.getByRole('button', { name: 'Save…' }));
  expect(d.getByText('The passwords do not match.')).toBeTruthy();
  expect(api.calls.some((c) => c.channel === 'backup.create')).toBe(false);
  await user.clear(d.getByLabelText('Confirm backup password'));
  await user.type(d.getByLabelText('Confirm backup password'), PW);
  await user.click(d.getByRole('button', { name: 'Save…' }));
  expect(api.calls.find((c) => c.channel === 'backup.create')?.request).toEqual({ password: PW });
  expect(await screen.findByText(`Backup saved to ${path} (3 tokens, 0 custom platforms)`)).toBeTruthy();
  expect(existsSync(path)).toBe(true);
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(JSON.stringify(useStore.getState())).not.toContain(PW);
  expect(document.documentElement.outerHTML).not.toContain(PW);
});

test('backup: a short password is refused; cancelling the save dialog keeps the dialog', async () => {
  const { user, api, backend } = await openFromMenu('Back up…');
  backend.dialogs.savePath = null;
  const d = within(screen.getByRole('dialog', { name: 'Back up the vault' }));
  await user.type(d.getByLabelText('Backup password'), 'short');
  await user.click(d.getByRole('button', { name: 'Save…' }));
  expect(d.getByText('Use at least 8 characters.')).toBeTruthy();
  await user.type(d.getByLabelText('Backup password'), ' enough now');
  await user.type(d.getByLabelText('Confirm backup password'), 'short enough now');
  await user.click(d.getByRole('button', { name: 'Save…' }));
  expect(api.calls.filter((c) => c.channel === 'backup.create')).toHaveLength(1);
  expect(screen.getByRole('dialog', { name: 'Back up the vault' })).toBeTruthy();
  expect(useStore.getState().toasts).toEqual([]);
});

test('after a cancelled save dialog focus is back on Save…, so Escape still reaches the dialog', async () => {
  const { user, api, backend } = await openFromMenu('Export…');
  backend.dialogs.savePath = null;
  // Chromium drops focus from a button that becomes disabled (the focus fixup rule); jsdom does
  // not, so the call does it as the native save dialog would.
  api.onCall(() => (document.activeElement as HTMLElement | null)?.blur());
  const save = screen.getByRole('button', { name: 'Save…' });
  await user.click(save);
  expect(api.calls.some((c) => c.channel === 'reports.export')).toBe(true);
  expect(document.activeElement).toBe(save);
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Vault' }));
});
