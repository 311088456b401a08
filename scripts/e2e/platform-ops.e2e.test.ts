/**
 * Platform operations end to end: the built renderer in Chromium, the real core behind the
 * bridge, and a loopback mock standing in for GitHub (the account's base URL points at it).
 * Check one (the mock sees the exact auth header; the row and the pane show the result),
 * check all with progress events, a guided revoke behind its confirmation dialog (axe
 * scan and screenshot of the dialog), and a Jelastic revoke of an expired token signed in with
 * the account login and password (axe scan and screenshot of those fields), and a GitLab
 * rotation: the dialog offers the expiry GitLab reported (axe scan and screenshot), an answer
 * that never comes marks the token "rotation unconfirmed" and blocks another rotation until a
 * check shows the old value works. The page never receives a token value, and keeps no account
 * password.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../electron/core/platforms/http';
import { startMockServer, type MockServer } from '../../electron/core/platforms/test-support/mock-server';
import { CHROMIUM_HINT, chromiumAvailable, domText, expectNoAxeViolations, launchApp, shot, type App } from './harness';
import { button, rows } from './ui';

const run = chromiumAvailable();
const PASSWORD = 'e2e platform ops — long enough';
const GH = 'ghp_' + 'E'.repeat(36);
const BRASS = '7|pat-' + 'F'.repeat(40);
const JEL = 'd'.repeat(40);
const JEL_PASSWORD = 'jelastic account pw e2e';
const JEL_SESSION = 'e2e-session-'.padEnd(40, 'z');
const J = '/1.0/users/authentication/rest';
const GL = 'glpat-' + 'G'.repeat(20);
const GL_NEW = 'glpat-' + 'H'.repeat(20);
const GL_SELF = '/api/v4/personal_access_tokens/self';

describe.skipIf(!run)(`e2e platform operations (${run ? 'Chromium' : CHROMIUM_HINT})`, () => {
  let app: App;
  let page: Page;
  let github: MockServer;
  let brass: MockServer;
  let jelastic: MockServer;
  let gitlab: MockServer;

  beforeAll(async () => {
    github = await startMockServer({
      'GET /user': { json: { login: 'octo-e2e' }, headers: { 'x-oauth-scopes': 'repo, workflow' } },
    });
    // Every account points at a loopback mock: no check may reach a real platform.
    brass = await startMockServer({ '* *': { status: 401, json: { message: 'Unauthenticated.' } } });
    jelastic = await startMockServer({
      [`POST ${J}/signin`]: { json: { result: 0, session: JEL_SESSION } },
      [`POST ${J}/deletetokens`]: { json: { result: 0 } },
      [`POST ${J}/signout`]: { json: { result: 0 } },
    });
    gitlab = await startMockServer({
      [`GET ${GL_SELF}`]: { json: { id: 5, name: 'ci', revoked: false, active: true, scopes: ['api'], user_id: 9, expires_at: '2027-03-01', last_used_at: '2026-11-20T08:00:00.000Z' } },
      // A gateway that gives up after forwarding: GitLab may have rotated, nobody can tell.
      [`POST ${GL_SELF}/rotate`]: { status: 502, text: 'Bad Gateway' },
    });
    app = await launchApp({
      bridge: { platformOps: { limiter: createHostLimiter(), timeoutMs: 5000, retryBudgetMs: 0 } },
      beforeLoad: async (bridge) => {
        await bridge.call('vault.create', { password: PASSWORD });
        await bridge.call('tokens.add', { platform: 'github', account: 'octo', name: 'GH e2e-ops', token: GH, baseUrl: github.url });
        await bridge.call('tokens.add', { platform: 'brass', account: 'brass', name: 'Brass e2e-ops', token: BRASS, baseUrl: brass.url });
        await bridge.call('tokens.add', {
          platform: 'jelastic',
          account: 'hoster',
          name: 'Jelastic e2e-ops',
          token: JEL,
          baseUrl: jelastic.url,
          platformTokenId: '77',
          expiresAt: '2020-01-31',
        });
        await bridge.call('tokens.add', { platform: 'gitlab', account: 'acme', name: 'GitLab e2e-ops', token: GL, baseUrl: `${gitlab.url}/api/v4` });
      },
    });
    page = app.page;
    page.setDefaultTimeout(10_000);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await github?.close();
    await brass?.close();
    await jelastic?.close();
    await gitlab?.close();
  });

  const row = (name: string) => rows(page).filter({ hasText: name });
  const pane = () => page.getByRole('complementary');

  it('Check: the mock gets the token in the exact header; row and pane show the result', async () => {
    await row('GH e2e-ops').click();
    await pane().getByRole('heading', { name: 'GH e2e-ops', level: 2 }).waitFor();
    await button(pane(), 'Check').click();
    await page.getByRole('status').getByText(/Checked “GH e2e-ops”: Active/).waitFor();
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /user']);
    expect(github.requests[0]?.headers['authorization']).toBe(`Bearer ${GH}`);
    expect(github.requestsCarrying(BRASS)).toEqual([]);
    await expect.poll(() => row('GH e2e-ops').textContent()).toMatch(/Active/);
    await pane().getByText('octo-e2e').waitFor();
    expect(await domText(page)).not.toContain(GH);
  });

  it('Check all: progress events, then the list is reloaded', async () => {
    await button(page, 'Check all').click();
    await page.getByRole('status').getByText('Checked 4 tokens').waitFor();
    const progress = app.bridge.events.filter((e) => e.event === 'tokens.checkProgress').map((e) => e.payload);
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(brass.requests.length).toBeGreaterThan(0);
    expect(brass.requestsCarrying(GH)).toEqual([]);
    expect(github.requestsCarrying(BRASS)).toEqual([]);
    await expect.poll(() => row('Brass e2e-ops').textContent()).toMatch(/Invalid/);
  });

  it('guided revoke: the dialog names the token (axe + screenshot), "I revoked it" marks it', async () => {
    await row('Brass e2e-ops').click();
    await pane().getByRole('heading', { name: 'Brass e2e-ops', level: 2 }).waitFor();
    await button(pane(), 'Revoke…').click();
    const dialog = page.getByRole('dialog', { name: 'Revoke token?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('“Brass e2e-ops”');
    await shot(page, '20-revoke-dialog');
    await expectNoAxeViolations(page, '20-revoke-dialog');
    await button(dialog, 'I revoked it').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row('Brass e2e-ops').textContent()).toMatch(/Revoked/);
    const list = await app.bridge.call('tokens.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.find((t) => t.platform === 'brass')?.status).toBe('revoked');
    for (const r of app.bridge.responses) {
      expect(r.body).not.toContain(GH);
      expect(r.body).not.toContain(BRASS);
    }
  });

  it('Jelastic, expired token: revoke signs in with the account login and password, then signs out; the page keeps neither', async () => {
    jelastic.reset();
    await row('Jelastic e2e-ops').click();
    await pane().getByRole('heading', { name: 'Jelastic e2e-ops', level: 2 }).waitFor();
    await button(pane(), 'Revoke…').click();
    const dialog = page.getByRole('dialog', { name: 'Revoke token?' });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'Sign in with the account login instead of the token' }).isChecked()).toBe(true);
    await dialog.getByLabel('Account password', { exact: true }).fill(JEL_PASSWORD);
    await dialog.getByLabel('Account login', { exact: true }).fill('jane@hoster.example');
    await shot(page, '21-revoke-sign-in');
    await expectNoAxeViolations(page, '21-revoke-sign-in');
    await button(dialog, 'Revoke').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row('Jelastic e2e-ops').textContent()).toMatch(/Revoked/);
    expect(jelastic.requests.map((r) => r.path)).toEqual([`${J}/signin`, `${J}/deletetokens`, `${J}/signout`]);
    expect(Object.fromEntries(new URLSearchParams(jelastic.requests[1]?.body))).toEqual({ appid: 'cluster', session: JEL_SESSION, ids: '77', password: JEL_PASSWORD });
    expect(jelastic.requestsCarrying(JEL)).toEqual([]);
    const text = await domText(page);
    for (const secret of [JEL, JEL_PASSWORD, JEL_SESSION]) expect(text).not.toContain(secret);
    for (const r of app.bridge.responses) for (const secret of [JEL, JEL_PASSWORD, JEL_SESSION]) expect(r.body).not.toContain(secret);
  });

  it('GitLab rotate: the dialog offers the reported expiry; no answer marks the token and blocks another rotation until a check', async () => {
    gitlab.reset();
    await row('GitLab e2e-ops').click();
    await pane().getByRole('heading', { name: 'GitLab e2e-ops', level: 2 }).waitFor();
    await pane().getByText('Last used').waitFor();
    await button(pane(), 'Rotate…').click();
    const dialog = page.getByRole('dialog', { name: 'Rotate token?' });
    await dialog.waitFor();
    // Check all stored GitLab's own date: the new token keeps it.
    expect(await dialog.getByLabel('New token expires').inputValue()).toBe('2027-03-01');
    await shot(page, '22-rotate-expiry');
    await expectNoAxeViolations(page, '22-rotate-expiry');
    await button(dialog, 'Rotate').click();
    await dialog.getByRole('alert').getByText(/Do not rotate again with the old value/).waitFor();
    expect(gitlab.requests.map((r) => [r.method, r.path, r.json])).toEqual([['POST', `${GL_SELF}/rotate`, { expires_at: '2027-03-01' }]]);
    await button(dialog, 'Cancel').click();
    await pane().getByRole('region', { name: 'Rotation unconfirmed' }).waitFor();
    expect(await button(pane(), 'Rotate…').isDisabled()).toBe(true);

    // The old value still works (a GET never triggers GitLab's reuse detection): nothing was rotated.
    await button(pane(), 'Check').click();
    await page.getByRole('status').getByText(/Checked “GitLab e2e-ops”: Active/).waitFor();
    await pane().getByRole('region', { name: 'Rotation unconfirmed' }).waitFor({ state: 'detached' });
    expect(await button(pane(), 'Rotate…').isDisabled()).toBe(false);
    expect(gitlab.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    const text = await domText(page);
    expect(text).not.toContain(GL);
    expect(text).not.toContain(GL_NEW);
  });
});
