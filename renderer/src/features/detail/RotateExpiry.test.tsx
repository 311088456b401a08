// @vitest-environment jsdom
/**
 * Rotation's expiry in the app: the confirm dialog shows the date the new token gets (the
 * current expiry, kept) in a date field; leaving it sends nothing (main keeps the old expiry),
 * changing it sends the date; a cap by the platform is said in the toast. The detail pane
 * shows an unconfirmed rotation with what to do, and GitLab's "Last used". The real core
 * rotates; GitLab's answers come from the platform double.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useStore } from '../../store';
import type { Backend } from '../../test-support/backend';
import { GITLAB_API, gitlabRotated, gitlabSelf } from '../../test-support/platform-answers';
import { renderApp } from '../../test-support/render-app';
import type { SeedOptions } from '../../test-support/seed';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
  // One "now" for the page and the core (they share this process).
  vi.useFakeTimers({ now: new Date('2026-11-23T12:00:00Z'), toFake: ['Date'] });
});
afterEach(() => restore());

const SELF = `${GITLAB_API}/personal_access_tokens/self`;
const NEW_VALUE = `glpat-${'N'.repeat(20)}`;

/** GitLab reported the expiry at a check: the token stops at 00:00 UTC on 2027-03-01. */
const reported =
  (extra: { lastUsedAt?: string } = {}) =>
  async (backend: Backend, idOf: (name: string) => string) => {
    backend.web.answer('GET', SELF, gitlabSelf({ expiresAt: '2027-03-01', ...extra }));
    await backend.call('tokens.check', { id: idOf('GL') });
  };

async function open(name: string, opts: SeedOptions) {
  const r = await renderApp({ unlocked: true, ...opts });
  await r.user.click(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: new RegExp(name) }));
  await waitFor(() => expect(useStore.getState().platforms.length).toBeGreaterThan(0));
  return { ...r, pane: screen.getByRole('complementary') };
}

/** What GitLab was asked to give the new token. */
const askedExpiries = (backend: Backend) => backend.web.requests.filter((r) => r.url === `${SELF}/rotate`).map((r) => (JSON.parse(r.body) as { expires_at: string }).expires_at);

test('the dialog shows the kept expiry; left as is, nothing is sent with the rotation', async () => {
  const { pane, user, api, backend, idOf } = await open('GL', { tokens: [{ name: 'GL', platform: 'gitlab' }], prepare: reported() });
  backend.web.answer('POST', `${SELF}/rotate`, gitlabRotated(NEW_VALUE, '2027-03-01'));
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  const field = within(dialog).getByLabelText('New token expires') as HTMLInputElement;
  expect(field.type).toBe('date');
  expect(field.value).toBe('2027-03-01');
  expect(dialog.textContent).toMatch(/current token’s expiry, kept/);
  expect(dialog.textContent).toMatch(/00:00 UTC/);
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect(await screen.findByText(/Rotated “GL” — the new value is in the vault\./)).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'tokens.rotate')?.request).toEqual({ id: idOf('GL') });
  // Main kept the expiry GitLab had reported.
  expect(askedExpiries(backend)).toEqual(['2027-03-01']);
});

test('a changed date is sent as the new expiry; a cap by the platform is said', async () => {
  const { pane, user, api, backend, idOf } = await open('GL', { tokens: [{ name: 'GL', platform: 'gitlab' }], prepare: reported() });
  // The instance's maximum lifetime: GitLab refuses a later date, naming its maximum.
  backend.web.answer('POST', `${SELF}/rotate`, (req) =>
    req.body.includes('2030-01-01') ? { status: 400, json: { message: '400 Bad request - Expires at must be before 2027-05-01' } } : gitlabRotated(NEW_VALUE, '2027-05-01'),
  );
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  const field = within(dialog).getByLabelText('New token expires');
  await user.clear(field);
  await user.type(field, '2030-01-01');
  expect(dialog.textContent).not.toMatch(/kept/);
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect(await screen.findByText(/capped its expiry at 2027-05-01, its maximum, instead of 2030-01-01/)).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'tokens.rotate')?.request).toEqual({ id: idOf('GL'), expiresAt: '2030-01-01' });
  expect(askedExpiries(backend)).toEqual(['2030-01-01', '2027-05-01']);
});

test('a typed day is kept without shortening it: the dialog offers the GitLab date that covers the whole day', async () => {
  // Tests run in UTC: a token typed as working through 1 December stops no earlier than 2 December 00:00 UTC.
  const { pane, user } = await open('GL', { tokens: [{ name: 'GL', platform: 'gitlab', expiresAt: '2026-12-01' }] });
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  expect((within(dialog).getByLabelText('New token expires') as HTMLInputElement).value).toBe('2026-12-02');
});

test('an emptied date is refused in the dialog, nothing is sent', async () => {
  const { pane, user, api } = await open('GL', { tokens: [{ name: 'GL', platform: 'gitlab' }], prepare: reported() });
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  await user.clear(within(dialog).getByLabelText('New token expires'));
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect(within(dialog).getByText('Choose the date the new token expires.')).toBeTruthy();
  expect(api.calls.some((c) => c.channel === 'tokens.rotate')).toBe(false);
});

test('a platform whose rotation keeps the expiry (Jelastic) shows no date field', async () => {
  const { pane, user } = await open('JEL', { tokens: [{ name: 'JEL', platform: 'jelastic', baseUrl: 'https://app.example.com', platformTokenId: '77' }] });
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  expect(within(screen.getByRole('dialog', { name: 'Rotate token?' })).queryByLabelText('New token expires')).toBeNull();
});

test('the pane shows an unconfirmed rotation with what to do, and when GitLab last saw the token used', async () => {
  const { pane } = await open('GL', {
    tokens: [{ name: 'GL', platform: 'gitlab' }],
    prepare: async (backend, idOf) => {
      await reported({ lastUsedAt: '2026-04-30T08:00:00.000Z' })(backend, idOf);
      // A gateway gave up after forwarding the rotation: GitLab may have rotated, nobody can tell.
      backend.web.answer('POST', `${SELF}/rotate`, { status: 502, text: 'Bad Gateway' });
      await expect(backend.call('tokens.rotate', { id: idOf('GL') })).rejects.toThrow(/ROTATION_UNCONFIRMED/);
    },
  });
  const section = within(pane).getByRole('region', { name: 'Rotation unconfirmed' });
  expect(section.textContent).toContain('Do not rotate again with the old value');
  expect(section.textContent).toContain('run Check');
  // Rotating again with the old value is what GitLab's reuse detection punishes: not offered.
  expect((within(pane).getByRole('button', { name: 'Rotate…' }) as HTMLButtonElement).disabled).toBe(true);
  expect(within(pane).getByText('Last used').nextElementSibling?.textContent).toMatch(/2026/);
});

test('a rotation without an answer: the dialog says what to do, and the pane shows the mark at once', async () => {
  const { pane, user, backend } = await open('GL', { tokens: [{ name: 'GL', platform: 'gitlab' }], prepare: reported() });
  backend.web.answer('POST', `${SELF}/rotate`, { status: 502, text: 'Bad Gateway' });
  expect(within(pane).queryByRole('region', { name: 'Rotation unconfirmed' })).toBeNull();
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect((await within(dialog).findByText(/Do not rotate again with the old value/)).closest('[role="alert"]')).toBeTruthy();
  const section = await within(pane).findByRole('region', { name: 'Rotation unconfirmed' });
  expect(section.textContent).toContain('Do not rotate again with the old value');
  expect((within(pane).getByRole('button', { name: 'Rotate…' }) as HTMLButtonElement).disabled).toBe(true);
});
