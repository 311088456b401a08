/**
 * Main process entry and composition root: one instance, hardened sessions and web
 * contents, the menu, the core service behind the IPC handlers, the window. Kept thin;
 * what can run without Electron lives in core.
 */
import { app, BrowserWindow, protocol, session } from 'electron';
import type { AppService } from '../core/app/app-service';
import { createAppService, lockOnSuspendAndScreenLock } from './app-host';
import { devServerUrl } from './dev-server';
import { registerIpc, sendEvent } from './ipc';
import { installAppMenu } from './menu';
import { guardNavigation } from './navigation-guard';
import { registerAppProtocol, registerAppScheme } from './app-protocol';
import { rendererOrigin } from './renderer-origin';
import { hardenSession } from './session-hardening';
import { createMainWindow } from './window';

// Every renderer sandboxed, whatever a future BrowserWindow forgets to set.
app.enableSandbox();
// The page's own scheme (app://pat-vault), which Electron requires before ready.
registerAppScheme(protocol);

// A second copy would open the same vault file concurrently; hand over to the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const devUrl = devServerUrl();
  let mainWindow: BrowserWindow | null = null;
  let service: AppService | null = null;

  const showMainWindow = (): void => {
    if (mainWindow === null || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow(devUrl);
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  // Registered before any window exists, so no web contents escapes the guard.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
  app.on('second-instance', showMainWindow);
  // macOS: clicking the dock icon with no window open.
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quit waits for the service to lock, clear a copied value still on the clipboard and close
  // the vault file (Electron's clipboard is asynchronous), then quits for real.
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed || service === null) return;
    event.preventDefault();
    disposed = true;
    const closing = service;
    service = null;
    void closing
      .dispose()
      .catch(() => console.error('patvault: closing the vault on quit failed'))
      .finally(() => app.quit());
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, { dev: devUrl !== undefined });
    if (devUrl === undefined) registerAppProtocol(session.defaultSession);
    installAppMenu({ dev: devUrl !== undefined });
    service = createAppService((event, payload) => sendEvent(mainWindow, event, payload), showMainWindow, () => mainWindow);
    registerIpc(service, () => mainWindow, rendererOrigin(devUrl));
    lockOnSuspendAndScreenLock(service);
    showMainWindow();
  });
}
