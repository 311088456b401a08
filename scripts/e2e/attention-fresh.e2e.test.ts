/**
 * A fresh vault needs no attention: tokens just added, never checked, with a far or no expiry
 * have no problem we know of, so the "Needs attention" tab says 0, the badge says 0, and the
 * view shows its empty state — while the list still shows each token quietly as unchecked.
 * (Before issue 10, never-checked tokens all counted: 10,000 of 10,000 "needed attention".)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_HINT, badgeCount, chromiumAvailable, expectNoAxeViolations, launchApp, rpc, setClock, shot, type App } from './harness';
import { ATTENTION, BUTTON, attentionTab, rows } from './ui';

const run = chromiumAvailable();
const NOW = '2026-11-20T12:00:00+01:00';
const FRESH = [
  { platform: 'github', account: 'octo-fresh', name: 'Fresh GitHub', token: `ghp_FRESH${'0'.repeat(31)}`, expiresAt: '2027-06-30' },
  { platform: 'gitlab', account: 'gl-fresh', name: 'Fresh GitLab', token: `glpat-FRESH${'0'.repeat(15)}` },
  { platform: 'brass', account: 'brass-fresh', name: 'Fresh Brass', token: `3|pat-FRESH${'0'.repeat(35)}` },
  { platform: 'yeswehack', account: 'ywh-fresh', name: 'Fresh YesWeHack', token: `ywh-FRESH${'0'.repeat(30)}`, expiresAt: '2027-01-15' },
];

describe.skipIf(!run)(`e2e attention on a fresh vault (${run ? 'Chromium' : CHROMIUM_HINT})`, () => {
  let app: App;

  beforeAll(async () => {
    app = await launchApp({
      reminders: true,
      timeZone: 'Europe/Paris',
      noNavigate: true,
      beforeLoad: async (b) => {
        await setClock(b, NOW);
        await rpc(b, 'vault.create', { password: 'e2e fresh vault — long enough' });
        for (const t of FRESH) await rpc(b, 'tokens.add', t);
      },
    });
    await app.page.clock.setFixedTime(new Date(NOW));
    await app.page.goto(app.bridge.url, { waitUntil: 'load' });
    await app.page.getByRole('button', { name: BUTTON.addToken, exact: true }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('never-checked tokens count 0: the tab, the badge and the empty view agree (axe + screenshot)', async () => {
    const page = app.page;
    await expect.poll(() => rows(page).count()).toBe(FRESH.length);
    const tab = attentionTab(page);
    await expect.poll(() => tab.textContent()).toBe('Needs attention (0)');
    expect(await badgeCount(app.bridge)).toBe(0);
    await tab.click();
    await page.getByText(ATTENTION.empty).waitFor();
    expect(await page.getByRole('list', { name: ATTENTION.list }).count()).toBe(0);
    await shot(page, '44-fresh-vault-no-attention');
    await expectNoAxeViolations(page, '44-fresh-vault-no-attention');
  });
});
