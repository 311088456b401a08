// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { installFakeApi } from '../test-support/fake-api';
import { useUiTestCleanup } from '../test-support/setup';
import { useStore } from './index';

useUiTestCleanup();

test('the theme is applied as data-theme on <html>; system removes it', async () => {
  installFakeApi();
  await useStore.getState().loadSettings();
  expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  await useStore.getState().saveSettings({ theme: 'dark' });
  expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  expect(useStore.getState().settings?.theme).toBe('dark');
  await useStore.getState().saveSettings({ theme: 'system' });
  expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
});

test('settings round-trip; bad values are refused by the contract', async () => {
  const api = installFakeApi();
  await useStore.getState().saveSettings({ autoLockMinutes: 5, clipboardClearSeconds: 45 });
  expect(api.settings).toMatchObject({ autoLockMinutes: 5, clipboardClearSeconds: 45 });
  await expect(useStore.getState().saveSettings({ autoLockMinutes: 0 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
});

test('quick unlock on and off updates the keychain info and the session', async () => {
  installFakeApi({ unlocked: true });
  await useStore.getState().loadKeychain();
  expect(useStore.getState().keychain?.enabled).toBe(false);
  await useStore.getState().setQuickUnlock(true);
  expect(useStore.getState()).toMatchObject({ quickUnlock: true, keychain: { enabled: true, backend: 'fake-keyring' } });
  await useStore.getState().setQuickUnlock(false);
  expect(useStore.getState().quickUnlock).toBe(false);
});
