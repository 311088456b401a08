/**
 * Needs attention and renewal reminders, end to end: the built renderer in Chromium, the real
 * core behind the bridge with reminders on (recording notifier, badge) in Europe/Paris, the
 * service clock and the page's clock set to the same instants. Loopback mocks stand in for
 * GitHub so checks can leave a token "invalid", "stale" or healthy without any real platform.
 *
 *  - The "Needs attention (N)" tab: N equals the items listed and the badge; one item per real
 *    problem (expired, invalid, expiring, revoked) in urgency order, each with its reason in
 *    words and the best action the platform allows (GitLab: Rotate); the healthy, the never
 *    checked and the long-unchecked tokens are not listed.
 *  - Reminders: a missed one is shown when the token is added; the next fires exactly at
 *    09:00 local (not at 08:59), once (a second evaluation shows nothing new); clicking it
 *    selects the token in the page. Locked, a reminder names no token, account, client or
 *    platform.
 *  - Settings → Renewal reminders: new days and hour are what the scheduler uses at once.
 *
 * Axe scan and screenshot of the attention view, the app after a reminder click and the
 * reminder settings.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../electron/core/platforms/http';
import { startMockServer, type MockServer } from '../../electron/core/platforms/test-support/mock-server';
import {
  CHROMIUM_HINT,
  badgeCount,
  chromiumAvailable,
  clickNotification,
  domText,
  expectNoAxeViolations,
  launchApp,
  notifications,
  rpc,
  setClock,
  shot,
  type App,
} from './harness';
import { ATTENTION, BUTTON, DIALOG, LABEL, attentionTab, button, field } from './ui';

const run = chromiumAvailable();
const PASSWORD = 'e2e attention reminders — long enough';
const ZONE = 'Europe/Paris';
/** "Now" for the attention view: Friday 20 November 2026, 12:00 in Paris (CET, UTC+1). */
const T0 = '2026-11-20T12:00:00+01:00';


const value = (prefix: string, tag: string, length: number): string => `${prefix}${tag}${'0'.repeat(Math.max(0, length - tag.length))}`;

/** The seeded tokens. The `mock` ones point at a loopback GitHub: 'ok' answers 200, 'bad' 401. */
const T = {
  expired: { platform: 'github', account: 'octo-att', client: 'Acme att', name: 'Expired e2e-att', token: value('ghp_', 'ATTexpired', 36), expiresAt: '2026-11-17' },
  invalid: { platform: 'github', account: 'octo-att', client: 'Globex att', name: 'Invalid e2e-att', token: value('ghp_', 'ATTinvalid', 36), mock: 'bad' },
  soon: { platform: 'gitlab', account: 'gl-att', client: 'Acme att', name: 'Soon e2e-att', token: value('glpat-', 'ATTsoon', 20), expiresAt: '2026-11-22' },
  revoked: { platform: 'brass', account: 'brass-att', client: 'Initech att', name: 'Revoked e2e-att', token: value('7|pat-', 'ATTrevoked', 40) },
  never: { platform: 'yeswehack', account: 'ywh-att', client: 'Initech att', name: 'Never e2e-att', token: value('ywh-', 'ATTnever', 36) },
  stale: { platform: 'github', account: 'octo-att', client: 'Globex att', name: 'Stale e2e-att', token: value('ghp_', 'ATTstale', 36), mock: 'ok' },
  healthy: { platform: 'github', account: 'octo-att', client: 'Acme att', name: 'Healthy e2e-att', token: value('ghp_', 'ATThealthy', 36), expiresAt: '2026-12-05', mock: 'dated' },
} as const;
type Key = keyof typeof T;
const ALL = Object.values(T);

/** What the attention view must show at T0, most urgent first. */
const EXPECTED: readonly { key: Key; reason: RegExp; action: string }[] = [
  { key: 'expired', reason: /Expired 3 days ago \(2026-11-17\)/, action: 'Renew' },
  { key: 'invalid', reason: /Invalid at last check \(checked 2026-11-20/, action: 'Renew' },
  // GitLab rotates a working token through its API: the best action is Rotate, not its page.
  { key: 'soon', reason: /Expires in 2 days \(2026-11-22\)/, action: 'Rotate' },
  { key: 'revoked', reason: /Revoked \(checked 2026-11-20/, action: 'Remove' },
];

/** Words a locked reminder must never contain: every name, account, client, platform and value. */
const PRIVATE_WORDS = [
  ...new Set(ALL.flatMap((t) => [t.name, t.account, t.client, t.platform, t.token])),
  'GitHub',
  'GitLab',
  'YesWeHack',
  'Brass',
];

describe.skipIf(!run)(`e2e needs attention and reminders (${run ? 'Chromium' : CHROMIUM_HINT})`, () => {
  let app: App;
  let page: Page;
  let okMock: MockServer;
  let badMock: MockServer;
  let datedMock: MockServer;
  const ids = {} as Record<Key, string>;

  /** Moves the service's clock (re-evaluating reminders) and the page's to the same instant. */
  async function at(iso: string): Promise<void> {
    await setClock(app.bridge, iso);
    await page.clock.setFixedTime(new Date(iso));
  }

  beforeAll(async () => {
    okMock = await startMockServer({ 'GET /user': { json: { login: 'octo-att' }, headers: { 'x-oauth-scopes': 'repo' } } });
    badMock = await startMockServer({ '* *': { status: 401, json: { message: 'Bad credentials' } } });
    // GitHub states a dated token's end in this header (an instant with its offset); without it
    // a token never expires, and that is what the platform's word makes of the typed date.
    datedMock = await startMockServer({
      'GET /user': { json: { login: 'octo-att' }, headers: { 'x-oauth-scopes': 'repo', 'github-authentication-token-expiration': '2026-12-05 23:59:59 +0100' } },
    });
    const baseUrl = { ok: okMock.url, bad: badMock.url, dated: datedMock.url } as const;
    app = await launchApp({
      reminders: true,
      timeZone: ZONE,
      bridge: { platformOps: { limiter: createHostLimiter(), timeoutMs: 5000, retryBudgetMs: 0 } },
      noNavigate: true,
      beforeLoad: async (b) => {
        const add = async (k: Key) => {
          const { mock, ...input } = T[k] as (typeof T)[Key] & { mock?: 'ok' | 'bad' | 'dated' };
          ids[k] = (await rpc(b, 'tokens.add', { ...input, ...(mock ? { baseUrl: baseUrl[mock] } : {}) })).id;
        };
        // Fifty days before T0: the stale token's last (good) check.
        await setClock(b, '2026-10-01T10:00:00Z');
        // This user chose to see token names in unlocked reminders (off by default); the
        // locked case below still checks that none is ever named.
        await rpc(b, 'settings.set', { nameTokensInNotifications: true });
        await rpc(b, 'vault.create', { password: PASSWORD });
        await add('stale');
        expect((await rpc(b, 'tokens.check', { id: ids.stale })).status).toBe('active');
        await setClock(b, T0);
        for (const k of ['expired', 'invalid', 'soon', 'revoked', 'never', 'healthy'] as const) await add(k);
        expect((await rpc(b, 'tokens.check', { id: ids.invalid })).status).toBe('invalid');
        expect((await rpc(b, 'tokens.check', { id: ids.healthy })).status).toBe('active');
        expect(await rpc(b, 'tokens.revoke', { id: ids.revoked, confirmedGuided: true })).toMatchObject({ mode: 'guided', confirmed: true });
      },
    });
    page = app.page;
    page.setDefaultTimeout(10_000);
    // The renderer computes "now" itself (new Date()): give it the service's instant.
    await page.clock.setFixedTime(new Date(T0));
    await page.goto(app.bridge.url, { waitUntil: 'load' });
    await button(page, BUTTON.addToken).waitFor();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await okMock?.close();
    await badMock?.close();
    await datedMock?.close();
  });

  it('a reminder missed before the token was added is shown once, at once', async () => {
    // Soon's 7-day reminder (2026-11-15 09:00) was already past when it was added at T0.
    expect(await notifications(app.bridge)).toEqual([{ title: 'Token expires in 2 days', body: 'Soon e2e-att — GitLab / gl-att (Acme att), on 2026-11-22' }]);
    // Expired three days ago: past the "day after expiry" window, so never shown.
    expect(JSON.stringify(await notifications(app.bridge))).not.toContain(T.expired.name);
  });

  it('Needs attention: the tab count = the items = the badge; most urgent first, reason and action each (axe + screenshot)', async () => {
    const tab = attentionTab(page);
    await expect.poll(() => tab.textContent()).toBe(`Needs attention (${EXPECTED.length})`);
    await tab.click();
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    const list = page.getByRole('list', { name: ATTENTION.list });
    await list.waitFor();
    const items = list.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(EXPECTED.length);
    expect(await badgeCount(app.bridge)).toBe(EXPECTED.length);
    await page.getByText(`${EXPECTED.length} tokens need attention, most urgent first.`).waitFor();

    const names = await list.locator('.attention-name').allTextContents();
    expect(names).toEqual(EXPECTED.map((e) => T[e.key].name));
    for (const [i, e] of EXPECTED.entries()) {
      const item = items.nth(i);
      const t = T[e.key];
      expect(await item.textContent()).toMatch(e.reason);
      // The select button's name starts with the token's name; then exactly one action.
      const buttons = item.getByRole('button');
      expect(await buttons.count()).toBe(2);
      expect(await buttons.first().getAttribute('aria-label')).toBeNull();
      expect((await buttons.first().textContent())?.startsWith(t.name)).toBe(true);
      await button(item, `${e.action} ${t.name}`).waitFor();
    }
    // No problem we know of: healthy, never checked, checked 50 days ago.
    for (const quiet of [T.healthy, T.never, T.stale]) expect(names).not.toContain(quiet.name);
    expect(await page.getByText(ATTENTION.empty).count()).toBe(0);

    await shot(page, '40-needs-attention');
    await expectNoAxeViolations(page, '40-needs-attention');

    // Selecting an item shows the token in the detail pane.
    const pick = list.getByRole('button', { name: new RegExp(`^${T.invalid.name}`) });
    await pick.click();
    await page.getByRole('complementary').getByRole('heading', { name: T.invalid.name, level: 2 }).waitFor();
    expect(await pick.getAttribute('aria-current')).toBe('true');
  });

  it('a reminder fires at 09:00 local, exactly once; clicking it selects the token (screenshot)', async () => {
    const before = (await notifications(app.bridge)).length;
    // Soon expires 2026-11-22: its 1-day reminder is due 2026-11-21 09:00 in Paris (08:00Z).
    await at('2026-11-21T08:59:59+01:00');
    expect(await notifications(app.bridge)).toHaveLength(before);
    await at('2026-11-21T09:00:00+01:00');
    const shown = await notifications(app.bridge);
    expect(shown).toHaveLength(before + 1);
    expect(shown.at(-1)).toEqual({ title: 'Token expires tomorrow', body: 'Soon e2e-att — GitLab / gl-att (Acme att), on 2026-11-22' });
    // Evaluating again (clock set again, a write, a later instant that day) shows nothing new.
    await at('2026-11-21T09:00:00+01:00');
    await rpc(app.bridge, 'settings.set', {});
    await at('2026-11-21T17:30:00+01:00');
    expect(await notifications(app.bridge)).toHaveLength(before + 1);

    // Select something else first, so the click is what selects Soon.
    const pane = page.getByRole('complementary');
    await page.getByRole('list', { name: ATTENTION.list }).getByRole('button', { name: new RegExp(`^${T.expired.name}`) }).click();
    await pane.getByRole('heading', { name: T.expired.name, level: 2 }).waitFor();
    await clickNotification(app.bridge, shown.length - 1);
    await pane.getByRole('heading', { name: T.soon.name, level: 2 }).waitFor();
    const soonPick = page.getByRole('list', { name: ATTENTION.list }).getByRole('button', { name: new RegExp(`^${T.soon.name}`) });
    await expect.poll(() => soonPick.getAttribute('aria-current')).toBe('true');
    await shot(page, '41-reminder-clicked');
    await expectNoAxeViolations(page, '41-reminder-clicked');
  });

  it('locked: a reminder names no token, account, client or platform — counts and dates only', async () => {
    await button(page, BUTTON.lock).click();
    await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
    expect(await rpc(app.bridge, 'vault.status', {})).toMatchObject({ unlocked: false });
    const before = (await notifications(app.bridge)).length;
    // Healthy expires 2026-12-05: its 7-day reminder is due 2026-11-28 09:00 in Paris.
    await at('2026-11-28T09:00:00+01:00');
    const shown = await notifications(app.bridge);
    expect(shown).toHaveLength(before + 1);
    const locked = shown.at(-1)!;
    expect(locked).toEqual({ title: 'Token expires in 7 days', body: 'On 2026-12-05. Unlock PAT Vault to see which.' });
    const text = `${locked.title}\n${locked.body}`.toLowerCase();
    expect(PRIVATE_WORDS.filter((w) => text.includes(w.toLowerCase()))).toEqual([]);
    // Locked, the badge counts what the plaintext dates tell: expired or expiring within 7 days.
    expect(await badgeCount(app.bridge)).toBe(3);
    // Clicking an anonymous reminder opens nothing.
    const events = app.bridge.events.length;
    await clickNotification(app.bridge, shown.length - 1);
    expect(app.bridge.events.slice(events).map((e) => e.event)).not.toContain('reminders.openToken');
    await shot(page, '42-locked-after-reminder');
    await expectNoAxeViolations(page, '42-locked-after-reminder');
    expect(await domText(page)).not.toContain(T.healthy.name);
  });

  it('Settings → Renewal reminders: new days and hour drive the scheduler at once (axe + screenshot)', async () => {
    await field(page, LABEL.masterPassword).fill(PASSWORD);
    await button(page, BUTTON.unlock).click();
    await button(page, BUTTON.addToken).waitFor();
    await button(page, BUTTON.settings).click();
    const settings = page.getByRole('dialog', { name: DIALOG.settings });
    await settings.waitFor();
    const group = settings.getByRole('group', { name: 'Renewal reminders' });
    const days = group.getByLabel('Remind days before expiry', { exact: true });
    const hour = group.getByLabel('Remind at', { exact: true });
    expect(await days.inputValue()).toMatch(/^7,\s*1$/);
    expect(await hour.inputValue()).toBe('9');
    await days.fill('3');
    await hour.selectOption('14');
    await group.scrollIntoViewIfNeeded();
    await shot(page, '43-settings-reminders');
    await expectNoAxeViolations(page, '43-settings-reminders');
    await button(settings, BUTTON.save).click();
    await settings.waitFor({ state: 'detached' });
    expect(app.bridge.settings.get()).toMatchObject({ reminderDays: [3], reminderHour: 14 });

    const before = (await notifications(app.bridge)).length;
    // Healthy (2026-12-05): 3 days before is 2026-12-02, now at 14:00 — not at the old 09:00.
    await at('2026-12-02T09:00:00+01:00');
    await at('2026-12-02T13:59:00+01:00');
    expect(await notifications(app.bridge)).toHaveLength(before);
    await at('2026-12-02T14:00:00+01:00');
    const shown = await notifications(app.bridge);
    expect(shown).toHaveLength(before + 1);
    expect(shown.at(-1)).toEqual({ title: 'Token expires in 3 days', body: 'Healthy e2e-att — GitHub / octo-att (Acme att), on 2026-12-05' });
  });

  it('no value reached the page; the page raised no errors', async () => {
    const dom = await domText(page);
    for (const t of ALL) expect(dom).not.toContain(t.token);
    const leaked = app.bridge.responses.filter((r) => ALL.some((t) => r.body.includes(t.token)));
    expect(leaked.map((r) => r.channel)).toEqual([]);
    expect(JSON.stringify(await notifications(app.bridge))).not.toMatch(/ghp_|glpat-|pat-|ywh-/);
    expect(app.errors).toEqual([]);
  });
});
