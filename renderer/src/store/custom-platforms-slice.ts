/**
 * User-defined platforms (Settings → Custom platforms): the list, define or change one, remove
 * one no token uses. Vault data: loaded after unlock and when Settings opens, forgotten on lock.
 */
import type { StateCreator } from 'zustand';
import type { Request } from '../../../shared/ipc/contract';
import type { CustomPlatformView } from '../api/types';
import { call, toUiError } from '../api/client';
import type { All } from './types';

export interface CustomPlatformsSlice {
  customPlatforms: readonly CustomPlatformView[];
  customPlatformsLoaded: boolean;
  loadCustomPlatforms: () => Promise<void>;
  /** Defines one (`id` null) or replaces a definition; throws a UiError the form dialog shows. */
  saveCustomPlatform: (id: string | null, definition: Request<'platforms.custom.save'>['definition']) => Promise<CustomPlatformView>;
  /** Removes one; throws main's refusal (still used by tokens) as a UiError the dialog shows. */
  removeCustomPlatform: (id: string) => Promise<void>;
  clearCustomPlatforms: () => void;
}

export const createCustomPlatformsSlice: StateCreator<All, [], [], CustomPlatformsSlice> = (set, get) => ({
  customPlatforms: [],
  customPlatformsLoaded: false,
  loadCustomPlatforms: async () => {
    try {
      const list = await call('platforms.custom.list', {});
      if (get().phase !== 'unlocked') return; // locked while loading: keep nothing
      set({ customPlatforms: list, customPlatformsLoaded: true });
    } catch (e) {
      get().showError(toUiError(e).message);
    }
  },
  saveCustomPlatform: async (id, definition) => {
    const saved = await call('platforms.custom.save', { ...(id !== null ? { id } : {}), definition });
    // Tokens show the platform's name: a rename changes rows and the detail pane.
    await Promise.all([get().loadCustomPlatforms(), id !== null ? get().loadTokens() : Promise.resolve()]);
    return saved;
  },
  removeCustomPlatform: async (id) => {
    await call('platforms.custom.remove', { id });
    await get().loadCustomPlatforms();
  },
  clearCustomPlatforms: () => set({ customPlatforms: [], customPlatformsLoaded: false }),
});
