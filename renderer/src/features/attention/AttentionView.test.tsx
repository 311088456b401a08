// @vitest-environment jsdom
/**
 * The needs-attention view as a user meets it: a tab with the count, the tokens in urgency
 * order with their reason in words and one action each, the detail pane on selection, and
 * focus kept in place when an action makes a row leave the list.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { useStore } from '../../store';
import { ATTENTION_EXPECTED, attentionVault, useAttentionClock } from '../../test-support/attention-fixtures';
import { GITLAB_API, gitlabSelf } from '../../test-support/platform-answers';
import { renderApp } from '../../test-support/render-app';
import type { SeedOptions } from '../../test-support/seed';
import { useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
useAttentionClock();

const attentionList = () => screen.getByRole('list', { name: 'Tokens that need attention' });
const rowNames = () => within(attentionList()).getAllByRole('listitem').map((li) => li.querySelector('.attention-name')?.textContent);

const idOf = (name: string) => useStore.getState().tokens.find((t) => t.name === name)?.id;

async function openAttention(opts: SeedOptions = attentionVault()) {
  const r = await renderApp(opts);
  await screen.findByRole('listbox', { name: 'Tokens' });
  const tab = screen.getByRole('tab', { name: /^Needs attention/ });
  await r.user.click(tab);
  return { ...r, tab };
}

test('the tab counts the tokens needing attention; the view lists them most urgent first, in words, one action each', async () => {
  const { tab } = await openAttention();
  expect(tab.textContent).toBe('Needs attention (6)');
  expect(tab.getAttribute('aria-selected')).toBe('true');
  expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tab.id);
  expect(rowNames()).toEqual(ATTENTION_EXPECTED.map((e) => e.name));
  const items = within(attentionList()).getAllByRole('listitem');
  ATTENTION_EXPECTED.forEach((e, i) => {
    const li = items[i]!;
    expect(li.textContent).toContain(e.reason);
    const buttons = within(li).getAllByRole('button');
    expect(buttons).toHaveLength(2);
    expect(buttons[1]!.textContent).toBe(e.action);
    expect(buttons[1]!.getAttribute('aria-label')).toBe(`${e.action.replace('…', '')} ${e.name}`);
  });
  expect(items[2]!.textContent).toContain('checked 2026-11-22: 401 Unauthenticated');
  expect(items[0]!.textContent).toContain('GitLab may have rotated it');
  // Fine, never checked and long unchecked: no problem we know of, so not listed.
  for (const quiet of ['Fine', 'Fresh', 'Stale']) expect(within(attentionList()).queryByText(quiet)).toBeNull();
  expect(screen.getByText('6 tokens need attention, most urgent first.')).toBeTruthy();
});

test('selecting a row shows the token in the detail pane', async () => {
  const { user } = await openAttention();
  const pick = within(attentionList()).getByRole('button', { name: /^Soon/ });
  await user.click(pick);
  expect(within(screen.getByRole('complementary')).getByRole('heading', { level: 2, name: 'Soon' })).toBeTruthy();
  expect(pick.getAttribute('aria-current')).toBe('true');
});

test('Renew asks main to open the token’s page by its id', async () => {
  const { user, api, backend } = await openAttention();
  await user.click(screen.getByRole('button', { name: 'Renew Old key' }));
  expect(api.calls.find((c) => c.channel === 'app.openTokenPage')?.request).toEqual({ id: idOf('Old key') });
  expect(within(screen.getByRole('complementary')).getByRole('heading', { level: 2, name: 'Old key' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Renew Rejected' }));
  await waitFor(() => expect(backend.openedPages).toEqual(['https://github.com/settings/tokens', 'https://getbrass.co/']));
});

test('Check on an unconfirmed rotation: the stored value still works, so it leaves the list and focus moves to the row in its place', async () => {
  const { user, api, backend, tab } = await openAttention();
  // The old value still works: GitLab says so of the value the vault holds.
  backend.web.answer('GET', `${GITLAB_API}/personal_access_tokens/self`, gitlabSelf({ expiresAt: '2027-02-02' }));
  const check = screen.getByRole('button', { name: 'Check Lost' });
  check.focus();
  await user.keyboard('{Enter}');
  expect(api.calls.find((c) => c.channel === 'tokens.check')?.request).toEqual({ id: idOf('Lost') });
  await waitFor(() => expect(rowNames()).toEqual(['Old key', 'Rejected', 'Soon', 'Rolling', 'Dead']));
  expect(tab.textContent).toBe('Needs attention (5)');
  await waitFor(() => expect(document.activeElement).toBe(within(attentionList()).getByRole('button', { name: /^Old key/ })));
});

test('Rotate… opens the rotation confirmation for a token the platform can rotate', async () => {
  const { user } = await openAttention();
  await user.click(screen.getByRole('button', { name: 'Rotate Rolling' }));
  expect(screen.getByRole('dialog').textContent).toContain('Rolling');
});

test('Remove… asks for confirmation, then the revoked token is gone', async () => {
  const { user } = await openAttention();
  await user.click(screen.getByRole('button', { name: 'Remove Dead' }));
  const dialog = screen.getByRole('dialog', { name: 'Delete token?' });
  expect(dialog.textContent).toContain('“Dead”');
  await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
  expect(await screen.findByText('Deleted “Dead”')).toBeTruthy();
  expect(rowNames()).not.toContain('Dead');
  // Dead was the last row: focus goes to the row now last.
  await waitFor(() => expect(document.activeElement).toBe(within(attentionList()).getByRole('button', { name: /^Rolling/ })));
});

test('nothing to do: the empty state, and the count says 0', async () => {
  const { tab } = await openAttention(attentionVault(['Fine']));
  expect(tab.textContent).toBe('Needs attention (0)');
  expect(screen.getByText('Nothing needs attention')).toBeTruthy();
});

test('tabs switch with the arrow keys; searching goes back to all tokens', async () => {
  const { user, tab } = await openAttention();
  await user.keyboard('{ArrowLeft}');
  const all = screen.getByRole('tab', { name: 'All tokens' });
  expect(document.activeElement).toBe(all);
  expect(all.getAttribute('aria-selected')).toBe('true');
  expect(screen.getByRole('listbox', { name: 'Tokens' })).toBeTruthy();
  await user.keyboard('{End}');
  expect(tab.getAttribute('aria-selected')).toBe('true');
  await user.type(screen.getByLabelText('Search tokens'), 'Stale');
  expect(all.getAttribute('aria-selected')).toBe('true');
  expect(within(screen.getByRole('listbox', { name: 'Tokens' })).getAllByRole('option')).toHaveLength(1);
});
