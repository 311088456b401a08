/**
 * Builds the app's core service with its Electron adapters: the vault and settings files in
 * the per-user data folder, safeStorage for quick unlock, the concealing clipboard, the
 * system's file dialogs (the only source of paths for export, backup and import).
 */
import { app, powerMonitor, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { AppService, type AppDeps } from '../core/app/app-service';
import { SettingsStore, settingsPathFor } from '../core/settings/settings-store';
import { FileFiredStore } from '../core/reminders/fired-store';
import { createElectronClipboard } from './adapters/clipboard';
import { createElectronFileDialogs } from './adapters/file-dialogs';
import { createElectronNotifier } from './adapters/notifier';
import { createSafeStorageProtector } from './adapters/safe-storage-protector';
import { openTokenPage } from './token-pages';

/**
 * Creates the service (call after `app.whenReady()`: safeStorage needs a ready app).
 * `showWindow` brings the window forward when a reminder is clicked; `getWindow` is the
 * current main window, which file dialogs are modal to.
 */
export function createAppService(emit: AppDeps['emit'], showWindow: () => void, getWindow: () => BrowserWindow | null): AppService {
  const userData = app.getPath('userData');
  const vaultPath = join(userData, 'vault.sqlite');
  return new AppService({
    vaultPath,
    // Beside the vault, where the CLI looks for it too.
    settings: new SettingsStore(settingsPathFor(vaultPath)),
    clipboard: createElectronClipboard(),
    keyProtector: createSafeStorageProtector(),
    openTokenPage,
    dialogs: createElectronFileDialogs(getWindow),
    emit,
    reminders: {
      // Which reminders fired: token ids and dates only, like the vault's own plaintext.
      fired: new FileFiredStore(join(userData, 'reminders-fired.json')),
      notifier: createElectronNotifier(),
      // The dock (macOS) or launcher (Linux Unity) badge; a no-op where there is none.
      badge: (count) => void app.setBadgeCount(count),
      showWindow,
      onError: () => console.error('patvault: a reminder could not be evaluated or shown'),
    },
  });
}

/**
 * Locks at once when the machine suspends or the screen locks (the user walked away), and
 * re-evaluates reminders on resume (timers did not run while it slept).
 */
export function lockOnSuspendAndScreenLock(service: AppService): void {
  powerMonitor.on('suspend', () => void service.lock('suspend'));
  powerMonitor.on('lock-screen', () => void service.lock('screen-lock'));
  powerMonitor.on('resume', () => service.pokeReminders());
}
