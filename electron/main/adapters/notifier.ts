/**
 * Desktop notifications through Electron's Notification. Silently does nothing where the OS
 * has no notification support (Notification.isSupported() false), as a reminder must never
 * crash the app. Callers pass text that names no token while the vault is locked.
 */
import { Notification } from 'electron';
import type { Notifier } from '../../core/ports';

/** The Electron notifier. */
export function createElectronNotifier(): Notifier {
  return {
    notify({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title, body, silent: false });
      if (onClick) n.on('click', onClick);
      n.show();
    },
  };
}
