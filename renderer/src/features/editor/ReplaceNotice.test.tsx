// @vitest-environment jsdom
/**
 * One token per user (iObeya) in the add dialog: when the user typed already has a live token,
 * the dialog says before saving that the save replaces its value, and the toast after says it
 * did; the list keeps one token, whose history holds the old value.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Backend } from '../../test-support/backend';
import { renderApp } from '../../test-support/render-app';
import type { IdOf } from '../../test-support/seed';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const b64url = (o: unknown): string => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (sub: string, n: string) => `${b64url({ alg: 'RS256' })}.${b64url({ iss: 'https://acme.iobeya.com', sub, exp: Date.UTC(2027, 5, 30, 12) / 1000 })}.sig${n}`;
const BASE = 'https://acme.api.iobeya.com/v1';
const NOTICE = 'This iObeya user already has a token (Boards). Saving replaces its value; the old value stays in its history.';
const HELD = { platform: 'iobeya', account: 'acme', client: null, baseUrl: BASE, username: 'alice', name: 'Boards', token: jwt('alice', 'old') } as const;

/** The user revoked Boards on iObeya's page and said so (iObeya's revoke is guided). */
const revokeHeld = async (backend: Backend, idOf: IdOf) => void (await backend.call('tokens.revoke', { id: idOf('Boards'), confirmedGuided: true }));

async function fillAdd(over: { revoked?: boolean } = {}, sub = 'alice') {
  const r = await renderApp({ unlocked: true, tokens: [HELD], ...(over.revoked ? { prepare: revokeHeld } : {}) });
  await r.user.click(await screen.findByRole('button', { name: 'Add token' }));
  const d = within(screen.getByRole('dialog', { name: 'Add token' }));
  await r.user.click(d.getByLabelText('Token value'));
  await r.user.paste(jwt(sub, 'new'));
  await r.user.type(d.getByLabelText('Name'), 'Boards 2');
  await r.user.type(d.getByLabelText('Account'), 'acme');
  await r.user.type(d.getByLabelText('Base URL'), BASE);
  return { ...r, d };
}

test('adding a value for an iObeya user who has a token says it will replace it, then replaces it', async () => {
  const { d, user, backend, idOf } = await fillAdd();
  expect(d.getByText(NOTICE)).toBeTruthy();
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(await screen.findByText('Replaced the value of “Boards 2”')).toBeTruthy();
  const list = within(screen.getByRole('listbox', { name: 'Tokens' }));
  expect(list.getAllByRole('option')).toHaveLength(1);
  expect(list.getByRole('option', { name: /Boards 2/ })).toBeTruthy();
  // In the vault: one token, Boards's own, holding the new value; the old one in its history.
  const id = idOf('Boards');
  expect((await backend.call('tokens.list', {})).map((t) => t.id)).toEqual([id]);
  expect((await backend.call('tokens.reveal', { id })).value).toBe(jwt('alice', 'new'));
  const { history } = await backend.call('tokens.details', { id });
  expect(history.map((h) => h.reason)).toEqual(['replaced']);
  expect((await backend.call('tokens.revealHistory', { id, index: 0, at: history[0]!.at })).value).toBe(jwt('alice', 'old'));
});

test('no notice, and a plain add, for another user or a revoked token', async () => {
  const other = await fillAdd({}, 'bob');
  expect(other.d.queryByText(NOTICE)).toBeNull();
  await other.user.click(other.d.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Token added')).toBeTruthy();
  expect(await other.backend.call('tokens.list', {})).toHaveLength(2);
  other.view.unmount();

  const revoked = await fillAdd({ revoked: true });
  expect(revoked.d.queryByText(NOTICE)).toBeNull();
});

test('the notice follows the fields: it goes when the account no longer matches', async () => {
  const { d, user } = await fillAdd();
  expect(d.getByText(NOTICE)).toBeTruthy();
  await user.type(d.getByLabelText('Account'), '-eu');
  expect(d.queryByText(NOTICE)).toBeNull();
});
