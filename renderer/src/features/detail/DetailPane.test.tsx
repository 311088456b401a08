// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useStore } from '../../store';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const SECRET = 'ghp_SuperSecretValue0123456789abcdefABCDEF';

async function withSelected() {
  const r = await renderApp({
    unlocked: true,
    tokens: [{ name: 'CI deploy', platform: 'github', account: 'acme-bot', client: 'Acme', scopes: ['repo', 'workflow'], token: SECRET, notes: 'Rotate in spring' }],
  });
  await r.user.click(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /CI deploy/ }));
  const pane = screen.getByRole('complementary');
  await within(pane).findByText('Rotate in spring');
  return { ...r, pane };
}

test('the pane shows every field, the notes and the audit trail', async () => {
  const { pane, user } = await withSelected();
  expect(within(pane).getByRole('heading', { level: 2, name: 'CI deploy' })).toBeTruthy();
  for (const text of ['acme-bot', 'Acme', 'GitHub', 'repo', 'workflow', 'No expiry date']) expect(within(pane).getAllByText(text).length).toBeGreaterThan(0);
  await user.click(within(pane).getByRole('button', { name: 'Copy' }));
  expect(await within(pane).findByText('Copied')).toBeTruthy(); // the audit trail gained the copy
});

test('Copy asks main to copy; the value never reaches the DOM or the store', async () => {
  const { pane, user, api, backend } = await withSelected();
  await user.click(within(pane).getByRole('button', { name: 'Copy' }));
  expect(api.calls.filter((c) => c.channel === 'tokens.copy')).toHaveLength(1);
  expect(await screen.findByText('Copied — clears in 30 s')).toBeTruthy();
  expect(backend.clipboard.text).toBe(SECRET);
  expect(document.documentElement.outerHTML).not.toContain(SECRET);
  expect(JSON.stringify(useStore.getState())).not.toContain(SECRET);
});

test('Reveal shows the value with a countdown, then hides it by itself', async () => {
  const { pane } = await withSelected();
  vi.useFakeTimers();
  await act(async () => {
    fireEvent.click(within(pane).getByRole('button', { name: 'Reveal' }));
  });
  const field = within(pane).getByLabelText('Revealed value') as HTMLInputElement;
  expect(field.value).toBe(SECRET);
  expect(within(pane).getByText('Hides in 30 s')).toBeTruthy();
  await act(async () => {
    vi.advanceTimersByTime(10_000);
  });
  expect(within(pane).getByText('Hides in 20 s')).toBeTruthy();
  await act(async () => {
    vi.advanceTimersByTime(20_000);
  });
  expect(within(pane).queryByLabelText('Revealed value')).toBeNull();
  expect(within(pane).getByRole('button', { name: 'Reveal' })).toBeTruthy();
  expect(document.documentElement.outerHTML).not.toContain(SECRET);
});

test('Hide drops the revealed value at once', async () => {
  const { pane, user } = await withSelected();
  await user.click(within(pane).getByRole('button', { name: 'Reveal' }));
  expect(await within(pane).findByDisplayValue(SECRET)).toBeTruthy();
  await user.click(within(pane).getByRole('button', { name: 'Hide' }));
  expect(document.documentElement.outerHTML).not.toContain(SECRET);
  expect(useStore.getState().reveal).toBeNull();
});

test('Delete asks for confirmation naming the token; Cancel keeps it, Delete removes it', async () => {
  const { pane, user, backend } = await withSelected();
  const stored = async () => (await backend.call('tokens.list', {})).length;
  await user.click(within(pane).getByRole('button', { name: 'Delete' }));
  let dialog = screen.getByRole('dialog', { name: 'Delete token?' });
  expect(dialog.getAttribute('aria-modal')).toBe('true');
  expect(dialog.textContent).toContain('“CI deploy”');
  expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(await stored()).toBe(1);

  await user.click(within(pane).getByRole('button', { name: 'Delete' }));
  dialog = screen.getByRole('dialog', { name: 'Delete token?' });
  await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
  expect(await screen.findByText('No tokens yet — add your first.')).toBeTruthy();
  expect(await stored()).toBe(0);
  expect(screen.getByRole('heading', { level: 2, name: 'Token details' })).toBeTruthy();
});

test('"Open token page" sends main only the token id; main opens the page it builds', async () => {
  const { pane, user, api, backend, idOf } = await withSelected();
  expect(within(pane).getByText('https://github.com/settings/tokens')).toBeTruthy();
  await user.click(within(pane).getByRole('button', { name: 'Open token page' }));
  expect(api.calls.find((c) => c.channel === 'app.openTokenPage')?.request).toEqual({ id: idOf('CI deploy') });
  await waitFor(() => expect(backend.openedPages).toEqual(['https://github.com/settings/tokens']));
  expect(screen.queryByText(/No token page is known/)).toBeNull();
});

test('a self-hosted account shows and opens its own token page; an account without one offers none', async () => {
  const r = await renderApp({
    unlocked: true,
    tokens: [
      { name: 'Self GL', platform: 'gitlab', baseUrl: 'https://git.acme.example/api/v4' },
      { name: 'Hoster', platform: 'jelastic', baseUrl: 'https://app.hoster.example' },
      { name: 'Odd host', platform: 'jelastic', baseUrl: 'https://api.hoster.example' },
    ],
  });
  const list = await screen.findByRole('listbox', { name: 'Tokens' });
  const pane = screen.getByRole('complementary');
  await r.user.click(within(list).getByRole('option', { name: /Self GL/ }));
  const open = within(pane).getByRole('button', { name: 'Open token page' });
  expect(document.getElementById(open.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
    'Token page: https://git.acme.example/-/user_settings/personal_access_tokens',
  );
  await r.user.click(open);
  await waitFor(() => expect(r.backend.openedPages).toEqual(['https://git.acme.example/-/user_settings/personal_access_tokens']));

  await r.user.click(within(list).getByRole('option', { name: /Hoster/ }));
  expect(within(pane).getByText(/then Settings › Access Tokens/)).toBeTruthy();
  await r.user.click(within(pane).getByRole('button', { name: 'Open token page' }));
  await waitFor(() => expect(r.backend.openedPages.at(-1)).toBe('https://app.hoster.example/'));

  await r.user.click(within(list).getByRole('option', { name: /Odd host/ }));
  expect(within(pane).queryByRole('button', { name: 'Open token page' })).toBeNull();
});
