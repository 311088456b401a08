// @vitest-environment jsdom
/**
 * Settings → Custom platforms: define one and see it listed, the shared schema's messages next
 * to the fields (nothing saved), main's refusals in the dialog (a name taken, a platform still
 * used), edit, and removal behind a confirmation.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { describeAuth, type CustomPlatformInput } from '../../../../shared/domain/custom-platform';
import type { Backend } from '../../test-support/backend';
import { renderApp } from '../../test-support/render-app';
import type { SeedOptions } from '../../test-support/seed';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const ACME: CustomPlatformInput = {
  name: 'Acme',
  baseUrl: 'https://api.acme.example',
  auth: { kind: 'header', name: 'X-Api-Key' },
  checkPath: '/v1/me',
  tokenPageUrl: 'https://acme.example/settings/tokens',
};

async function openSettings(opts: SeedOptions = {}) {
  const r = await renderApp({ unlocked: true, ...opts });
  await r.user.click(await screen.findByRole('button', { name: 'Settings' }));
  const settings = screen.getByRole('dialog', { name: 'Settings' });
  return { ...r, settings, s: within(settings) };
}

/** The custom platforms the vault holds, by name. */
const stored = async (backend: Backend) => (await backend.call('platforms.custom.list', {})).map((p) => p.name);

const table = () => within(screen.getByRole('dialog', { name: 'Settings' })).getByRole('table');
/** Waits for the list to show `name` (it loads when Settings opens). */
const listed = (name: string) => screen.findByRole('rowheader', { name });
const rowOf = (name: string) => within(table()).getByRole('row', { name: new RegExp(`^${name}\\b`) });

test('a platform defined in Settings is listed with where the token goes, its check and its use', async () => {
  const { s, user, api } = await openSettings();
  expect(await s.findByText('No custom platforms yet.')).toBeTruthy();
  const add = s.getByRole('button', { name: 'Add custom platform' });
  await user.click(add);
  const dialog = screen.getByRole('dialog', { name: 'Add custom platform' });
  const d = within(dialog);
  expect(document.activeElement).toBe(d.getByLabelText('Name'));
  expect(screen.getByRole('dialog', { name: 'Settings' }).closest('.dialog-backdrop')?.hasAttribute('inert')).toBe(true);
  expect((d.getByLabelText('Status meaning valid') as HTMLInputElement).value).toBe('200');
  await user.type(d.getByLabelText('Name'), 'Acme');
  await user.type(d.getByLabelText('Base URL'), 'https://api.acme.example/');
  expect((d.getByLabelText('Token goes in') as HTMLSelectElement).value).toBe('header');
  await user.type(d.getByLabelText('Header name'), 'X-Api-Key');
  await user.type(d.getByLabelText('Prefix'), 'key ');
  await user.type(d.getByLabelText('Check path'), '/v1/me');
  await user.type(d.getByLabelText('Token page URL'), 'https://acme.example/settings/tokens');
  await user.click(d.getByRole('button', { name: 'Save' }));

  expect(await screen.findByText('Custom platform “Acme” added')).toBeTruthy();
  expect(screen.queryByRole('dialog', { name: 'Add custom platform' })).toBeNull();
  expect(api.calls.find((c) => c.channel === 'platforms.custom.save')?.request).toEqual({
    definition: {
      name: 'Acme',
      baseUrl: 'https://api.acme.example/',
      auth: { kind: 'header', name: 'X-Api-Key', prefix: 'key ' },
      checkPath: '/v1/me',
      validStatus: 200,
      tokenPageUrl: 'https://acme.example/settings/tokens',
    },
  });
  const row = rowOf('Acme');
  const where = describeAuth({ kind: 'header', name: 'X-Api-Key', prefix: 'key ' });
  for (const text of ['https://api.acme.example', where, 'GET /v1/me → 200', '0']) {
    expect(within(row).getByText(text)).toBeTruthy();
  }
  expect(within(row).getByRole('button', { name: 'Edit Acme' })).toBeTruthy();
  expect(document.activeElement).toBe(add);
});

test('the dependent fields follow "Token goes in"; "no check" without a check path', async () => {
  const { s, user, backend } = await openSettings();
  await user.click(s.getByRole('button', { name: 'Add custom platform' }));
  const d = within(screen.getByRole('dialog', { name: 'Add custom platform' }));
  await user.type(d.getByLabelText('Name'), 'Query thing');
  await user.type(d.getByLabelText('Base URL'), 'http://127.0.0.1:8080');
  await user.selectOptions(d.getByLabelText('Token goes in'), 'query');
  expect(d.queryByLabelText('Header name')).toBeNull();
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(d.getByText('parameter name: letters, digits, _ . ~ -')).toBeTruthy();
  expect(document.activeElement).toBe(d.getByLabelText('Parameter name'));
  await user.type(d.getByLabelText('Parameter name'), 'api_key');
  await user.click(d.getByRole('button', { name: 'Save' }));
  await screen.findByText('Custom platform “Query thing” added');
  expect(within(rowOf('Query thing')).getByText(describeAuth({ kind: 'query', name: 'api_key' }))).toBeTruthy();
  expect(within(rowOf('Query thing')).getByText('no check')).toBeTruthy();

  await user.click(s.getByRole('button', { name: 'Add custom platform' }));
  const b = within(screen.getByRole('dialog', { name: 'Add custom platform' }));
  await user.type(b.getByLabelText('Name'), 'Basic one');
  await user.type(b.getByLabelText('Base URL'), 'https://basic.example');
  await user.selectOptions(b.getByLabelText('Token goes in'), 'basic');
  await user.type(b.getByLabelText('User name'), 'me');
  await user.clear(b.getByLabelText('Status meaning valid'));
  await user.type(b.getByLabelText('Status meaning valid'), '404');
  await user.click(b.getByRole('button', { name: 'Save' }));
  expect(b.getByText('valid status must be a 2xx code')).toBeTruthy();
  await user.clear(b.getByLabelText('Status meaning valid'));
  await user.type(b.getByLabelText('Status meaning valid'), '204');
  await user.type(b.getByLabelText('Check path'), '/ping');
  await user.click(b.getByRole('button', { name: 'Save' }));
  await screen.findByText('Custom platform “Basic one” added');
  expect(within(rowOf('Basic one')).getByText(describeAuth({ kind: 'basic', username: 'me' }))).toBeTruthy();
  expect(within(rowOf('Basic one')).getByText('GET /ping → 204')).toBeTruthy();
  expect(await stored(backend)).toEqual(['Basic one', 'Query thing']);
});

test('an http base URL that is not loopback is refused next to the field; nothing is saved', async () => {
  const { s, user, api, backend } = await openSettings();
  await user.click(s.getByRole('button', { name: 'Add custom platform' }));
  const d = within(screen.getByRole('dialog', { name: 'Add custom platform' }));
  await user.type(d.getByLabelText('Name'), 'Plain');
  await user.type(d.getByLabelText('Base URL'), 'http://example.com');
  await user.selectOptions(d.getByLabelText('Token goes in'), 'bearer');
  await user.type(d.getByLabelText('Token page URL'), 'http://example.com/tokens');
  await user.click(d.getByRole('button', { name: 'Save' }));
  const baseUrl = d.getByLabelText('Base URL');
  expect(baseUrl.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(baseUrl.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent).toBe(
    'base URL must be an https:// URL (http:// only for localhost), without credentials',
  );
  expect(d.getByText('token page must be an https URL without credentials')).toBeTruthy();
  expect(document.activeElement).toBe(baseUrl);
  expect(api.calls.some((c) => c.channel === 'platforms.custom.save')).toBe(false);
  expect(await stored(backend)).toEqual([]);
  expect(screen.getByRole('dialog', { name: 'Add custom platform' })).toBeTruthy();
});

test('a name already taken (any case) shows main’s message in the dialog', async () => {
  const { s, user } = await openSettings({ customPlatforms: [ACME] });
  await listed('Acme');
  await user.click(s.getByRole('button', { name: 'Add custom platform' }));
  const dialog = screen.getByRole('dialog', { name: 'Add custom platform' });
  const d = within(dialog);
  await user.type(d.getByLabelText('Name'), 'ACME');
  await user.type(d.getByLabelText('Base URL'), 'https://other.example');
  await user.selectOptions(d.getByLabelText('Token goes in'), 'bearer');
  await user.click(d.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(d.getByRole('alert').textContent).toBe('A custom platform named "Acme" already exists.'));
  expect(screen.getByRole('dialog', { name: 'Add custom platform' })).toBe(dialog);
  expect(within(table()).getAllByRole('row')).toHaveLength(2); // header + Acme
});

test('Edit changes the definition; tokens on it show the new name', async () => {
  const { s, user, api, backend } = await openSettings({
    customPlatforms: [ACME],
    tokens: [{ name: 'Acme ops', platform: 'custom', customPlatform: 'Acme' }],
  });
  const [acme] = await backend.call('platforms.custom.list', {});
  await listed('Acme');
  await user.click(within(table()).getByRole('button', { name: 'Edit Acme' }));
  const d = within(screen.getByRole('dialog', { name: 'Edit custom platform “Acme”' }));
  expect((d.getByLabelText('Header name') as HTMLInputElement).value).toBe('X-Api-Key');
  expect((d.getByLabelText('Check path') as HTMLInputElement).value).toBe('/v1/me');
  await user.clear(d.getByLabelText('Name'));
  await user.type(d.getByLabelText('Name'), 'Acme Corp');
  await user.clear(d.getByLabelText('Check path'));
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Custom platform “Acme Corp” saved')).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'platforms.custom.save')?.request).toMatchObject({ id: acme?.id, definition: { name: 'Acme Corp' } });
  expect(within(rowOf('Acme Corp')).getByText('no check')).toBeTruthy();
  expect(within(rowOf('Acme Corp')).getByText('1')).toBeTruthy();
  await user.click(s.getByRole('button', { name: 'Cancel' }));
  const list = screen.getByRole('listbox', { name: 'Tokens' });
  expect(within(list).getByRole('option', { name: /Acme ops/ }).textContent).toContain('Acme Corp');
});

test('Remove asks first; main refuses while tokens use it; an unused one goes', async () => {
  const { s, user, backend } = await openSettings({
    customPlatforms: [ACME, { name: 'Spare', baseUrl: 'https://spare.example', auth: { kind: 'bearer' } }],
    tokens: [{ name: 'Acme ops', platform: 'custom', customPlatform: 'Acme' }],
  });
  await listed('Acme');
  await user.click(within(table()).getByRole('button', { name: 'Remove Acme' }));
  let dialog = screen.getByRole('dialog', { name: 'Remove custom platform?' });
  expect(dialog.textContent).toContain('“Acme”');
  expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
  await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
  await waitFor(() =>
    expect(within(dialog).getByRole('alert').textContent).toBe('Custom platform "Acme" is used by 1 token: move or delete it first.'),
  );
  expect(await stored(backend)).toEqual(['Acme', 'Spare']);
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('dialog', { name: 'Remove custom platform?' })).toBeNull();

  await user.click(within(table()).getByRole('button', { name: 'Remove Spare' }));
  dialog = screen.getByRole('dialog', { name: 'Remove custom platform?' });
  await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
  expect(await screen.findByText('Removed custom platform “Spare”')).toBeTruthy();
  expect(within(table()).queryByRole('rowheader', { name: 'Spare' })).toBeNull();
  expect(await stored(backend)).toEqual(['Acme']);
  expect(document.activeElement).toBe(s.getByRole('button', { name: 'Add custom platform' }));
});
