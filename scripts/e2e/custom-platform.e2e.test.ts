/**
 * A custom platform end to end: the built renderer in Chromium, the real core behind the
 * bridge, and a loopback mock standing in for the user's platform. Define the platform in
 * Settings (header auth with a prefix, a check path, a token page), add a token on it through
 * the Add dialog, click Check and see "Active"; the mock received the token only in the
 * configured header. The pane shows the platform's name and its token page as text (main
 * never opens a user-given URL). Axe scans and screenshots of the Settings section and the pane.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../electron/core/platforms/http';
import { startMockServer, type MockServer } from '../../electron/core/platforms/test-support/mock-server';
import { CHROMIUM_HINT, chromiumAvailable, domText, expectNoAxeViolations, launchApp, shot, type App } from './harness';
import { BUTTON, LABEL, button, rows } from './ui';

const run = chromiumAvailable();
const PASSWORD = 'e2e custom platform — long enough';
const TOKEN = 'acme_' + 'Q'.repeat(32);
const HEADER = 'X-Acme-Key';
const PREFIX = 'key ';
const PLATFORM = 'Loopback Acme';
const TOKEN_NAME = 'Acme ops e2e-custom';
const PAGE_URL = 'https://acme.example/settings/tokens';

describe.skipIf(!run)(`e2e custom platform (${run ? 'Chromium' : CHROMIUM_HINT})`, () => {
  let app: App;
  let page: Page;
  let acme: MockServer;

  beforeAll(async () => {
    // The token is valid only in the configured header, with its prefix.
    acme = await startMockServer({
      'GET /api/me': (req) => (req.headers[HEADER.toLowerCase()] === `${PREFIX}${TOKEN}` ? { json: { ok: true } } : { status: 401, json: { error: 'no' } }),
      '* *': { status: 404, json: { error: 'not found' } },
    });
    app = await launchApp({
      bridge: { platformOps: { limiter: createHostLimiter(), timeoutMs: 5000, retryBudgetMs: 0 } },
      beforeLoad: async (bridge) => {
        await bridge.call('vault.create', { password: PASSWORD });
      },
    });
    page = app.page;
    page.setDefaultTimeout(10_000);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await acme?.close();
  });

  const pane = () => page.getByRole('complementary');
  const label = (scope: Page | Locator, text: string) => scope.getByLabel(text, { exact: true });

  it('defines the platform in Settings and lists it (axe + screenshot)', async () => {
    await button(page, BUTTON.settings).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByText('No custom platforms yet.').waitFor();
    await button(settings, 'Add custom platform').click();
    const form = page.getByRole('dialog', { name: 'Add custom platform' });
    await form.waitFor();
    await label(form, 'Name').fill(PLATFORM);
    await label(form, 'Base URL').fill(acme.url);
    await label(form, 'Token goes in').selectOption('header');
    await label(form, 'Header name').fill(HEADER);
    await label(form, 'Prefix').fill(PREFIX);
    await label(form, 'Check path').fill('/api/me');
    await label(form, 'Token page URL').fill(PAGE_URL);
    await shot(page, '30-custom-platform-form');
    await expectNoAxeViolations(page, '30-custom-platform-form');
    await button(form, BUTTON.save).click();
    await form.waitFor({ state: 'detached' });

    const row = settings.getByRole('row').filter({ has: page.getByRole('rowheader', { name: PLATFORM }) });
    await row.waitFor();
    expect(await row.textContent()).toContain(acme.url);
    expect(await row.textContent()).toContain('GET /api/me → 200');
    await shot(page, '31-settings-custom-platforms');
    await expectNoAxeViolations(page, '31-settings-custom-platforms');
    await button(settings, BUTTON.cancel).click();
    await settings.waitFor({ state: 'detached' });
  });

  it('adds a token on it; Check reaches the mock with the token only in the configured header', async () => {
    await button(page, BUTTON.addToken).click();
    const dialog = page.getByRole('dialog', { name: 'Add token' });
    await label(dialog, LABEL.tokenValue).fill(TOKEN);
    await label(dialog, LABEL.platform).selectOption('custom');
    await label(dialog, 'Custom platform').selectOption({ label: PLATFORM });
    await label(dialog, LABEL.name).fill(TOKEN_NAME);
    await label(dialog, LABEL.account).fill('acme-ops');
    await shot(page, '32-add-token-custom');
    await expectNoAxeViolations(page, '32-add-token-custom');
    await button(dialog, BUTTON.save).click();
    await dialog.waitFor({ state: 'detached' });

    const row = rows(page).filter({ hasText: TOKEN_NAME });
    await expect.poll(() => row.textContent()).toContain(PLATFORM);
    await row.click();
    await pane().getByRole('heading', { name: TOKEN_NAME, level: 2 }).waitFor();
    expect(await label(pane(), 'Token page').inputValue()).toBe(PAGE_URL);
    expect(await button(pane(), 'Open token page').count()).toBe(0);

    await button(pane(), 'Check').click();
    await page.getByRole('status').getByText(`Checked “${TOKEN_NAME}”: Active`).waitFor();
    await expect.poll(() => row.textContent()).toMatch(/Active/);

    expect(acme.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/me']);
    const [req] = acme.requests;
    expect(req?.headers[HEADER.toLowerCase()]).toBe(`${PREFIX}${TOKEN}`);
    // Only there: not in the path, the query, the body or any other header.
    expect(req?.rawQuery).toBe('');
    expect(req?.body).toBe('');
    const elsewhere = Object.entries(req?.headers ?? {}).filter(([k, v]) => k !== HEADER.toLowerCase() && v.includes(TOKEN));
    expect(elsewhere).toEqual([]);
    expect(acme.requestsCarrying(TOKEN)).toHaveLength(1);

    await shot(page, '33-custom-token-checked');
    await expectNoAxeViolations(page, '33-custom-token-checked');
    expect(await domText(page)).not.toContain(TOKEN);
    for (const r of app.bridge.responses) expect(r.body).not.toContain(TOKEN);
    expect(app.errors).toEqual([]);
  });
});
