// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const b64url = (o: unknown): string => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const GITHUB = `ghp_${'aB3'.repeat(12)}`;

async function openAdd(opts = {}) {
  const r = await renderApp({ unlocked: true, ...opts });
  await r.user.click(await screen.findByRole('button', { name: 'Add token' }));
  const dialog = screen.getByRole('dialog', { name: 'Add token' });
  return { ...r, dialog, d: within(dialog) };
}

test('the dialog is modal, focuses the first field, and Escape closes it returning focus', async () => {
  const { dialog, d, user } = await openAdd();
  expect(dialog.getAttribute('aria-modal')).toBe('true');
  expect(document.activeElement).toBe(d.getByLabelText('Token value'));
  expect(document.querySelector('.shell')?.hasAttribute('inert')).toBe(true);
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add token' }));
});

test('saving an empty form shows the shared schema messages next to the fields', async () => {
  const { d, user, api } = await openAdd();
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(d.getByText('token value must not be empty')).toBeTruthy();
  expect(d.getByText('account must not be empty')).toBeTruthy();
  expect(d.getByText('name must not be empty')).toBeTruthy();
  const account = d.getByLabelText('Account');
  expect(account.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(account.getAttribute('aria-describedby') ?? '')?.textContent).toBe('account must not be empty');
  await user.type(d.getByLabelText('Base URL'), 'http://gitlab.example.com');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(d.getByText(/base URL must be an https/)).toBeTruthy();
  expect(api.calls.some((c) => c.channel === 'tokens.add')).toBe(false);
});

test('pasting a GitHub token picks the platform; the value is never shown', async () => {
  const { d, user } = await openAdd();
  await user.click(d.getByLabelText('Token value'));
  await user.paste(GITHUB);
  expect((d.getByLabelText('Platform') as HTMLSelectElement).value).toBe('github');
  expect(d.getByText(/Recognised as a GitHub classic personal access token/)).toBeTruthy();
  expect(d.getByLabelText('Token value').getAttribute('type')).toBe('password');
});

test('pasting an iObeya JWT fills platform and subject (as username); its expiry is shown, kept exact by leaving Expires empty', async () => {
  const { d, user } = await openAdd();
  const jwt = `${b64url({ alg: 'RS256' })}.${b64url({ iss: 'https://corp.iobeya.com', sub: 'alice@corp.example', exp: Date.UTC(2027, 5, 30, 12) / 1000 })}.sig`;
  await user.click(d.getByLabelText('Token value'));
  await user.paste(jwt);
  expect((d.getByLabelText('Platform') as HTMLSelectElement).value).toBe('iobeya');
  expect((d.getByLabelText('Expires') as HTMLInputElement).value).toBe('');
  expect(d.getByText(/expires 2027-06-30 12:00 UTC/)).toBeTruthy();
  expect((d.getByLabelText('Username') as HTMLInputElement).value).toBe('alice@corp.example');
  expect(d.getByText(/Subject: alice@corp\.example/)).toBeTruthy();
});

test('a valid token is added with scopes as chips, selected, and shown in the list', async () => {
  const { d, user, api } = await openAdd();
  await user.click(d.getByLabelText('Token value'));
  await user.paste(GITHUB);
  await user.type(d.getByLabelText('Name'), 'CI deploy');
  await user.type(d.getByLabelText('Account'), 'acme-bot');
  await user.type(d.getByLabelText('Client'), 'Acme');
  await user.type(d.getByLabelText('Scopes'), 'repo, workflow,');
  expect(d.getByText('workflow', { selector: '.chip' })).toBeTruthy();
  await user.type(d.getByLabelText('Notes'), 'for the pipeline');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  const add = api.calls.find((c) => c.channel === 'tokens.add')?.request;
  expect(add).toMatchObject({ platform: 'github', name: 'CI deploy', account: 'acme-bot', client: 'Acme', scopes: ['repo', 'workflow'], token: GITHUB, expiresAt: null, notes: 'for the pipeline' });
  expect(await screen.findByRole('heading', { level: 2, name: 'CI deploy' })).toBeTruthy();
  expect(within(screen.getByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /CI deploy/ })).toBeTruthy();
  expect(document.documentElement.outerHTML).not.toContain(GITHUB);
});

test('edit starts with an empty value field and sends only what changed', async () => {
  const r = await renderApp({ unlocked: true, tokens: [{ name: 'Old name', scopes: ['api'], notes: 'keep me' }] });
  const { user, api, backend, idOf } = r;
  await user.click(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /Old name/ }));
  await within(screen.getByRole('complementary')).findByText('keep me');
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  const d = within(screen.getByRole('dialog', { name: 'Edit token “Old name”' }));
  expect((d.getByLabelText('Token value') as HTMLInputElement).value).toBe('');
  expect(d.getByText(/Leave empty to keep the current value/)).toBeTruthy();
  expect((d.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('keep me');
  await user.clear(d.getByLabelText('Name'));
  await user.type(d.getByLabelText('Name'), 'New name');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.find((c) => c.channel === 'tokens.edit')?.request).toEqual({ id: idOf('Old name'), patch: { name: 'New name' } });
  expect(await screen.findByRole('heading', { level: 2, name: 'New name' })).toBeTruthy();
  expect((await backend.call('tokens.reveal', { id: idOf('Old name') })).value).toBe('secret-value-0');
});

test('an error from the core is shown in the dialog and keeps it open', async () => {
  const { d, user, api } = await openAdd();
  await user.click(d.getByLabelText('Token value'));
  await user.paste(GITHUB);
  await user.type(d.getByLabelText('Name'), 'X');
  await user.type(d.getByLabelText('Account'), 'y');
  api.failNext('tokens.add', 'VAULT_BUSY', 'The vault is busy; try again.');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(d.getByRole('alert').textContent).toBe('The vault is busy; try again.');
  expect(screen.getByRole('dialog')).toBeTruthy();
});
