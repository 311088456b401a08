// @vitest-environment jsdom
/**
 * The detail pane's "Value history": collapsed with its count, dates and reasons when opened,
 * and an earlier value only after its own Reveal, hidden again by Hide, by time, or by moving on.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useStore } from '../../store';
import type { Backend } from '../../test-support/backend';
import { GITLAB_API, gitlabRotated } from '../../test-support/platform-answers';
import { renderApp } from '../../test-support/render-app';
import type { IdOf } from '../../test-support/seed';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const CURRENT = 'glpat-CurrentValue000000000';
const OLDEST = 'glpat-OldestValue0000000000';
const ROTATED = 'glpat-RotatedAwayValue00000';
const ROTATE = `${GITLAB_API}/personal_access_tokens/self/rotate`;

/**
 * The token's life, through the app's own channels at set times: added in February with
 * OLDEST, its value typed over on 1 March (OLDEST kept, "Edited by hand"), rotated by GitLab
 * on 1 June (ROTATED kept, "Rotated"); CURRENT is the value GitLab gave.
 */
async function history(backend: Backend, idOf: IdOf): Promise<void> {
  const id = idOf('Registry pull');
  vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
  await backend.call('tokens.edit', { id, patch: { token: ROTATED } });
  vi.setSystemTime(new Date('2026-06-01T10:00:00.000Z'));
  backend.web.answer('POST', ROTATE, gitlabRotated(CURRENT, '2027-06-01'));
  await backend.call('tokens.rotate', { id });
  vi.useRealTimers();
}

async function withHistory() {
  vi.useFakeTimers({ now: new Date('2026-02-01T10:00:00.000Z'), toFake: ['Date'] });
  const r = await renderApp({
    unlocked: true,
    tokens: [
      { name: 'Registry pull', platform: 'gitlab', account: 'acme', token: OLDEST },
      { name: 'Other', platform: 'github', account: 'acme' },
    ],
    prepare: history,
  });
  await r.user.click(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /Registry pull/ }));
  const pane = within(screen.getByRole('complementary'));
  const toggle = await pane.findByRole('button', { name: 'Value history (2)' });
  return { ...r, pane, toggle };
}

const noValueOnPage = () => {
  for (const v of [CURRENT, OLDEST, ROTATED]) {
    expect(document.documentElement.outerHTML).not.toContain(v);
    expect(JSON.stringify(useStore.getState())).not.toContain(v);
  }
};

test('collapsed, the heading says how many earlier values there are; opened, it lists when and why, never a value', async () => {
  const { pane, toggle, user } = await withHistory();
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(pane.getByRole('heading', { level: 3, name: 'Value history (2)' })).toBeTruthy();
  const section = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
  expect(section.hidden).toBe(true);
  expect(within(section).queryAllByRole('listitem')).toEqual([]); // hidden from assistive tech too
  await user.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(section.hidden).toBe(false);
  const items = within(section).getAllByRole('listitem');
  expect(items.map((li) => li.textContent)).toEqual([expect.stringContaining('Edited by hand'), expect.stringContaining('Rotated')]);
  expect(items[0]?.querySelector('time')?.getAttribute('dateTime')).toBe('2026-03-01T10:00:00.000Z');
  noValueOnPage();
});

test('Reveal shows that one earlier value through its own audited call, and Hide drops it', async () => {
  const { pane, toggle, user, api, idOf } = await withHistory();
  await user.click(toggle);
  await user.click(pane.getByRole('button', { name: /^Reveal earlier value 2 \(kept / }));
  const field = (await pane.findByLabelText(/^Earlier value 2 \(kept /)) as HTMLInputElement;
  expect(field.value).toBe(ROTATED);
  expect(field.readOnly).toBe(true);
  expect(api.calls.filter((c) => c.channel === 'tokens.revealHistory').map((c) => c.request)).toEqual([
    { id: idOf('Registry pull'), index: 1, at: '2026-06-01T10:00:00.000Z' },
  ]);
  // Only that entry: not the current value, not the other earlier one.
  expect(pane.queryByLabelText('Revealed value')).toBeNull();
  expect(document.documentElement.outerHTML).not.toContain(OLDEST);
  expect(document.documentElement.outerHTML).not.toContain(CURRENT);
  // The audit trail shows the reveal.
  expect(await pane.findByText('Revealed')).toBeTruthy();

  await user.click(pane.getByRole('button', { name: 'Hide' }));
  expect(pane.getByRole('button', { name: /^Reveal earlier value 2 / })).toBeTruthy();
  noValueOnPage();
});

test('a revealed earlier value hides itself after the reveal delay', async () => {
  const { pane, toggle, user } = await withHistory();
  await user.click(toggle);
  vi.useFakeTimers();
  await act(async () => {
    fireEvent.click(pane.getByRole('button', { name: /^Reveal earlier value 1 / }));
  });
  expect((pane.getByLabelText(/^Earlier value 1 /) as HTMLInputElement).value).toBe(OLDEST);
  expect(pane.getByText('Hides in 30 s')).toBeTruthy();
  await act(async () => {
    vi.advanceTimersByTime(30_000);
  });
  expect(pane.queryByLabelText(/^Earlier value 1 /)).toBeNull();
  noValueOnPage();
});

test('selecting another token drops a revealed earlier value', async () => {
  const { pane, toggle, user } = await withHistory();
  await user.click(toggle);
  await user.click(pane.getByRole('button', { name: /^Reveal earlier value 1 / }));
  await pane.findByLabelText(/^Earlier value 1 /);
  await user.click(within(screen.getByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /Other/ }));
  await within(screen.getByRole('complementary')).findByRole('button', { name: 'Value history (0)' });
  noValueOnPage();
});

test('when main refuses (the history changed meanwhile), the message shows and no value does', async () => {
  const { pane, toggle, user, api } = await withHistory();
  await user.click(toggle);
  api.failNext('tokens.revealHistory', 'NOT_FOUND', 'That earlier value is no longer where it was in the token’s history (it changed meanwhile): reload the token and try again.');
  await user.click(pane.getByRole('button', { name: /^Reveal earlier value 1 / }));
  expect(await screen.findByText(/no longer where it was/)).toBeTruthy();
  expect(pane.queryByLabelText(/^Earlier value 1 /)).toBeNull();
  noValueOnPage();
});

test('a value typed over in the edit dialog joins the history as "Edited by hand"', async () => {
  const { pane, toggle, user } = await withHistory();
  await user.click(pane.getByRole('button', { name: 'Edit' }));
  const dialog = within(screen.getByRole('dialog', { name: 'Edit token “Registry pull”' }));
  await user.type(dialog.getByLabelText('Token value'), 'glpat-TypedOverValue0000000');
  await user.click(dialog.getByRole('button', { name: 'Save' }));
  const grown = await pane.findByRole('button', { name: 'Value history (3)' });
  expect(grown).toBe(toggle);
  await user.click(grown);
  const section = document.getElementById(grown.getAttribute('aria-controls') ?? '') as HTMLElement;
  expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    expect.stringContaining('Edited by hand'),
    expect.stringContaining('Rotated'),
    expect.stringContaining('Edited by hand'),
  ]);
});
