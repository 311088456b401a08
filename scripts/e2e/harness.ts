/**
 * End-to-end harness: Debian's Chromium driven by playwright-core (never a browser download),
 * the built renderer served by the loopback bridge, and `window.api` provided by the test
 * preload. Also: screenshots into artifacts/screenshots (the folder CI keeps) and an axe-core
 * scan that fails with a readable list of violations.
 *
 * CSP stays in force: the page is served with the app's production CSP header (and carries
 * the <meta> policy). The test preload goes in through `addInitScript` and axe through
 * `page.evaluate` — both run via the DevTools protocol, which the page's CSP does not govern —
 * so no `bypassCSP` context is ever used and no inline <script> is ever added to the page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BRIDGE_TOKEN_HEADER, startBridge, type Bridge, type BridgeOptions } from './bridge-server';
import type { TestPreloadConfig } from './test-preload';

export { badgeCount, bridgeGet, bridgePost, clickNotification, dialogCalls, notifications, queueDialog, rpc, setClock } from './bridge-client';

/** The repository root (found from the working directory, so bundled copies — the bench — work too). */
export const ROOT = findRoot();
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT, 'artifacts', 'screenshots');
const RENDERER_OUT = join(ROOT, 'out', 'renderer');
const CACHE = join(ROOT, 'node_modules', '.cache', 'patvault-e2e');

const ci = (process.env.CI ?? '').trim().toLowerCase();
export const IN_CI = ci !== '' && ci !== '0' && ci !== 'false';

function findRoot(): string {
  for (let d = resolve(process.cwd()); ; d = dirname(d)) {
    if (existsSync(join(d, 'electron.vite.config.ts')) && existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) throw new Error('e2e: run from inside the pat-vault repository');
  }
}

/** The message shown when the tests skip (outside CI) for want of a browser. */
export const CHROMIUM_HINT = `end-to-end tests need Chromium at ${CHROMIUM_PATH}: install chromium (apt-get install chromium), or set CHROMIUM_PATH`;

/** True when the e2e tests can run. Outside CI a missing Chromium skips them with a note; in CI it fails them. */
export function chromiumAvailable(): boolean {
  const ok = existsSync(CHROMIUM_PATH);
  if (!ok && !IN_CI) console.warn(`e2e: SKIPPED — ${CHROMIUM_HINT}`);
  return ok || IN_CI;
}

/** Newest modification time (ms) of any file under `path`. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, e)));
  }
  return newest;
}

/** Waits for a directory lock (so parallel test files do not build at once). */
async function withLock<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  const lock = join(CACHE, `${name}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone already
      }
      if (Date.now() > deadline) throw new Error(`e2e: timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the renderer (only it: scripts/e2e/build-renderer.mjs) when out/renderer/index.html is
 * missing or older than the sources it is built from.
 */
export async function ensureRendererBuilt(): Promise<void> {
  await withLock('renderer-build', () => {
    const index = join(RENDERER_OUT, 'index.html');
    const built = existsSync(index) ? statSync(index).mtimeMs : 0;
    const sources = Math.max(
      newestMtime(join(ROOT, 'renderer')),
      newestMtime(join(ROOT, 'shared')),
      newestMtime(join(ROOT, 'electron', 'core', 'security', 'csp.ts')),
      newestMtime(join(ROOT, 'electron.vite.config.ts')),
    );
    if (built > sources) return;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'e2e', 'build-renderer.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (r.status !== 0) throw new Error(`e2e: renderer build failed:\n${r.stdout}\n${r.stderr}`);
  });
}

let preloadBundle: string | null = null;

/** The test preload as one IIFE exposing `__patvaultTestPreload.install`. */
export async function testPreloadSource(): Promise<string> {
  if (preloadBundle) return preloadBundle;
  const out = await build({
    absWorkingDir: ROOT,
    entryPoints: [join('scripts', 'e2e', 'test-preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__patvaultTestPreload',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  preloadBundle = out.outputFiles[0]!.text;
  return preloadBundle;
}

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

/** Saves a full-page PNG to artifacts/screenshots/<name>.png; returns the path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

let axeSource: string | null = null;

/**
 * Runs axe-core over the whole document and throws a readable list of violations. axe is
 * evaluated through the DevTools protocol (page.evaluate), which CSP does not apply to; the
 * page's own policy stays in force for everything else.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(`${axeSource}\n;void 0`);
  const result = (await page.evaluate(`(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
  })()`)) as AxeViolation[];
  return result;
}

/** Fails with every violation, its nodes and axe's fix summary. */
export async function expectNoAxeViolations(page: Page, screenName: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  const lines = violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      - ${JSON.stringify(n.target)}: ${n.html.slice(0, 160)}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`)
      .join('\n');
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `  • [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
  });
  throw new Error(`axe: ${violations.length} violation(s) on screen "${screenName}":\n${lines.join('\n')}`);
}

/**
 * Which of `needles` occur in any string on the page's JavaScript heap (a V8 heap snapshot,
 * taken after a full GC, through the DevTools protocol). This covers the renderer store and
 * everything else the page holds, without any inspection hook in the app. The page never
 * receives the needles from here: the search runs in Node over the snapshot.
 */
export async function heapStringsContaining(page: Page, needles: readonly string[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    const snapshot = JSON.parse(chunks.join('')) as { strings: string[] };
    return needles.filter((n) => snapshot.strings.some((s) => s.includes(n)));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The page's DOM as text plus every form control's current value (what a user or script could read). */
export async function domText(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map((e) => e.value);
    return document.documentElement.outerHTML + '\\n' + values.join('\\n');
  })()`)) as string;
}
