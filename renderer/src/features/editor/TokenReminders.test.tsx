// @vitest-environment jsdom
/** A token's own reminder days in the add/edit dialog: default (null), none ([]), or its own list. */
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

async function openEdit(reminderDays: number[] | null) {
  const r = await renderApp({ unlocked: true, tokens: [{ name: 'CI', expiresAt: '2027-01-31', reminderDays }] });
  await r.user.click(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /CI/ }));
  await r.user.click(screen.getByRole('button', { name: 'Edit' }));
  return { ...r, d: within(screen.getByRole('dialog', { name: 'Edit token “CI”' })) };
}

test('adding: the default follows Settings; custom days must not be empty and are sent as a list', async () => {
  const { user, api } = await renderApp({ unlocked: true });
  await user.click(await screen.findByRole('button', { name: 'Add token' }));
  const d = within(screen.getByRole('dialog', { name: 'Add token' }));
  const mode = d.getByLabelText('Reminders') as HTMLSelectElement;
  expect(mode.value).toBe('default');
  expect(within(mode).getByRole('option', { name: 'Default (7 and 1 days before expiry)' })).toBeTruthy();
  expect(d.queryByLabelText('Remind days before expiry')).toBeNull();
  await user.type(d.getByLabelText('Token value'), 'some-token-value');
  await user.type(d.getByLabelText('Name'), 'N');
  await user.type(d.getByLabelText('Account'), 'a');
  await user.selectOptions(mode, 'custom');
  const days = d.getByLabelText('Remind days before expiry');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(d.getByText('Enter at least one day, or choose No reminders.')).toBeTruthy();
  expect(document.activeElement).toBe(days);
  await user.type(days, '3, 30');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.find((c) => c.channel === 'tokens.add')?.request).toMatchObject({ name: 'N', reminderDays: [30, 3] });
});

test('editing: a token’s own days show as custom; "No reminders" sends [] and "Default" sends null', async () => {
  const { d, user, api, backend, idOf } = await openEdit([14, 2]);
  const id = idOf('CI');
  expect((d.getByLabelText('Reminders') as HTMLSelectElement).value).toBe('custom');
  expect((d.getByLabelText('Remind days before expiry') as HTMLInputElement).value).toBe('14, 2');
  await user.selectOptions(d.getByLabelText('Reminders'), 'none');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.find((c) => c.channel === 'tokens.edit')?.request).toEqual({ id, patch: { reminderDays: [] } });
  expect((await backend.call('tokens.details', { id })).token.reminderDays).toEqual([]);

  await user.click(screen.getByRole('button', { name: 'Edit' }));
  const again = within(screen.getByRole('dialog', { name: 'Edit token “CI”' }));
  expect((again.getByLabelText('Reminders') as HTMLSelectElement).value).toBe('none');
  await user.selectOptions(again.getByLabelText('Reminders'), 'default');
  await user.click(again.getByRole('button', { name: 'Save' }));
  expect(api.calls.filter((c) => c.channel === 'tokens.edit').at(-1)?.request).toEqual({ id, patch: { reminderDays: null } });
});

test('an unchanged reminder setting is not sent', async () => {
  const { d, user, api, idOf } = await openEdit(null);
  await user.clear(d.getByLabelText('Name'));
  await user.type(d.getByLabelText('Name'), 'CI 2');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.find((c) => c.channel === 'tokens.edit')?.request).toEqual({ id: idOf('CI'), patch: { name: 'CI 2' } });
});
