// @vitest-environment jsdom
/** The import wizard: file, options (account for .env, CSV columns), preview table, import. */
import { screen, within } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ApiCall } from '../../test-support/window-api';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const GH = `ghp_${'A1'.repeat(18)}`;
const GL = `glpat-${'B2'.repeat(10)}`;
/** The vault's CI token's value: a line holding it again is already in the vault. */
const CI_VALUE = `ghp_${'C3'.repeat(18)}`;

/** Five lines: two tokens, a copy of the first, the vault's CI again, an empty value. */
const ENV = [`GITHUB_TOKEN=${GH}`, `GITLAB_PAT=${GL}`, `COPY=${GH}`, `OLD=${CI_VALUE}`, 'EMPTY='].join('\n');
/** A CSV whose token column's name says nothing: the user maps it. */
const CSV = ['Title,Credential,Org,Remark', `Deploy,${GL},acme,for the pipeline`].join('\n');

/** The vault with CI in it, the wizard open, and `name` (holding `text`) waiting in the open dialog. */
async function openImport(name: string, text: string | null) {
  const r = await renderApp({ unlocked: true, tokens: [{ name: 'CI', token: CI_VALUE }] });
  const path = join(r.backend.dir, name);
  if (text !== null) writeFileSync(path, text);
  r.backend.dialogs.openPath = text === null ? null : path;
  await screen.findByRole('listbox', { name: 'Tokens' });
  await r.user.click(screen.getByRole('button', { name: 'Vault' }));
  await r.user.click(screen.getByRole('menuitem', { name: 'Import…' }));
  const dialog = screen.getByRole('dialog', { name: 'Import tokens' });
  return { ...r, path, dialog, d: within(dialog) };
}

/** The value main answered a call with. */
const answer = <T,>(call: ApiCall | undefined): T => (call?.response?.ok ? (call.response.value as T) : (undefined as T));

test('.env: choose, the account is required, preview every row, then import and see the list', async () => {
  const { d, user, api, idOf } = await openImport('.env', ENV);
  expect(document.activeElement).toBe(d.getByLabelText('.env file'));
  await user.click(d.getByRole('button', { name: 'Next' }));
  expect(d.getByText('Choose a file first.')).toBeTruthy();
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  expect(api.calls.find((c) => c.channel === 'import.choose')?.request).toEqual({ format: 'env' });
  expect(await d.findByText('.env', { selector: 'strong' })).toBeTruthy();
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
  const { fileId } = answer<{ fileId: string }>(api.calls.find((c) => c.channel === 'import.choose'));
  expect(api.calls.find((c) => c.channel === 'import.preview')?.request).toEqual({ fileId, format: 'env', account: 'me@example', platform: 'gitlab' });

  expect((await d.findByText(/2 tokens to import/)).parentElement?.textContent).toBe('2 tokens to import, 2 duplicates, 1 skipped.');
  const table = within(d.getByRole('region', { name: 'Rows of the file' })).getByRole('table');
  const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').concat(within(r).getAllByRole('rowheader')).map((c) => c.textContent));
  expect(rows[0]).toEqual(['1', 'Import', 'GitHub (recognised)', 'me@example', '', 'GITHUB_TOKEN']);
  expect(rows[1]).toEqual(['2', 'Import', 'GitLab (recognised)', 'me@example', '', 'GITLAB_PAT']);
  expect(rows.slice(2).map((r) => [r[1], r[4]])).toEqual([
    ['Duplicate in file', expect.stringContaining('line 1')],
    ['Already in vault', expect.stringContaining(idOf('CI').slice(0, 8))],
    ['Skipped', 'empty value'],
  ]);

  await user.click(d.getByRole('button', { name: 'Import' }));
  expect(await screen.findByText('Imported 2 tokens (2 duplicates and 1 skipped row left out)')).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(within(screen.getByRole('listbox', { name: 'Tokens' })).getAllByRole('option')).toHaveLength(3);
});

test('CSV: the guessed columns are filled in, token and name are required, Back and re-preview use the new options', async () => {
  const { d, user, api } = await openImport('tokens.csv', CSV);
  await user.click(d.getByLabelText('CSV file'));
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  await d.findByText('tokens.csv', { selector: 'strong' });
  await user.click(d.getByRole('button', { name: 'Next' }));
  const col = (label: string) => d.getByLabelText(label) as HTMLSelectElement;
  expect(col('Name column').value).toBe('Title');
  expect(col('Account column').value).toBe('Org');
  expect(col('Token column').value).toBe('');
  expect(within(col('Token column')).getAllByRole('option').map((o) => o.textContent)).toEqual(['— not in the file —', 'Title', 'Credential', 'Org', 'Remark']);
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(d.getByText('Choose the column that holds the token.')).toBeTruthy();
  expect(document.activeElement).toBe(col('Token column'));
  await user.selectOptions(col('Token column'), 'Credential');
  await user.click(d.getByRole('button', { name: 'Preview' }));
  const { fileId } = answer<{ fileId: string }>(api.calls.find((c) => c.channel === 'import.choose'));
  expect(api.calls.filter((c) => c.channel === 'import.preview').at(-1)?.request).toEqual({
    fileId,
    format: 'csv',
    mapping: { token: 'Credential', name: 'Title', account: 'Org' },
  });
  expect(await d.findByText(/1 token to import/)).toBeTruthy();

  await user.click(d.getByRole('button', { name: 'Back' }));
  await user.selectOptions(col('Notes column'), 'Remark');
  await user.type(d.getByLabelText('Client'), 'Acme');
  await user.click(d.getByRole('button', { name: 'Preview' }));
  const last = () => api.calls.filter((c) => c.channel === 'import.preview').at(-1);
  expect(last()?.request).toEqual({ fileId, format: 'csv', client: 'Acme', mapping: { token: 'Credential', name: 'Title', account: 'Org', notes: 'Remark' } });
  await d.findByRole('button', { name: 'Import' });
  await user.click(d.getByRole('button', { name: 'Import' }));
  // The import applies the plan of the last preview.
  expect(api.calls.find((c) => c.channel === 'import.apply')?.request).toEqual({ planId: answer<{ planId: string }>(last()).planId });
  expect(await screen.findByText(/Imported 1 token/)).toBeTruthy();
});

test('an error from main (the file is not what the user said) is shown in the wizard, which stays on its step', async () => {
  const { d, user } = await openImport('k.csv', ENV);
  await user.click(d.getByLabelText('KeePassXC CSV export'));
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  // The .env file has no KeePassXC header row: main refuses it as soon as it is chosen.
  expect((await d.findByText(/not a header row/)).closest('[role="alert"]')).toBeTruthy();
  expect(d.getByRole('heading', { name: 'Step 1 of 3: the file' })).toBeTruthy();
});

test('a file with nothing new cannot be imported; cancelling the open dialog chooses nothing', async () => {
  const { d, user, backend, path } = await openImport('.env', null);
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  expect(await d.findByText('No file chosen yet.')).toBeTruthy();
  writeFileSync(path, 'A=\n');
  backend.dialogs.openPath = path;
  await user.click(d.getByRole('button', { name: 'Choose file…' }));
  await d.findByText('.env', { selector: 'strong' });
  await user.click(d.getByRole('button', { name: 'Next' }));
  await user.type(d.getByLabelText('Account'), 'me');
  await user.click(d.getByRole('button', { name: 'Preview' }));
  expect(await d.findByText(/Nothing new to import/)).toBeTruthy();
  expect((d.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
});
