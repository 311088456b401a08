/** The main window, created with Electron's security checklist settings. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import icon from '../../resources/icon.png?asset';
import { rendererUrl } from './renderer-origin';

/** Opens the main window and loads the renderer (dev server URL, or the built files over app://). */
export function createMainWindow(devUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    title: 'PAT Vault',
    show: false, // shown on ready-to-show, so no white flash before first paint
    // Linux takes the window icon from here; macOS/Windows use the packaged app's icon.
    ...(process.platform === 'linux' ? { icon } : {}),
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      // The page gets no Node and no shared JS world with the preload: a compromised page
      // can reach only what contextBridge exposes.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false, // token names and values must not go to a spellcheck service
      // Middle-click (auxclick) can open links past the will-navigate/window-open guards in
      // some Chromium versions; the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
    },
  });

  win.once('ready-to-show', () => win.show());

  // The built page comes over app:// (app-protocol.ts, registered in index.ts), not file://.
  void win.loadURL(rendererUrl(devUrl));

  return win;
}
