// @vitest-environment jsdom
/**
 * Platform operations in the app: check one (result on the row and in the pane), check all
 * with a progress bar fed by main's events, revoke (API, with password, guided) and rotate
 * behind confirmations naming the token, and usage snippets copied in main. The real core
 * does each; the platforms' answers come from the platform double.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useStore } from '../../store';
import { GITHUB_API, GITHUB_BAD_CREDENTIALS, GITHUB_REVOKED, GITLAB_API, JELASTIC_AUTH, githubUser, gitlabRotated, jelastic } from '../../test-support/platform-answers';
import { renderApp } from '../../test-support/render-app';
import type { SeedOptions } from '../../test-support/seed';
import { mockListViewport, useUiTestCleanup } from '../../test-support/setup';

useUiTestCleanup();
let restore: () => void;
beforeEach(() => {
  restore = mockListViewport(640);
});
afterEach(() => restore());

const HOSTER = 'https://app.hoster.example';
const list = () => screen.getByRole('listbox', { name: 'Tokens' });
const row = (name: RegExp) => within(list()).getByRole('option', { name });

async function select(name: string, opts: SeedOptions) {
  const r = await renderApp({ unlocked: true, ...opts });
  await r.user.click(within(await screen.findByRole('listbox', { name: 'Tokens' })).getByRole('option', { name: new RegExp(name) }));
  const pane = screen.getByRole('complementary');
  await waitFor(() => expect(useStore.getState().platforms.length).toBeGreaterThan(0));
  return { ...r, pane };
}

test('Check shows the result on the row and in the pane (result and reason)', async () => {
  vi.useFakeTimers({ now: new Date('2026-11-23T12:00:00Z'), toFake: ['Date'] });
  const { pane, user, api, backend, idOf } = await select('CI deploy', { tokens: [{ name: 'CI deploy', platform: 'github' }] });
  backend.web.answer('GET', `${GITHUB_API}/user`, GITHUB_BAD_CREDENTIALS);
  expect(within(row(/CI deploy/)).getByText('Never checked')).toBeTruthy();
  await user.click(within(pane).getByRole('button', { name: 'Check' }));
  expect(api.calls.find((c) => c.channel === 'tokens.check')?.request).toEqual({ id: idOf('CI deploy') });
  expect(await screen.findByText(/Checked “CI deploy”: Invalid \(401 Bad credentials\)/)).toBeTruthy();
  expect(within(row(/CI deploy/)).getByText(/^Checked 2026-11-23/)).toBeTruthy();
  expect(row(/CI deploy/).textContent).toContain('Invalid');
  for (const text of ['Invalid', '401 Bad credentials']) expect(within(pane).getAllByText(text).length).toBeGreaterThan(0);
});

test('a never-checked token is not a problem: the pane says so quietly and offers the check, whose owner it then shows', async () => {
  const { pane, user, api, backend, idOf } = await select('Fresh', { tokens: [{ name: 'Fresh', platform: 'github' }] });
  backend.web.answer('GET', `${GITHUB_API}/user`, githubUser('jane'));
  const p = within(pane);
  expect(p.getByText(/Not checked yet/)).toBeTruthy();
  expect(pane.querySelector('.alert')).toBeNull();
  await user.click(p.getByRole('button', { name: 'Check now' }));
  expect(api.calls.find((c) => c.channel === 'tokens.check')?.request).toEqual({ id: idOf('Fresh') });
  await waitFor(() => expect(p.queryByText(/Not checked yet/)).toBeNull());
  expect(p.queryByRole('button', { name: 'Check now' })).toBeNull();
  expect(p.getAllByText('jane').length).toBeGreaterThan(0);
});

test('Check all shows progress from main, then reloads the list', async () => {
  const { user, api, backend } = await select('A', { tokens: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
  backend.web.answer('GET', `${GITHUB_API}/user`, githubUser('octocat'));
  const release = backend.web.holdAfter(1);
  await user.click(screen.getByRole('button', { name: 'Check all' }));
  const bar = await screen.findByRole('progressbar', { name: 'Checking tokens' });
  await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('1'));
  expect(bar.getAttribute('aria-valuemax')).toBe('3');
  expect((screen.getByRole('button', { name: 'Check all' }) as HTMLButtonElement).disabled).toBe(true);
  release();
  expect(await screen.findByText('Checked 3 tokens')).toBeTruthy();
  expect(screen.queryByRole('progressbar')).toBeNull();
  expect(within(list()).getAllByRole('option').every((o) => o.textContent?.includes('Active'))).toBe(true);
  expect(api.calls.filter((c) => c.channel === 'tokens.list').length).toBeGreaterThanOrEqual(2);
});

test('Revoke… (API) asks for confirmation naming the token; Cancel does nothing, Revoke marks it', async () => {
  const { pane, user, api, backend } = await select('CI deploy', { tokens: [{ name: 'CI deploy', platform: 'github' }] });
  backend.web.answer('POST', `${GITHUB_API}/credentials/revoke`, GITHUB_REVOKED);
  await user.click(within(pane).getByRole('button', { name: 'Revoke…' }));
  let dialog = screen.getByRole('dialog', { name: 'Revoke token?' });
  expect(dialog.textContent).toContain('“CI deploy”');
  expect(within(dialog).queryByLabelText('Account password')).toBeNull();
  expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(api.calls.some((c) => c.channel === 'tokens.revoke')).toBe(false);

  await user.click(within(pane).getByRole('button', { name: 'Revoke…' }));
  dialog = screen.getByRole('dialog', { name: 'Revoke token?' });
  await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
  expect(await screen.findByText('Revoked “CI deploy”')).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(row(/CI deploy/).textContent).toContain('Revoked');
  expect((within(pane).getByRole('button', { name: 'Revoke…' }) as HTMLButtonElement).disabled).toBe(true);
  expect(backend.web.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${GITHUB_API}/credentials/revoke`]);
});

test('a platform that needs the account password asks for it, sends it once, keeps it nowhere', async () => {
  const PW = 'my-jelastic-password';
  const { pane, user, api, backend, idOf } = await select('Hoster', { tokens: [{ name: 'Hoster', platform: 'jelastic', baseUrl: HOSTER, platformTokenId: '77' }] });
  backend.web.answer('POST', `${HOSTER}${JELASTIC_AUTH}/deletetokens`, jelastic(0));
  await user.click(within(pane).getByRole('button', { name: 'Revoke…' }));
  const dialog = screen.getByRole('dialog', { name: 'Revoke token?' });
  const field = within(dialog).getByLabelText('Account password') as HTMLInputElement;
  expect(field.type).toBe('password');
  expect(document.activeElement).toBe(field);
  await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
  expect(within(dialog).getByRole('alert').textContent).toMatch(/account password/);
  expect(api.calls.some((c) => c.channel === 'tokens.revoke')).toBe(false);
  await user.type(field, PW);
  await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
  expect(await screen.findByText('Revoked “Hoster”')).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'tokens.revoke')?.request).toEqual({ id: idOf('Hoster'), password: PW });
  expect(backend.web.requests.filter((r) => r.body.includes(encodeURIComponent(PW)) || r.body.includes(PW))).toHaveLength(1);
  expect(JSON.stringify(useStore.getState())).not.toContain(PW);
  expect(document.documentElement.outerHTML).not.toContain(PW);
});

test('guided revoke: open the token page, then "I revoked it" confirms', async () => {
  const { pane, user, api, backend, idOf } = await select('Brass key', { tokens: [{ name: 'Brass key', platform: 'brass' }] });
  await user.click(within(pane).getByRole('button', { name: 'Revoke…' }));
  const dialog = screen.getByRole('dialog', { name: 'Revoke token?' });
  expect(dialog.textContent).toMatch(/no API to revoke/);
  await user.click(within(dialog).getByRole('button', { name: 'Open token page' }));
  expect(api.calls.find((c) => c.channel === 'app.openTokenPage')?.request).toEqual({ id: idOf('Brass key') });
  await waitFor(() => expect(backend.openedPages).toEqual(['https://getbrass.co/']));
  await user.click(within(dialog).getByRole('button', { name: 'I revoked it' }));
  expect(await screen.findByText('Revoked “Brass key”')).toBeTruthy();
  expect(api.calls.filter((c) => c.channel === 'tokens.revoke').at(-1)?.request).toEqual({ id: idOf('Brass key'), confirmedGuided: true });
  expect(row(/Brass key/).textContent).toContain('Revoked');
});

test('Rotate… only where the platform has a rotate API; confirmation, then the view updates', async () => {
  const { pane, user, api, backend, idOf } = await select('GL', { tokens: [{ name: 'GL', platform: 'gitlab' }, { name: 'GH', platform: 'github' }] });
  backend.web.answer('POST', `${GITLAB_API}/personal_access_tokens/self/rotate`, gitlabRotated(`glpat-${'N'.repeat(20)}`, '2027-03-01'));
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  expect(dialog.textContent).toContain('“GL”');
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect(await screen.findByText(/Rotated “GL”/)).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'tokens.rotate')?.request).toEqual({ id: idOf('GL') });
  await user.click(row(/GH/));
  await waitFor(() => expect(within(pane).getByRole('heading', { level: 2, name: 'GH' })).toBeTruthy());
  expect(within(pane).queryByRole('button', { name: 'Rotate…' })).toBeNull();
});

test('Copy as curl / Copy header ask main; errors (no base URL) are shown', async () => {
  const { pane, user, api, backend, idOf } = await select('GH', { tokens: [{ name: 'GH', platform: 'github', token: 'ghp_secret' }, { name: 'IO', platform: 'iobeya' }] });
  await user.click(within(pane).getByRole('button', { name: 'Copy as curl' }));
  expect(await screen.findByText('Copied curl command — clears in 30 s')).toBeTruthy();
  expect(backend.clipboard.text).toContain('curl');
  await user.click(within(pane).getByRole('button', { name: 'Copy header' }));
  expect(await screen.findByText('Copied header — clears in 30 s')).toBeTruthy();
  expect(backend.clipboard.text).toBe('Authorization: Bearer ghp_secret');
  expect(api.calls.filter((c) => c.channel === 'tokens.copySnippet').map((c) => c.request)).toEqual([
    { id: idOf('GH'), kind: 'curl' },
    { id: idOf('GH'), kind: 'header' },
  ]);
  expect(document.documentElement.outerHTML).not.toContain('ghp_secret');
  await user.click(row(/IO/));
  await user.click(within(screen.getByRole('complementary')).getByRole('button', { name: 'Copy as curl' }));
  expect(await screen.findByText(/set this account's Base URL/)).toBeTruthy();
});

test('Jelastic, expired token: the dialog starts with signing in; login and password go to main once, kept nowhere', async () => {
  const PW = 'my-jelastic-password';
  const SESSION = 'jelastic-session-0123456789';
  const { pane, user, api, backend, idOf } = await select('Old hoster', {
    tokens: [{ name: 'Old hoster', platform: 'jelastic', baseUrl: HOSTER, platformTokenId: '77', expiresAt: '2026-01-01' }],
  });
  backend.web.answer('POST', `${HOSTER}${JELASTIC_AUTH}/signin`, jelastic(0, { session: SESSION }));
  backend.web.answer('POST', `${HOSTER}${JELASTIC_AUTH}/deletetokens`, jelastic(0));
  backend.web.answer('POST', `${HOSTER}${JELASTIC_AUTH}/signout`, jelastic(0));
  await user.click(within(pane).getByRole('button', { name: 'Revoke…' }));
  const dialog = screen.getByRole('dialog', { name: 'Revoke token?' });
  const signIn = within(dialog).getByRole('checkbox', { name: 'Sign in with the account login instead of the token' }) as HTMLInputElement;
  expect(signIn.checked).toBe(true);
  await user.type(within(dialog).getByLabelText('Account password'), PW);
  await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
  expect(within(dialog).getByRole('alert').textContent).toMatch(/Enter the account login/);
  expect(api.calls.some((c) => c.channel === 'tokens.revoke')).toBe(false);
  await user.type(within(dialog).getByLabelText('Account login'), ' jane@acme.example ');
  await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
  expect(await screen.findByText('Revoked “Old hoster”')).toBeTruthy();
  expect(api.calls.find((c) => c.channel === 'tokens.revoke')?.request).toEqual({ id: idOf('Old hoster'), password: PW, login: 'jane@acme.example' });
  // Signed in with the login, revoked inside that session, signed out.
  expect(backend.web.requests.map((r) => r.url.slice(`${HOSTER}${JELASTIC_AUTH}/`.length))).toEqual(['signin', 'deletetokens', 'signout']);
  expect(JSON.stringify(useStore.getState())).not.toContain(PW);
  expect(JSON.stringify(useStore.getState())).not.toContain('jane@acme.example');
});

test('Jelastic: when main says the token cannot do it (NEEDS_SIGN_IN), signing in is switched on and the login asked for', async () => {
  const { pane, user, api, backend, idOf } = await select('Narrow', { tokens: [{ name: 'Narrow', platform: 'jelastic', baseUrl: HOSTER, platformTokenId: '78' }] });
  // The token's API set lacks RegenerateToken (8202); inside a signed-in session it works.
  backend.web.answer('POST', `${HOSTER}${JELASTIC_AUTH}/regeneratetoken`, (req) =>
    req.body.includes('session=') ? jelastic(0, { token: 'e'.repeat(40) }) : jelastic(8202, { error: 'permission denied' }),
  );
  backend.web.answer('POST', `${HOSTER}${JELASTIC_AUTH}/signin`, jelastic(0, { session: 'jelastic-session-0123456789' }));
  backend.web.answer('POST', `${HOSTER}${JELASTIC_AUTH}/signout`, jelastic(0));
  await user.click(within(pane).getByRole('button', { name: 'Rotate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Rotate token?' });
  expect((within(dialog).getByRole('checkbox', { name: /Sign in with the account login/ }) as HTMLInputElement).checked).toBe(false);
  expect(within(dialog).queryByLabelText('Account login')).toBeNull();
  await user.type(within(dialog).getByLabelText('Account password'), 'pw-1');
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect(await within(dialog).findByText(/permission denied \(8202\)/)).toBeTruthy();
  const login = within(dialog).getByLabelText('Account login');
  await waitFor(() => expect(document.activeElement).toBe(login));
  await user.type(login, 'jane'); // the password typed before is kept for the retry
  await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
  expect(await screen.findByText(/Rotated “Narrow”/)).toBeTruthy();
  expect(api.calls.filter((c) => c.channel === 'tokens.rotate').at(-1)?.request).toEqual({ id: idOf('Narrow'), password: 'pw-1', login: 'jane' });
});

test('GitHub Enterprise Server without the revoke API: the dialog turns guided, with the server’s own token page', async () => {
  const GHE = 'https://ghe.acme.example/api/v3';
  const { pane, user, api, backend, idOf } = await select('GHE', { tokens: [{ name: 'GHE', platform: 'github', baseUrl: GHE }] });
  backend.web.answer('POST', `${GHE}/credentials/revoke`, { status: 404, json: { message: 'Not Found' } });
  await user.click(within(pane).getByRole('button', { name: 'Revoke…' }));
  const dialog = screen.getByRole('dialog', { name: 'Revoke token?' });
  expect(within(dialog).queryByRole('checkbox')).toBeNull();
  await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
  expect(await within(dialog).findByText(/no credential-revoke API/)).toBeTruthy();
  expect(within(dialog).getByText('https://ghe.acme.example/settings/tokens')).toBeTruthy();
  await user.click(within(dialog).getByRole('button', { name: 'Open token page' }));
  await waitFor(() => expect(backend.openedPages).toEqual(['https://ghe.acme.example/settings/tokens']));
  await user.click(within(dialog).getByRole('button', { name: 'I revoked it' }));
  expect(await screen.findByText('Revoked “GHE”')).toBeTruthy();
  expect(api.calls.filter((c) => c.channel === 'tokens.revoke').map((c) => c.request)).toEqual([{ id: idOf('GHE') }, { id: idOf('GHE'), confirmedGuided: true }]);
});
