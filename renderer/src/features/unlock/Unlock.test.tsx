// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { TEST_PASSWORD } from '../../test-support/backend';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();

test('a wrong password is announced in the alert region and the field is cleared', async () => {
  const { user } = await renderApp({ tokens: [{ name: 'CI' }] });
  const pw = await screen.findByLabelText('Master password');
  expect(screen.queryByRole('button', { name: 'Unlock with keychain' })).toBeNull();
  await user.type(pw, 'not it');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  const message = await screen.findByText('Wrong master password. Nothing was changed.');
  expect(message.closest('[role="alert"]')).toBeTruthy();
  expect((pw as HTMLInputElement).value).toBe('');
});

test('the right password opens the token list', async () => {
  const restore = mockListViewport();
  const { user } = await renderApp({ tokens: [{ name: 'CI' }] });
  await user.type(await screen.findByLabelText('Master password'), `${TEST_PASSWORD}{Enter}`);
  expect(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /CI/ })).toBeTruthy();
  restore();
});

test('quick unlock offers "Unlock with keychain" and uses it', async () => {
  const { user, api } = await renderApp({ quickUnlock: true });
  await user.click(await screen.findByRole('button', { name: 'Unlock with keychain' }));
  expect(await screen.findByRole('button', { name: 'Lock' })).toBeTruthy();
  expect(api.calls.map((c) => c.channel)).toContain('vault.unlockWithKeychain');
});
