/**
 * Opening the app in a browser: Debian's Chromium driven by playwright-core, the built renderer
 * served by the loopback bridge, and `window.api` provided by the test preload — Electron's
 * window, main process and preload, played by parts that run on the build machines.
 *
 * CSP stays in force: the page is served with the app's production CSP header (and carries
 * the <meta> policy). The test preload goes in through `addInitScript` — via the DevTools
 * protocol, which the page's CSP does not govern — so no `bypassCSP` context is ever used and
 * no inline <script> is ever added to the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BRIDGE_TOKEN_HEADER } from './bridge-guard';
import { startBridge, type Bridge, type BridgeOptions } from './bridge-server';
import { CHROMIUM_PATH, ROOT } from './environment';
import { ensureRendererBuilt, testPreloadSource } from './page-builds';
import type { TestPreloadConfig } from './test-preload';

/** What the page's `window.api.version` says: the app's version, from package.json. */
const APP_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface LaunchOptions {
  readonly bridge?: BridgeOptions;
  /** Runs reminders in the bridge (same as `bridge: { reminders: true }`). */
  readonly reminders?: boolean;
  /** IANA zone of both the page and the bridge's reminders (default UTC), so they agree on "today". */
  readonly timeZone?: string;
  /** Runs after the bridge starts and before the page loads (e.g. seed the vault). */
  readonly beforeLoad?: (bridge: Bridge) => Promise<void> | void;
  readonly viewport?: { width: number; height: number };
  /** Do not navigate (the caller will). */
  readonly noNavigate?: boolean;
}

export interface App {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly bridge: Bridge;
  /** Page errors and console errors seen so far (CSP violations show up here). */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Launches Debian's Chromium with a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Builds the renderer if needed, starts a bridge, launches Chromium (playwright's launch()
 * always uses a new temporary user-data dir) and opens the app with the test preload.
 */
export async function launchApp(opts: LaunchOptions = {}): Promise<App> {
  await ensureRendererBuilt();
  const preload = await testPreloadSource();
  const timeZone = opts.timeZone ?? opts.bridge?.timeZone ?? 'UTC';
  const bridge = await startBridge({ ...opts.bridge, timeZone, ...(opts.reminders ? { reminders: true } : {}) });
  let browser: Browser | null = null;
  try {
    await opts.beforeLoad?.(bridge);
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      colorScheme: 'light',
      locale: 'en-US',
      timezoneId: timeZone,
    });
    // Only the bridge's origin may be reached; anything else fails the request (no network).
    await context.route(
      (url) => url.origin !== bridge.origin,
      (route) => route.abort('blockedbyclient'),
    );
    const config: TestPreloadConfig = { token: bridge.token, header: BRIDGE_TOKEN_HEADER, version: APP_VERSION };
    await context.addInitScript({ content: `${preload}\n;__patvaultTestPreload.install(${JSON.stringify(config)});` });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    if (!opts.noNavigate) await page.goto(bridge.url, { waitUntil: 'load' });
    const b = browser;
    return {
      browser: b,
      context,
      page,
      bridge,
      errors,
      async close() {
        await b.close().catch(() => undefined);
        await bridge.close();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await bridge.close();
    throw e;
  }
}
