/**
 * Smoke test of the e2e harness itself: the built renderer loads in Debian's Chromium under
 * the app's CSP, `window.api` reaches the real core through the bridge, and the bridge's
 * guard refuses calls without the one-time token or from another origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_TOKEN_HEADER } from './bridge-guard';
import { CHROMIUM_HINT, axeViolations, chromiumAvailable, expectNoAxeViolations, heapStringsContaining, launchApp, type App } from './harness';

const run = chromiumAvailable();

describe.skipIf(!run)(`e2e smoke (${run ? 'Chromium' : CHROMIUM_HINT})`, () => {
  let app: App;

  beforeAll(async () => {
    app = await launchApp();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('serves the built renderer with the production CSP header', async () => {
    const res = await fetch(app.bridge.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const { PRODUCTION_HEADER_CSP } = await import('../../electron/core/security/csp');
    expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_HEADER_CSP);
    expect(await app.page.title()).toBe('PAT Vault');
  });

  it('window.api reaches the real core: version and vault.status', async () => {
    const version = await app.page.evaluate('window.api.version');
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const status = (await app.page.evaluate(`window.api.invoke('vault.status', {})`)) as {
      ok: boolean;
      value: { exists: boolean; unlocked: boolean };
    };
    expect(status).toMatchObject({ ok: true, value: { exists: false, unlocked: false } });
    const bad = await app.page.evaluate(`window.api.invoke('no.such.channel', {})`);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const frozen = await app.page.evaluate(`(() => { try { window.api = null; } catch {} return Object.isFrozen(window.api) && window.api !== null; })()`);
    expect(frozen).toBe(true);
  });

  it('events flow from the core to window.api.on', async () => {
    await app.page.evaluate(`void (window.__gotLocked = new Promise((ok) => window.api.on('vault.locked', ok)))`);
    await new Promise((r) => setTimeout(r, 300)); // let the event stream connect
    const created = await app.page.evaluate(`window.api.invoke('vault.create', { password: 'smoke test password 1' })`);
    expect(created).toEqual({ ok: true, value: null });
    await app.page.evaluate(`window.api.invoke('vault.lock', {})`);
    expect(await app.page.evaluate('window.__gotLocked')).toEqual({ reason: 'user' });
  });

  it('CSP is in force: a script injected after load does not run', async () => {
    const ran = await app.page.evaluate(`new Promise((done) => {
      let violation = false;
      document.addEventListener('securitypolicyviolation', () => { violation = true; }, { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      setTimeout(() => done({ ran: window.__inlineRan === true, violation }), 200);
    })`);
    expect(ran).toEqual({ ran: false, violation: true });
  });

  it('the bridge refuses calls without the token, with a wrong token, or from another origin', async () => {
    const { origin, token } = app.bridge;
    const body = JSON.stringify({ channel: 'vault.status', request: {} });
    const post = (headers: Record<string, string>) =>
      fetch(`${origin}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post({ origin })).status).toBe(403);
    expect((await post({ origin, [BRIDGE_TOKEN_HEADER]: `${token}x` })).status).toBe(403);
    expect((await post({ origin: 'http://evil.example', [BRIDGE_TOKEN_HEADER]: token })).status).toBe(403);
    expect((await post({ [BRIDGE_TOKEN_HEADER]: token })).status).toBe(403); // POST without Origin
    expect((await post({ origin, [BRIDGE_TOKEN_HEADER]: token })).status).toBe(200);
    expect((await fetch(`${origin}/test/clipboard`)).status).toBe(403);
    expect((await fetch(`${origin}/events`)).status).toBe(403);
    expect((await fetch(`${origin}/../../etc/passwd`)).status).not.toBe(200);
    // Another page (another origin) cannot call the bridge from a browser either.
    const other = await app.context.newPage();
    await other.goto('about:blank');
    const fromElsewhere = await other.evaluate(`fetch(${JSON.stringify(`${origin}/rpc`)}, { method: 'POST', headers: { 'content-type': 'application/json', '${BRIDGE_TOKEN_HEADER}': ${JSON.stringify(token)} }, body: '{}' }).then((r) => r.status, () => 'blocked')`);
    expect(fromElsewhere).not.toBe(200);
    await other.close();
  });

  it('the axe scan reports a real violation (so zero elsewhere means something)', async () => {
    await app.page.evaluate(`(() => { const i = document.createElement('input'); i.id = 'axe-probe'; document.body.append(i); })()`);
    const found = await axeViolations(app.page);
    expect(found.map((v) => v.id)).toContain('label');
    await expect(expectNoAxeViolations(app.page, 'probe')).rejects.toThrow(/label.*axe-probe/s);
    await app.page.evaluate(`document.getElementById('axe-probe').remove()`);
  });

  it('loads without page errors', () => {
    expect(app.errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
  });
});

describe.skipIf(!run)('e2e harness: heap scan finds what the page holds, and only that', () => {
  it('a value never sent to the page is not on its heap; a revealed one is', async () => {
    const app = await launchApp();
    try {
      const { bridge, page } = app;
      expect((await bridge.call('vault.create', { password: 'heap scan password 1' })).ok).toBe(true);
      const kept = 'ghp_HEAPSCANkeptAWAYfromTHEpage0000000001';
      const shown = 'ghp_HEAPSCANrevealedTOtheePAGE0000000002';
      const a = await bridge.call('tokens.add', { platform: 'github', account: 'heap', name: 'kept', token: kept });
      const b = await bridge.call('tokens.add', { platform: 'github', account: 'heap', name: 'shown', token: shown });
      if (!a.ok || !b.ok) throw new Error('add failed');
      await page.evaluate(`window.api.invoke('tokens.list', {}).then((r) => { window.__list = r; })`);
      await page.evaluate(`window.api.invoke('tokens.reveal', { id: ${JSON.stringify(b.value.id)} }).then((r) => { window.__held = r.value.value; })`);
      expect(await heapStringsContaining(page, [kept, shown])).toEqual([shown]);
    } finally {
      await app.close();
    }
  });
});
