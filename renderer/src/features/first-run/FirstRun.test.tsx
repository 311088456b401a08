// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderApp } from '../../test-support/render-app';
import { useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();

test('first run refuses short or mismatched passwords, next to the field', async () => {
  const { user, api } = await renderApp({ exists: false });
  const pw = await screen.findByLabelText('Master password');
  await user.type(pw, 'short');
  await user.click(screen.getByRole('button', { name: 'Create vault' }));
  expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
  expect(pw.getAttribute('aria-invalid')).toBe('true');

  await user.type(pw, ' but longer now');
  await user.type(screen.getByLabelText('Confirm password'), 'something else');
  await user.click(screen.getByRole('button', { name: 'Create vault' }));
  expect(screen.getByText('The passwords do not match.')).toBeTruthy();
  expect(api.calls.some((c) => c.channel === 'vault.create')).toBe(false);
});

test('the strength meter follows the password: weak, fair, strong', async () => {
  const { user } = await renderApp({ exists: false });
  const pw = await screen.findByLabelText('Master password');
  const meter = screen.getByLabelText('Password strength');
  await user.type(pw, 'password1');
  expect(screen.getByText('weak')).toBeTruthy();
  expect(meter.getAttribute('value')).toBe('0');
  await user.clear(pw);
  await user.type(pw, 'Tr0ub4dor&3');
  expect(screen.getByText('fair')).toBeTruthy();
  await user.clear(pw);
  await user.type(pw, 'correct horse battery staple');
  expect(screen.getByText('strong')).toBeTruthy();
});

test('a valid password creates the vault and shows the empty list', async () => {
  const { user, backend } = await renderApp({ exists: false });
  await user.type(await screen.findByLabelText('Master password'), 'correct horse battery staple');
  await user.type(screen.getByLabelText('Confirm password'), 'correct horse battery staple');
  await user.click(screen.getByRole('button', { name: 'Create vault' }));
  expect(await screen.findByText('No tokens yet — add your first.')).toBeTruthy();
  expect(await backend.call('vault.status', {})).toMatchObject({ exists: true, unlocked: true });
  expect(await backend.passwordOpens('correct horse battery staple')).toBe(true);
});
