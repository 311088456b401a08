// @vitest-environment jsdom
/**
 * The add/edit dialog recognises the value on every change — typed, pasted or autofilled — and
 * refuses to save it under a platform its format contradicts until the user says so.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { renderApp } from '../../test-support/render-app';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const b64url = (o: unknown): string => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const GITHUB = `ghp_${'aB3'.repeat(12)}`;
const GITLAB = `glpat-${'Kq7'.repeat(6)}zz`;

async function openAdd() {
  const r = await renderApp({ unlocked: true });
  await r.user.click(await screen.findByRole('button', { name: 'Add token' }));
  const dialog = screen.getByRole('dialog', { name: 'Add token' });
  return { ...r, dialog, d: within(dialog) };
}

const platform = (d: ReturnType<typeof within>) => (d.getByLabelText('Platform') as HTMLSelectElement).value;

test('typing (not pasting) a GitLab token selects GitLab and says so', async () => {
  const { d, user } = await openAdd();
  expect(platform(d)).toBe('github');
  await user.type(d.getByLabelText('Token value'), GITLAB);
  expect(platform(d)).toBe('gitlab');
  expect(d.getByText('Recognised as a GitLab personal access token — platform set to GitLab.')).toBeTruthy();
  expect(d.queryByRole('checkbox', { name: 'Use it anyway' })).toBeNull();
});

test('a value set without any key or paste event (autofill) is recognised too', async () => {
  const { d } = await openAdd();
  // What a password manager does: set the value and fire input.
  fireEvent.input(d.getByLabelText('Token value'), { target: { value: GITLAB } });
  expect(platform(d)).toBe('gitlab');
});

test('typing a GitLab token after choosing GitHub: a warning naming both, Save refused until “Use it anyway”', async () => {
  const { d, user, api } = await openAdd();
  await user.selectOptions(d.getByLabelText('Platform'), 'github');
  await user.type(d.getByLabelText('Token value'), GITLAB);
  expect(platform(d)).toBe('github');
  const warning = d.getByText(/not a GitHub token/).closest('[role="alert"]');
  expect(warning?.textContent).toMatch(
    /^This looks like a GitLab personal access token, not a GitHub token\. Choose GitLab as the platform, or tick “Use it anyway” to keep GitHub\./,
  );
  expect(warning?.textContent).not.toContain(GITLAB);
  await user.type(d.getByLabelText('Name'), 'Mirror');
  await user.type(d.getByLabelText('Account'), 'acme');

  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.some((c) => c.channel === 'tokens.add')).toBe(false);
  expect(screen.getByRole('dialog', { name: 'Add token' })).toBeTruthy();
  expect(document.activeElement).toBe(warning);

  await user.click(d.getByRole('checkbox', { name: 'Use it anyway' }));
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(api.calls.find((c) => c.channel === 'tokens.add')?.request).toMatchObject({ platform: 'github', token: GITLAB, platformMismatchOk: true });
});

test('changing the platform to the value’s own clears the warning; the save carries no acceptance', async () => {
  const { d, user, api } = await openAdd();
  await user.selectOptions(d.getByLabelText('Platform'), 'brass');
  await user.click(d.getByLabelText('Token value'));
  await user.paste(GITHUB);
  expect(d.getByText(/not a Brass token/)).toBeTruthy();
  await user.selectOptions(d.getByLabelText('Platform'), 'github');
  expect(d.queryByText(/not a Brass token/)).toBeNull();
  await user.type(d.getByLabelText('Name'), 'X');
  await user.type(d.getByLabelText('Account'), 'y');
  await user.click(d.getByRole('button', { name: 'Save' }));
  const add = api.calls.find((c) => c.channel === 'tokens.add')?.request as Record<string, unknown>;
  expect(add).toMatchObject({ platform: 'github' });
  expect(add).not.toHaveProperty('platformMismatchOk');
});

test('ticking applies to one contradiction: another value asks again', async () => {
  const { d, user } = await openAdd();
  await user.selectOptions(d.getByLabelText('Platform'), 'brass');
  await user.type(d.getByLabelText('Token value'), GITLAB);
  await user.click(d.getByRole('checkbox', { name: 'Use it anyway' }));
  await user.clear(d.getByLabelText('Token value'));
  await user.type(d.getByLabelText('Token value'), GITHUB);
  expect((d.getByRole('checkbox', { name: 'Use it anyway' }) as HTMLInputElement).checked).toBe(false);
});

test('a JWT of unknown origin leaves the platform alone; its claims show as a hint and fill the username, not the date', async () => {
  const { d, user } = await openAdd();
  const jwt = `${b64url({ alg: 'RS256' })}.${b64url({ iss: 'https://auth.example.com', sub: 'alice@corp.example', exp: Date.UTC(2027, 5, 30, 12) / 1000 })}.sig`;
  await user.click(d.getByLabelText('Token value'));
  await user.paste(jwt);
  expect(platform(d)).toBe('github');
  expect(d.queryByRole('checkbox', { name: 'Use it anyway' })).toBeNull();
  expect(d.getByText(/Recognised as a JSON Web Token\. Its claims say: expires 2027-06-30 12:00 UTC \(leave Expires empty to keep that exact moment\)\. Subject: alice@corp\.example\./)).toBeTruthy();
  // The vault keeps the claim's exact instant when Expires stays empty: nothing rounds it to a day here.
  expect((d.getByLabelText('Expires') as HTMLInputElement).value).toBe('');
  expect((d.getByLabelText('Username') as HTMLInputElement).value).toBe('alice@corp.example');
  // Clearing the value takes back what it filled; the user's own text is never replaced.
  await user.clear(d.getByLabelText('Token value'));
  expect((d.getByLabelText('Username') as HTMLInputElement).value).toBe('');
  await user.type(d.getByLabelText('Username'), 'mine');
  await user.click(d.getByLabelText('Token value'));
  await user.paste(jwt);
  expect((d.getByLabelText('Username') as HTMLInputElement).value).toBe('mine');
});

test('edit: main’s refusal of a platform the stored value contradicts becomes the warning; ticking sends the acceptance', async () => {
  // The stored value is a GitHub token; main, which holds it, refuses to file it under GitLab.
  const { user, api, idOf } = await renderApp({ unlocked: true, tokens: [{ name: 'Old name', platform: 'github', token: GITHUB }] });
  await user.click(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /Old name/ }));
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  const d = within(screen.getByRole('dialog', { name: 'Edit token “Old name”' }));
  await user.selectOptions(d.getByLabelText('Platform'), 'gitlab');
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(await d.findByText(/not a GitLab token\. Choose the platform it belongs to, or tick “Use it anyway” to keep GitLab\./)).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'tokens.edit')?.response).toMatchObject({ ok: false, error: { code: 'PLATFORM_MISMATCH' } });
  await user.click(d.getByRole('checkbox', { name: 'Use it anyway' }));
  await user.click(d.getByRole('button', { name: 'Save' }));
  expect(api.calls.filter((c) => c.channel === 'tokens.edit').at(-1)?.request).toEqual({ id: idOf('Old name'), patch: { platform: 'gitlab', platformMismatchOk: true } });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(within(screen.getByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: /Old name/ }).textContent).toContain('GitLab');
});
