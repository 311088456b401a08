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

async function openSettings() {
  const r = await renderApp({ unlocked: true });
  await r.user.click(await screen.findByRole('button', { name: 'Settings' }));
  const d = within(screen.getByRole('dialog', { name: 'Settings' }));
  return { ...r, d, days: d.getByLabelText('Remind days before expiry') as HTMLInputElement, hour: d.getByLabelText('Remind at') as HTMLSelectElement };
}

test('the default reminder days and hour are shown, changed and saved through settings.set', async () => {
  const { d, user, api, backend, days, hour } = await openSettings();
  expect(days.value).toBe('7, 1');
  expect(hour.value).toBe('9');
  expect(within(d.getByRole('group', { name: 'Renewal reminders' })).getByText(/0 = on the expiry day/)).toBeTruthy();
  await user.clear(days);
  await user.type(days, '1, 14 3');
  await user.selectOptions(hour, '08:00');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.find((c) => c.channel === 'settings.set')?.request).toMatchObject({ reminderDays: [14, 3, 1], reminderHour: 8 });
  expect(await screen.findByText('Settings saved')).toBeTruthy();
  expect(await backend.call('settings.get', {})).toMatchObject({ reminderDays: [14, 3, 1], reminderHour: 8 });
});

test('bad days are refused next to the field with the shared schema’s words, and nothing is saved', async () => {
  const { d, user, api, days } = await openSettings();
  await user.clear(days);
  await user.type(days, '7, 400');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(d.getByText('Reminder days must be at most 365.')).toBeTruthy();
  expect(days.getAttribute('aria-invalid')).toBe('true');
  expect(document.activeElement).toBe(days);
  await user.clear(days);
  await user.type(days, 'next week');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(d.getByText('Write whole days separated by commas, e.g. 7, 1.')).toBeTruthy();
  expect(api.calls.some((c) => c.channel === 'settings.set')).toBe(false);
});

test('an empty list turns reminders off', async () => {
  const { d, user, backend, days } = await openSettings();
  await user.clear(days);
  await user.click(d.getByRole('button', { name: 'Save' }));
  await screen.findByText('Settings saved');
  expect((await backend.call('settings.get', {})).reminderDays).toEqual([]);
});

test('"Name the token in notifications" is off by default, explained, and saved when ticked', async () => {
  const { d, user, backend } = await openSettings();
  const box = d.getByRole('checkbox', { name: 'Name the token in notifications' }) as HTMLInputElement;
  expect(box.checked).toBe(false);
  expect(box.getAttribute('aria-describedby')).toBeTruthy();
  expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toMatch(/While the vault is locked, no notification names a token/);
  await user.click(box);
  await user.click(d.getByRole('button', { name: 'Save' }));
  await screen.findByText('Settings saved');
  expect((await backend.call('settings.get', {})).nameTokensInNotifications).toBe(true);
});
