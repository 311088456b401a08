/**
 * The only module that touches `window.api` (what the preload exposes). Features call these
 * functions, never `window.api` directly, so tests can stub one module.
 */

/** The app version from the preload, or undefined when running without it (plain browser, tests). */
export function appVersion(): string | undefined {
  return window.api?.version;
}
