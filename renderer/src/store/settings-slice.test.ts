// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { installApp } from '../test-support/app-harness';
import { TEST_PASSWORD } from '../test-support/backend';
import { useUiTestCleanup } from '../test-support/setup';
import { useStore } from './index';

useUiTestCleanup();

test('the theme is applied as data-theme on <html>; system removes it', async () => {
  await installApp();
  await useStore.getState().loadSettings();
  expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  await useStore.getState().saveSettings({ theme: 'dark' });
  expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  expect(useStore.getState().settings?.theme).toBe('dark');
  await useStore.getState().saveSettings({ theme: 'system' });
  expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
});

test('settings round-trip; bad values are refused by the contract', async () => {
  const { backend } = await installApp();
  await useStore.getState().saveSettings({ autoLockMinutes: 5, clipboardClearSeconds: 45 });
  expect(await backend.call('settings.get', {})).toMatchObject({ autoLockMinutes: 5, clipboardClearSeconds: 45 });
  await expect(useStore.getState().saveSettings({ autoLockMinutes: 0 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
});

test('quick unlock on and off updates the keychain info and the session', async () => {
  await installApp({ unlocked: true });
  await useStore.getState().loadKeychain();
  expect(useStore.getState().keychain?.enabled).toBe(false);
  await useStore.getState().setQuickUnlock(true);
  expect(useStore.getState()).toMatchObject({ quickUnlock: true, keychain: { enabled: true, backend: 'memory' } });
  // Off re-keys the vault: the master password is needed.
  await expect(useStore.getState().setQuickUnlock(false)).rejects.toMatchObject({ code: 'BAD_INPUT' });
  await useStore.getState().setQuickUnlock(false, TEST_PASSWORD);
  expect(useStore.getState().quickUnlock).toBe(false);
});
