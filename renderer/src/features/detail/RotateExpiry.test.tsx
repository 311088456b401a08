// @vitest-environment jsdom
/**
 * Rotation's expiry in the app: the confirm dialog shows the date the new token gets (the
 * current expiry, kept) in a date field; leaving it sends nothing (main keeps the old expiry),
 * changing it sends the date; a cap by the platform is said in the toast. The detail pane
 * shows an unconfirmed rotation with what to do, and GitLab's "Last used".
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useStore } from '../../store';
import type { FakeApiOptions } from '../../test-support/fake-api';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

/** A GitLab token whose expiry GitLab reported: it stops at 00:00 UTC on 2027-03-01. */
const REPORTED = { expiry: '2027-03-01T00:00:00.000Z', expirySource: 'platform', expiryRaw: '2027-03-01', expiresAt: '2027-02-28' } as const;

async function open(name: string, opts: FakeApiOptions) {
  const r = renderApp({ unlocked: true, ...opts });
  await r.user.click(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: new RegExp(name) }));
  await waitFor(() => expect(useStore.getState().platforms.length).toBeGreaterThan(0));
  return { ...r, pane: screen.getByRole('complementary') };
}

test('the dialog shows the kept expiry; left as is, nothing is sent with the rotation', async () => {
  const { pane, user, api } = await open('GL', { tokens: [{ name: 'GL', platform: 'gitlab', ...REPORTED }] });
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  const field = within(dialog).getByLabelText('New token expires') as HTMLInputElement;
  expect(field.type).toBe('date');
  expect(field.value).toBe('2027-03-01');
  expect(dialog.textContent).toMatch(/current token’s expiry, kept/);
  expect(dialog.textContent).toMatch(/00:00 UTC/);
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect(await screen.findByText(/Rotated “GL” — the new value is in the vault\./)).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'tokens.rotate')?.request).toEqual({ id: 'tok000000' });
});

test('a changed date is sent as the new expiry; a cap by the platform is said', async () => {
  const { pane, user, api } = await open('GL', {
    tokens: [{ name: 'GL', platform: 'gitlab', ...REPORTED }],
    rotateCap: { asked: '2030-01-01', sent: '2026-11-01' },
  });
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  const field = within(dialog).getByLabelText('New token expires');
  await user.clear(field);
  await user.type(field, '2030-01-01');
  expect(dialog.textContent).not.toMatch(/kept/);
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect(await screen.findByText(/capped its expiry at 2026-11-01, its maximum, instead of 2030-01-01/)).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'tokens.rotate')?.request).toEqual({ id: 'tok000000', expiresAt: '2030-01-01' });
});

test('a typed day is kept without shortening it: the dialog offers the GitLab date that covers the whole day', async () => {
  // Tests run in UTC: a token typed as working through 1 December stops no earlier than 2 December 00:00 UTC.
  const { pane, user } = await open('GL', { tokens: [{ name: 'GL', platform: 'gitlab', expiry: '2026-12-01', expirySource: 'user', expiresAt: '2026-12-01' }] });
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  expect((within(dialog).getByLabelText('New token expires') as HTMLInputElement).value).toBe('2026-12-02');
});

test('an emptied date is refused in the dialog, nothing is sent', async () => {
  const { pane, user, api } = await open('GL', { tokens: [{ name: 'GL', platform: 'gitlab', ...REPORTED }] });
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  await user.clear(within(dialog).getByLabelText('New token expires'));
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect(within(dialog).getByText('Choose the date the new token expires.')).toBeTruthy();
  expect(api.calls.some((c) => c.channel === 'tokens.rotate')).toBe(false);
});

test('a platform whose rotation keeps the expiry (Jelastic) shows no date field', async () => {
  const { pane, user } = await open('JEL', { tokens: [{ name: 'JEL', platform: 'jelastic', baseUrl: 'https://app.example.com' }] });
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  expect(within(screen.getByRole('dialog', { name: 'Rotate token?' })).queryByLabelText('New token expires')).toBeNull();
});

test('the pane shows an unconfirmed rotation with what to do, and when GitLab last saw the token used', async () => {
  const reason = 'No answer to the rotation (timeout): GitLab may have rotated it. Do not rotate again with the old value. run Check.';
  const { pane } = await open('GL', {
    tokens: [{ name: 'GL', platform: 'gitlab', ...REPORTED, lastUsedAt: '2026-04-30T08:00:00.000Z', rotationUnconfirmed: { at: '2026-05-01T10:00:00.000Z', reason } }],
  });
  const section = within(pane).getByRole('region', { name: 'Rotation unconfirmed' });
  expect(section.textContent).toContain(reason);
  // Rotating again with the old value is what GitLab's reuse detection punishes: not offered.
  expect((within(pane).getByRole('button', { name: 'Rotate…' }) as HTMLButtonElement).disabled).toBe(true);
  expect(within(pane).getByText('Last used').nextElementSibling?.textContent).toMatch(/2026/);
});

test('a rotation without an answer: the dialog says what to do, and the pane shows the mark at once', async () => {
  const guidance = 'No answer to the rotation (timeout): GitLab may have rotated it. Do not rotate again with the old value. Run Check.';
  const { pane, user } = await open('GL', { tokens: [{ name: 'GL', platform: 'gitlab', ...REPORTED }], rotateUnanswered: guidance });
  expect(within(pane).queryByRole('region', { name: 'Rotation unconfirmed' })).toBeNull();
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect((await within(dialog).findByRole('alert')).textContent).toContain('Do not rotate again with the old value');
  const section = await within(pane).findByRole('region', { name: 'Rotation unconfirmed' });
  expect(section.textContent).toContain(guidance);
  expect((within(pane).getByRole('button', { name: 'Rotate…' }) as HTMLButtonElement).disabled).toBe(true);
});
