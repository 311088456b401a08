/**
 * The desktop app's flows, end to end: the built renderer in Debian's Chromium, `window.api`
 * over the loopback bridge to the real core (real vault file, real crypto). One app session,
 * steps in order, as a user would go: first run → add tokens on three platforms through the
 * Add dialog → search → filter → lock and unlock → settings, persisted across a reload →
 * copy (the clipboard adapter got the value; the DOM and the page's whole JS heap never held
 * it) → reveal and auto-hide → edit → delete with confirmation. Every screen gets an axe-core
 * scan (zero violations) and a screenshot in artifacts/screenshots.
 *
 * "The renderer store never contained the value" is checked without any hook in the app: a
 * V8 heap snapshot of the page (through the DevTools protocol) is searched for the value, which
 * covers the zustand store and everything else the page holds; and every /rpc answer the page
 * received is checked too.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_HINT,
  bridgeGet,
  chromiumAvailable,
  domText,
  expectNoAxeViolations,
  heapStringsContaining,
  launchApp,
  shot,
  type App,
} from './harness';
import { BUTTON, LABEL, button, field, rows } from './ui';

const run = chromiumAvailable();
const PASSWORD = 'e2e master password — long enough';

interface NewToken {
  platform: string;
  account: string;
  client?: string;
  name: string;
  token: string;
  scopes?: string;
  expires?: string;
  notes?: string;
}

const TYPED: NewToken[] = [
  {
    platform: 'github',
    account: 'octo-e2e',
    client: 'Acme e2e',
    name: 'Deploy bot e2e-gh',
    token: 'ghp_E2Egithub0abcdefghijklmnopqrstuvwxyz01',
    scopes: 'repo, read:org',
    expires: '2027-03-04',
    notes: 'rotate quarterly',
  },
  {
    platform: 'gitlab',
    account: 'gl-e2e',
    client: 'Globex e2e',
    name: 'Registry pull e2e-gl',
    token: 'glpat-E2Egitlab0aaaabbbbcccc',
    scopes: 'read_registry',
    expires: '2026-12-01',
  },
  {
    platform: 'yeswehack',
    account: 'ywh-e2e',
    client: 'Acme e2e',
    name: 'Reports reader e2e-ywh',
    token: 'ywh-e2e-0123456789abcdef0123456789abcdef',
  },
];
/** Added through the bridge, never typed into the page: the copy check's strongest case. */
const SEEDED = {
  platform: 'brass',
  account: 'brass-e2e',
  client: 'Initech e2e',
  name: 'Payables bot e2e-brass',
  token: '123|pat-E2Ebrass0seededNEVERsentTOthePAGE',
} as const;
const ALL_VALUES = [...TYPED.map((t) => t.token), SEEDED.token];

/** Fills an input, textarea or select by its accessible name. */
async function setField(scope: Locator, label: string, value: string): Promise<void> {
  const el = scope.getByLabel(label, { exact: true });
  const tag = await el.evaluate((e: unknown) => (e as { tagName: string }).tagName);
  if (tag === 'SELECT') await el.selectOption(value);
  else await el.fill(value);
}

const dialog = (page: Page, name?: string | RegExp): Locator =>
  name === undefined ? page.getByRole('dialog') : page.getByRole('dialog', { name });
const row = (page: Page, name: string): Locator => rows(page).filter({ hasText: name });

/** Axe scan and screenshot of the current screen. */
async function screen(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await expectNoAxeViolations(page, name);
}

async function unlock(page: Page): Promise<void> {
  await field(page, LABEL.masterPassword).fill(PASSWORD);
  await button(page, BUTTON.unlock).click();
  await button(page, BUTTON.addToken).waitFor();
}

describe.skipIf(!run)(`e2e flows (${run ? 'Chromium' : CHROMIUM_HINT})`, () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    page.setDefaultTimeout(10_000);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('first run: creates the vault', async () => {
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await screen(page, '01-first-run');
    await field(page, LABEL.masterPassword).fill(PASSWORD);
    await field(page, LABEL.confirmPassword).fill(PASSWORD);
    await button(page, BUTTON.createVault).click();
    await button(page, BUTTON.addToken).waitFor();
    const status = await app.bridge.call('vault.status', {});
    expect(status).toMatchObject({ ok: true, value: { exists: true, unlocked: true } });
    await screen(page, '02-main-empty');
  });

  it('adds tokens for three platforms through the Add dialog', async () => {
    for (const [i, t] of TYPED.entries()) {
      await button(page, BUTTON.addToken).click();
      const d = dialog(page);
      await d.waitFor();
      await setField(d, LABEL.tokenValue, t.token);
      await setField(d, LABEL.platform, t.platform);
      await setField(d, LABEL.account, t.account);
      if (t.client) await setField(d, LABEL.client, t.client);
      await setField(d, LABEL.name, t.name);
      if (t.scopes) await setField(d, LABEL.scopes, t.scopes);
      if (t.expires) await setField(d, LABEL.expires, t.expires);
      if (t.notes) await setField(d, LABEL.notes, t.notes);
      if (i === 0) await screen(page, '03-add-dialog');
      await button(d, BUTTON.save).click();
      await d.waitFor({ state: 'detached' });
      await row(page, t.name).waitFor();
      // The typed value left the page with the dialog.
      expect(await domText(page)).not.toContain(t.token);
    }
    await expect.poll(() => rows(page).count()).toBe(3);
    const list = await app.bridge.call('tokens.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.map((t) => t.platform).sort()).toEqual(['github', 'gitlab', 'yeswehack']);
    const gh = list.value.find((t) => t.platform === 'github');
    expect(gh).toMatchObject({ account: 'octo-e2e', client: 'Acme e2e', expiresAt: '2027-03-04' });
    expect([...(gh?.scopes ?? [])].sort()).toEqual(['read:org', 'repo']);
    await screen(page, '04-main-list');
  });

  it('searches across fields', async () => {
    const search = field(page, LABEL.search);
    await search.fill('e2e-gl');
    await expect.poll(() => rows(page).count()).toBe(1);
    await row(page, 'Registry pull e2e-gl').waitFor();
    await search.fill('acme e2e'); // client
    await expect.poll(() => rows(page).count()).toBe(2);
    await search.fill('no such token anywhere');
    await expect.poll(() => rows(page).count()).toBe(0);
    await search.fill('');
    await expect.poll(() => rows(page).count()).toBe(3);
  });

  it('filters by platform and by client', async () => {
    await page.getByLabel('Filter by platform').selectOption('github');
    await expect.poll(() => rows(page).count()).toBe(1);
    await row(page, 'Deploy bot e2e-gh').waitFor();
    await page.getByLabel('Filter by platform').selectOption('');
    await page.getByLabel('Filter by client').selectOption('Acme e2e');
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByLabel('Filter by client').selectOption('');
    await expect.poll(() => rows(page).count()).toBe(3);
  });

  it('locks and unlocks (a wrong password is refused)', async () => {
    await button(page, BUTTON.lock).click();
    await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
    expect(await rows(page).count()).toBe(0);
    expect(await app.bridge.call('vault.status', {})).toMatchObject({ ok: true, value: { unlocked: false } });
    await screen(page, '05-unlock');
    await field(page, LABEL.masterPassword).fill('not the password');
    await button(page, BUTTON.unlock).click();
    await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join(' ')).toMatch(/\S/);
    expect(await button(page, BUTTON.addToken).count()).toBe(0);
    await unlock(page);
    await expect.poll(() => rows(page).count()).toBe(3);

    // A lock decided by main (idle timer, suspend) reaches the page as a `vault.locked` event.
    await app.bridge.service.lock('idle');
    await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
    expect(app.bridge.events.map((e) => e.event)).toContain('vault.locked');
    await unlock(page);
    await expect.poll(() => rows(page).count()).toBe(3);
  });

  it('settings: saved through the Settings dialog, kept across a reload', async () => {
    await button(page, BUTTON.settings).click();
    const d = dialog(page);
    await d.waitFor();
    await screen(page, '06-settings');
    await d.getByLabel(/reveal/i).fill('5');
    await d.getByLabel(/clipboard/i).fill('45');
    await d.getByLabel(/auto-?lock/i).fill('15');
    await button(d, BUTTON.save).click();
    await d.waitFor({ state: 'detached' });
    expect(app.bridge.settings.get()).toMatchObject({ revealSeconds: 5, clipboardClearSeconds: 45, autoLockMinutes: 15 });

    // Seed a token the page never sees typed, then reload: a fresh page with a fresh JS heap.
    const seeded = await app.bridge.call('tokens.add', SEEDED);
    expect(seeded.ok).toBe(true);
    await page.reload({ waitUntil: 'load' });
    // The core is still unlocked after a reload; the renderer shows the list or the unlock screen.
    await Promise.race([
      button(page, BUTTON.addToken).waitFor(),
      field(page, LABEL.masterPassword).waitFor(),
    ]);
    if (await field(page, LABEL.masterPassword).isVisible()) await unlock(page);
    await expect.poll(() => rows(page).count()).toBe(4);
    await button(page, BUTTON.settings).click();
    const again = dialog(page);
    await again.waitFor();
    expect(await again.getByLabel(/reveal/i).inputValue()).toBe('5');
    expect(await again.getByLabel(/clipboard/i).inputValue()).toBe('45');
    expect(await again.getByLabel(/auto-?lock/i).inputValue()).toBe('15');
    await button(again, BUTTON.cancel).click();
    await again.waitFor({ state: 'detached' });
  });

  it('copy: the clipboard adapter gets the value; the DOM, the page heap and its responses never hold it', async () => {
    await row(page, SEEDED.name).click();
    await page.getByRole('heading', { name: SEEDED.name, level: 2 }).waitFor();
    await screen(page, '07-detail');
    await button(page, BUTTON.copy).click();
    await expect
      .poll(async () => (await bridgeGet<{ writes: string[] }>(app.bridge, '/test/clipboard')).writes)
      .toContain(SEEDED.token);
    await row(page, 'Deploy bot e2e-gh').click();
    await page.getByRole('heading', { name: 'Deploy bot e2e-gh', level: 2 }).waitFor();
    await button(page, BUTTON.copy).click();
    await expect
      .poll(async () => (await bridgeGet<{ writes: string[] }>(app.bridge, '/test/clipboard')).writes)
      .toContain(TYPED[0]!.token);

    const dom = await domText(page);
    for (const v of ALL_VALUES) expect(dom, 'DOM holds a token value').not.toContain(v);
    // Since the reload nothing typed a value into this page, so its heap must hold none.
    expect(await heapStringsContaining(page, ALL_VALUES)).toEqual([]);
    // Nothing the page ever received (before any reveal) carried a value.
    const leaked = app.bridge.responses.filter((r) => ALL_VALUES.some((v) => r.body.includes(v)));
    expect(leaked.map((r) => r.channel)).toEqual([]);
  });

  it('reveal shows the value, then hides it by itself (revealSeconds = 5)', async () => {
    await button(page, BUTTON.reveal).click();
    const revealed = page.getByLabel('Revealed value');
    await revealed.waitFor();
    expect(await revealed.inputValue()).toBe(TYPED[0]!.token);
    await shot(page, '08-detail-revealed');
    await expectNoAxeViolations(page, '08-detail-revealed');
    const t0 = Date.now();
    await revealed.waitFor({ state: 'detached', timeout: 9_000 });
    const hidAfter = Date.now() - t0;
    expect(hidAfter).toBeLessThan(8_000);
    await button(page, BUTTON.reveal).waitFor();
    expect(await domText(page)).not.toContain(TYPED[0]!.token);
    // Only the reveal answer carried it.
    const carried = app.bridge.responses.filter((r) => r.body.includes(TYPED[0]!.token)).map((r) => r.channel);
    expect([...new Set(carried)]).toEqual(['tokens.reveal']);
  }, 20_000);

  it('edits a token', async () => {
    await button(page, BUTTON.edit).click();
    const d = dialog(page);
    await d.waitFor();
    expect(await domText(page)).not.toContain(TYPED[0]!.token);
    await screen(page, '09-edit-dialog');
    await setField(d, LABEL.name, 'Deploy bot e2e-gh renamed');
    await setField(d, LABEL.account, 'octo-e2e-2');
    await button(d, BUTTON.save).click();
    await d.waitFor({ state: 'detached' });
    await row(page, 'Deploy bot e2e-gh renamed').waitFor();
    const list = await app.bridge.call('tokens.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.find((t) => t.platform === 'github')).toMatchObject({ name: 'Deploy bot e2e-gh renamed', account: 'octo-e2e-2' });
  });

  it('deletes a token after confirmation (Cancel keeps it)', async () => {
    await row(page, 'Registry pull e2e-gl').click();
    await page.getByRole('heading', { name: 'Registry pull e2e-gl', level: 2 }).waitFor();
    await button(page, BUTTON.delete).click();
    let d = dialog(page);
    await d.waitFor();
    await screen(page, '10-delete-confirmation');
    await button(d, BUTTON.cancel).click();
    await d.waitFor({ state: 'detached' });
    expect(await row(page, 'Registry pull e2e-gl').count()).toBe(1);

    await button(page, BUTTON.delete).click();
    d = dialog(page);
    await d.waitFor();
    await button(d, BUTTON.delete).click();
    await d.waitFor({ state: 'detached' });
    await expect.poll(() => row(page, 'Registry pull e2e-gl').count()).toBe(0);
    await expect.poll(() => rows(page).count()).toBe(3);
    const list = await app.bridge.call('tokens.list', {});
    expect(list.ok && list.value.map((t) => t.platform).sort()).toEqual(['brass', 'github', 'yeswehack']);
  });

  it('the page raised no errors (CSP violations included)', () => {
    expect(app.errors).toEqual([]);
  });
});
