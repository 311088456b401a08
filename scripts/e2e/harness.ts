/**
 * What an e2e test (and the UI bench) imports, from one place, so a test reads as the app's
 * flow rather than a list of modules. Each part lives in the file that does that one job:
 *   - environment.ts      the repository root, Chromium, CI, and whether the tests can run here;
 *   - page-builds.ts      the renderer build (when stale) and the test-preload bundle;
 *   - launch-app.ts       `launchApp()`: bridge, Chromium with a fresh profile, preload, page;
 *   - page-inspection.ts  screenshots, axe scans, the heap and DOM searches;
 *   - bridge-client.ts    the bridge's guarded endpoints from Node (dialogs, clock, reminders, rpc).
 */
export { CHROMIUM_HINT, CHROMIUM_PATH, IN_CI, ROOT, chromiumAvailable } from './environment';
export { ensureRendererBuilt, testPreloadSource } from './page-builds';
export { launchApp, launchChromium, type App, type LaunchOptions } from './launch-app';
export { SCREENSHOT_DIR, axeViolations, domText, expectNoAxeViolations, heapStringsContaining, shot } from './page-inspection';
export { badgeCount, bridgeGet, bridgePost, clickNotification, dialogCalls, notifications, queueDialog, rpc, setClock } from './bridge-client';
