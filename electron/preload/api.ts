/**
 * The shape of `window.api`. Kept free of 'electron' imports so the renderer can import the
 * type. Issue #3 replaces this placeholder with the typed IPC contract from shared/ipc.
 */

/** What the preload exposes to the page: data and narrow functions, never ipcRenderer itself. */
export interface PreloadApi {
  /** The app version (package.json), fixed at build time. */
  readonly version: string;
}
