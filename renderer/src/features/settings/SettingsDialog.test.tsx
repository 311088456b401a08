// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { renderApp } from '../../test-support/render-app';
import { TEST_PASSWORD } from '../../test-support/backend';
import type { SeedOptions } from '../../test-support/seed';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

async function openSettings(opts: SeedOptions = {}) {
  const r = await renderApp({ unlocked: true, ...opts });
  await r.user.click(await screen.findByRole('button', { name: 'Settings' }));
  return { ...r, d: within(screen.getByRole('dialog', { name: 'Settings' })) };
}

test('settings are saved through the api and the theme applies at once', async () => {
  const { d, user, backend } = await openSettings();
  const autoLock = d.getByLabelText('Auto-lock after (minutes)');
  expect((autoLock as HTMLInputElement).value).toBe('10');
  await user.clear(autoLock);
  await user.type(autoLock, '5');
  await user.selectOptions(d.getByLabelText('Theme'), 'dark');
  await user.click(d.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(await backend.call('settings.get', {})).toMatchObject({ autoLockMinutes: 5, theme: 'dark' });
  expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
});

test('out-of-range numbers are refused next to the field', async () => {
  const { d, user, api } = await openSettings();
  const clear = d.getByLabelText('Clear clipboard after (seconds)');
  await user.clear(clear);
  await user.type(clear, '2');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(d.getByText('Enter a whole number from 5 to 600.')).toBeTruthy();
  expect(api.calls.some((c) => c.channel === 'settings.set')).toBe(false);
});

test('quick unlock shows the keychain backend and switches on', async () => {
  const { d, user, backend } = await openSettings();
  const sw = await d.findByRole('switch', { name: 'Unlock with the OS keychain' });
  expect(d.getByText(/Keychain: memory \(strength: strong\)/)).toBeTruthy();
  await user.click(sw);
  await waitFor(() => expect((sw as HTMLInputElement).checked).toBe(true));
  expect(await backend.call('keychain.status', {})).toMatchObject({ enabled: true, backend: 'memory' });
});

test('switching quick unlock off asks for the master password (it re-keys the vault)', async () => {
  const { d, user, backend } = await openSettings();
  const sw = await d.findByRole('switch', { name: 'Unlock with the OS keychain' });
  await user.click(sw);
  await waitFor(() => expect((sw as HTMLInputElement).checked).toBe(true));
  await user.click(sw);
  const pw = d.getByLabelText('Master password (turning quick unlock off replaces the vault key)');
  expect((sw as HTMLInputElement).checked).toBe(true); // nothing changes before the password
  await user.type(pw, 'not the password');
  await user.click(d.getByRole('button', { name: 'Turn off' }));
  expect(await d.findByText(/Wrong master password/)).toBeTruthy();
  expect(await backend.call('keychain.status', {})).toMatchObject({ enabled: true });
  await user.clear(pw);
  await user.type(pw, TEST_PASSWORD);
  await user.click(d.getByRole('button', { name: 'Turn off' }));
  await waitFor(() => expect((sw as HTMLInputElement).checked).toBe(false));
  expect(await backend.call('keychain.status', {})).toMatchObject({ enabled: false, slots: [] });
});

test('with no usable keychain the switch is disabled and the reason given', async () => {
  const { d } = await openSettings({ keychain: 'none' });
  const sw = await d.findByRole('switch', { name: 'Unlock with the OS keychain' });
  expect((sw as HTMLInputElement).disabled).toBe(true);
  expect(d.getByText(/cannot protect the vault key/)).toBeTruthy();
});
