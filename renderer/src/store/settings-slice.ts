/** User settings (readable before unlock) and quick unlock through the OS keychain. */
import type { StateCreator } from 'zustand';
import type { Request, Response } from '../../../shared/ipc/contract';
import { call, toUiError } from '../api/client';
import type { All } from './types';

export type Settings = Response<'settings.get'>;
export type KeychainInfo = Response<'keychain.status'>;
export type Theme = Settings['theme'];

export interface SettingsSlice {
  settings: Settings | null;
  keychain: KeychainInfo | null;
  loadSettings: () => Promise<void>;
  /** Saves a change; throws a UiError the settings dialog shows. */
  saveSettings: (patch: Request<'settings.set'>) => Promise<void>;
  loadKeychain: () => Promise<void>;
  /**
   * Turns quick unlock on, or off (which replaces the vault key, so it needs the master
   * password); throws a UiError the settings dialog shows.
   */
  setQuickUnlock: (on: boolean, password?: string) => Promise<void>;
}

/** Shows the theme: `data-theme` on <html>; none means follow the system. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

export const createSettingsSlice: StateCreator<All, [], [], SettingsSlice> = (set, get) => ({
  settings: null,
  keychain: null,
  loadSettings: async () => {
    try {
      const settings = await call('settings.get', {});
      applyTheme(settings.theme);
      set({ settings });
    } catch (e) {
      get().showError(toUiError(e).message);
    }
  },
  saveSettings: async (patch) => {
    const settings = await call('settings.set', patch);
    applyTheme(settings.theme);
    set({ settings });
  },
  loadKeychain: async () => {
    try {
      set({ keychain: await call('keychain.status', {}) });
    } catch (e) {
      get().showError(toUiError(e).message);
    }
  },
  setQuickUnlock: async (on, password) => {
    const keychain = on ? await call('keychain.enable', {}) : await call('keychain.disable', { password: password ?? '' });
    set({ keychain, quickUnlock: keychain.enabled });
  },
});
