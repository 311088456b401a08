// @vitest-environment jsdom
/** The import wizard: file, options (account for .env, CSV columns), preview table, import. */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { FakeApiOptions } from '../../test-support/fake-api';
import type { FakeImportFile } from '../../test-support/fake-file-flows';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const ENV_FILE: FakeImportFile = {
  fileName: '.env',
  rows: [
    { line: 1, label: 'GITHUB_TOKEN', action: 'import', name: 'GITHUB_TOKEN', platform: 'github', detectedPlatform: true, reason: null },
    { line: 2, label: 'GITLAB_PAT', action: 'import', name: 'GITLAB_PAT', platform: null, reason: null },
    { line: 3, label: 'COPY', action: 'duplicate-in-file', name: 'COPY', platform: 'github', reason: 'same value as line 1' },
    { line: 4, label: 'OLD', action: 'duplicate-in-vault', name: 'OLD', platform: 'github', reason: 'already in the vault as “CI”' },
    { line: 5, label: 'EMPTY', action: 'skip', name: null, platform: null, reason: 'empty value' },
  ],
};

const CSV_FILE: FakeImportFile = {
  fileName: 'tokens.csv',
  headers: ['Title', 'Secret', 'Org', 'Comment'],
  suggestedMapping: { name: 'Title', account: 'Org' },
  rows: [{ line: 2, label: 'Deploy', action: 'import', name: 'Deploy', platform: 'gitlab', account: 'acme', reason: null }],
};

async function openImport(opts: FakeApiOptions) {
  const r = renderApp({ unlocked: true, tokens: [{ name: 'CI' }], ...opts });
  await screen.findByRole('listbox', { name: 'Tokens' });
  await r.user.click(screen.getByRole('button', { name: 'Vault' }));
  await r.user.click(screen.getByRole('menuitem', { name: 'Import…' }));
  const dialog = screen.getByRole('dialog', { name: 'Import tokens' });
  return { ...r, dialog, d: within(dialog) };
}

test('.env: choose, the account is required, preview every row, then import and see the list', async () => {
  const { d, user, api } = await openImport({ dialogs: { importFile: ENV_FILE } });
  expect(document.activeElement).toBe(d.getByLabelText('.env file'));
  await user.click(d.getByRole('button', { name: 'Next' }));
  expect(d.getByText('Choose a file first.')).toBeTruthy();
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  expect(api.calls.find((c) => c.channel === 'import.choose')?.request).toEqual({ format: 'env' });
  expect(d.getByText('.env', { selector: 'strong' })).toBeTruthy();
  await user.click(d.getByRole('button', { name: 'Next' }));
  expect(document.activeElement).toBe(d.getByRole('heading', { name: 'Step 2 of 3: options' }));

  await user.click(d.getByRole('button', { name: 'Preview' }));
  const account = d.getByLabelText('Account');
  expect(d.getByText(/A \.env file names no account/)).toBeTruthy();
  expect(document.activeElement).toBe(account);
  expect(api.calls.some((c) => c.channel === 'import.preview')).toBe(false);
  await user.type(account, 'me@example');
  await user.selectOptions(d.getByLabelText('Default platform'), 'gitlab');
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(api.calls.find((c) => c.channel === 'import.preview')?.request).toEqual({ fileId: 'file0001', format: 'env', account: 'me@example', platform: 'gitlab' });

  expect(d.getByText(/2 tokens to import/).parentElement?.textContent).toBe('2 tokens to import, 2 duplicates, 1 skipped.');
  const table = within(d.getByRole('region', { name: 'Rows of the file' })).getByRole('table');
  const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').concat(within(r).getAllByRole('rowheader')).map((c) => c.textContent));
  expect(rows[0]).toEqual(['1', 'Import', 'GitHub (recognised)', 'me@example', '', 'GITHUB_TOKEN']);
  expect(rows[1]).toEqual(['2', 'Import', 'GitLab', 'me@example', '', 'GITLAB_PAT']);
  expect(rows.slice(2).map((r) => [r[1], r[4]])).toEqual([
    ['Duplicate in file', 'same value as line 1'],
    ['Already in vault', 'already in the vault as “CI”'],
    ['Skipped', 'empty value'],
  ]);

  await user.click(d.getByRole('button', { name: 'Import' }));
  expect(await screen.findByText('Imported 2 tokens (2 duplicates and 1 skipped row left out)')).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(within(screen.getByRole('listbox', { name: 'Tokens' })).getAllByRole('option')).toHaveLength(3);
});

test('CSV: the guessed columns are filled in, token and name are required, Back and re-preview use the new options', async () => {
  const { d, user, api } = await openImport({ dialogs: { importFile: CSV_FILE } });
  await user.click(d.getByLabelText('CSV file'));
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  await user.click(d.getByRole('button', { name: 'Next' }));
  const col = (label: string) => d.getByLabelText(label) as HTMLSelectElement;
  expect(col('Name column').value).toBe('Title');
  expect(col('Account column').value).toBe('Org');
  expect(col('Token column').value).toBe('');
  expect(within(col('Token column')).getAllByRole('option').map((o) => o.textContent)).toEqual(['— not in the file —', 'Title', 'Secret', 'Org', 'Comment']);
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(d.getByText('Choose the column that holds the token.')).toBeTruthy();
  expect(document.activeElement).toBe(col('Token column'));
  await user.selectOptions(col('Token column'), 'Secret');
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(api.calls.filter((c) => c.channel === 'import.preview').at(-1)?.request).toEqual({
    fileId: 'file0001',
    format: 'csv',
    mapping: { token: 'Secret', name: 'Title', account: 'Org' },
  });
  expect(d.getByText(/1 token to import/)).toBeTruthy();

  await user.click(d.getByRole('button', { name: 'Back' }));
  await user.selectOptions(col('Notes column'), 'Comment');
  await user.type(d.getByLabelText('Client'), 'Acme');
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(api.calls.filter((c) => c.channel === 'import.preview').at(-1)?.request).toEqual({
    fileId: 'file0001',
    format: 'csv',
    client: 'Acme',
    mapping: { token: 'Secret', name: 'Title', account: 'Org', notes: 'Comment' },
  });
  await user.click(d.getByRole('button', { name: 'Import' }));
  expect(api.calls.find((c) => c.channel === 'import.apply')?.request).toEqual({ planId: 'plan0003' });
});

test('an error from main (a mapping the file refuses) is shown in the wizard, which stays on its step', async () => {
  const { d, user, api } = await openImport({ dialogs: { importFile: { ...ENV_FILE, fileName: 'k.csv' } } });
  await user.click(d.getByLabelText('KeePassXC CSV export'));
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  await user.click(d.getByRole('button', { name: 'Next' }));
  api.failNext('import.preview', 'BAD_INPUT', 'k.csv line 1: this is not a KeePassXC CSV export (expected its header row).');
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(d.getByRole('alert').textContent).toMatch(/not a KeePassXC CSV export/);
  expect(d.getByRole('heading', { name: 'Step 2 of 3: options' })).toBeTruthy();
});

test('a file with nothing new cannot be imported; cancelling the open dialog chooses nothing', async () => {
  const none: FakeImportFile = { fileName: '.env', rows: [{ line: 1, label: 'A', action: 'skip', name: null, platform: null, reason: 'empty value' }] };
  const { d, user, api } = await openImport({ dialogs: { importFile: null } });
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  expect(d.getByText('No file chosen yet.')).toBeTruthy();
  api.dialogs.importFile = none;
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  await user.click(d.getByRole('button', { name: 'Next' }));
  await user.type(d.getByLabelText('Account'), 'me');
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(d.getByText(/Nothing new to import/)).toBeTruthy();
  expect((d.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
});
