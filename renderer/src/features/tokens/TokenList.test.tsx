// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useStore } from '../../store';
import { importManyTokens } from '../../test-support/bulk-tokens';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

/** The token options (select elements have options too). */
const rows = () => within(screen.getByRole('listbox', { name: 'Tokens' })).getAllByRole('option');
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Token ${i}` }));

test('10,000 tokens: only the rows in view are in the DOM', async () => {
  await renderApp({ unlocked: true, prepare: (backend) => importManyTokens(backend, 10_000) });
  const list = await screen.findByRole('listbox', { name: 'Tokens' });
  const options = within(list).getAllByRole('option');
  expect(options.length).toBeGreaterThan(5);
  expect(options.length).toBeLessThanOrEqual(60);
  expect(document.querySelectorAll('[role="option"]').length).toBe(options.length);
  expect(screen.getByText('10000 tokens')).toBeTruthy();
  expect(options[0]?.getAttribute('aria-setsize')).toBe('10000');
});

test('search filters instantly and says when nothing matches', async () => {
  const { user } = await renderApp({ unlocked: true, tokens: [{ name: 'CI deploy', client: 'Acme' }, { name: 'Nightly', client: 'Globex' }, { name: 'Registry', client: 'Globex' }] });
  await screen.findByRole('listbox');
  await user.type(screen.getByLabelText('Search tokens'), 'globex');
  expect(rows().map((o) => o.querySelector('.row-name')?.textContent)).toEqual(['Nightly', 'Registry']);
  expect(screen.getByText('2 of 3 tokens')).toBeTruthy();
  await user.type(screen.getByLabelText('Search tokens'), ' zzz');
  expect(screen.queryByRole('listbox')).toBeNull();
  expect(screen.getByText(/No token matches “globex zzz”/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
  expect(rows()).toHaveLength(3);
});

test('filter selects narrow the list; grouping adds (hidden) headers', async () => {
  const { user } = await renderApp({ unlocked: true, tokens: [{ name: 'A', platform: 'github' }, { name: 'B', platform: 'gitlab' }, { name: 'C', platform: 'github' }] });
  await screen.findByRole('listbox');
  await user.selectOptions(screen.getByLabelText('Filter by platform'), 'github');
  expect(rows()).toHaveLength(2);
  await user.selectOptions(screen.getByLabelText('Filter by platform'), '');
  await user.selectOptions(screen.getByLabelText('Group by'), 'platform');
  expect(document.querySelectorAll('.group-header')).toHaveLength(2);
  expect(rows()).toHaveLength(3);
});

test('keyboard: arrows move the selection, Enter copies, Ctrl+F focuses search, Ctrl+L locks', async () => {
  const { user, api, backend, idOf } = await renderApp({ unlocked: true, tokens: many(5) });
  const list = await screen.findByRole('listbox');
  list.focus();
  expect(useStore.getState().selectedId).toBe(idOf('Token 0')); // focusing selects the first
  await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
  expect(useStore.getState().selectedId).toBe(idOf('Token 1'));
  expect(list.getAttribute('aria-activedescendant')).toBe(`token-option-${idOf('Token 1')}`);
  expect(within(list).getByRole('option', { selected: true }).textContent).toContain('Token 1');
  await user.keyboard('{End}');
  expect(useStore.getState().selectedId).toBe(idOf('Token 4'));

  await user.keyboard('{Enter}');
  expect(api.calls.filter((c) => c.channel === 'tokens.copy').map((c) => c.request)).toEqual([{ id: idOf('Token 4') }]);
  expect(await screen.findByText('Copied — clears in 30 s')).toBeTruthy();
  expect(backend.clipboard.text).toBe('secret-value-4');

  await user.keyboard('{Control>}f{/Control}');
  expect(document.activeElement).toBe(screen.getByLabelText('Search tokens'));

  await act(async () => {
    await user.keyboard('{Control>}l{/Control}');
  });
  expect(await screen.findByLabelText('Master password')).toBeTruthy();
  expect(await backend.call('vault.status', {})).toMatchObject({ unlocked: false });
});

test('an empty vault invites adding the first token', async () => {
  await renderApp({ unlocked: true });
  expect(await screen.findByText('No tokens yet — add your first.')).toBeTruthy();
});
