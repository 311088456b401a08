/**
 * Builds the app's core service with its Electron adapters: the vault and settings files in
 * the per-user data folder, safeStorage for quick unlock, the concealing clipboard.
 */
import { app, powerMonitor } from 'electron';
import { join } from 'node:path';
import { AppService, type AppDeps } from '../core/app/app-service';
import { SettingsStore } from '../core/app/settings-store';
import { createElectronClipboard } from './adapters/clipboard';
import { createSafeStorageProtector } from './adapters/safe-storage-protector';
import { openTokenPage } from './token-pages';

/** Creates the service (call after `app.whenReady()`: safeStorage needs a ready app). */
export function createAppService(emit: AppDeps['emit']): AppService {
  const userData = app.getPath('userData');
  return new AppService({
    vaultPath: join(userData, 'vault.sqlite'),
    settings: new SettingsStore(join(userData, 'settings.json')),
    clipboard: createElectronClipboard(),
    keyProtector: createSafeStorageProtector(),
    openTokenPage,
    emit,
  });
}

/** Locks at once when the machine suspends or the screen locks (the user walked away). */
export function lockOnSuspendAndScreenLock(service: AppService): void {
  powerMonitor.on('suspend', () => void service.lock('suspend'));
  powerMonitor.on('lock-screen', () => void service.lock('screen-lock'));
}
