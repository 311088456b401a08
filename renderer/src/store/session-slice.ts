/** The vault session: does a vault exist, is it unlocked; create, unlock, lock. */
import type { StateCreator } from 'zustand';
import { call, toUiError } from '../api/client';
import type { All } from './types';

/** Where the app is: still asking main, no vault yet, locked, or open. */
export type VaultPhase = 'loading' | 'none' | 'locked' | 'unlocked';

export interface SessionSlice {
  phase: VaultPhase;
  /** Quick unlock (OS keychain) is set up for this vault. */
  quickUnlock: boolean;
  vaultPath: string;
  /** Set when the unlocked vault is older than this machine last saw it: the banner's text. */
  rollbackWarning: string | null;
  dismissRollbackWarning: () => void;
  /** The last create/unlock failure, shown on that screen. */
  sessionError: string | null;
  busy: boolean;
  refreshStatus: () => Promise<void>;
  createVault: (password: string) => Promise<boolean>;
  unlock: (password: string) => Promise<boolean>;
  unlockWithKeychain: () => Promise<boolean>;
  lock: () => Promise<void>;
  /** Main locked the vault (or we did): forget every token datum the page holds. */
  handleLocked: () => void;
}

export const createSessionSlice: StateCreator<All, [], [], SessionSlice> = (set, get) => {
  /** Runs one create/unlock step; on success loads what the unlocked screen needs. */
  const open = async (step: () => Promise<unknown>): Promise<boolean> => {
    set({ busy: true, sessionError: null });
    try {
      await step();
      set({ phase: 'unlocked', busy: false });
      await Promise.all([get().loadTokens(), get().loadSettings(), get().loadCustomPlatforms(), loadRollbackWarning()]);
      return true;
    } catch (e) {
      set({ busy: false, sessionError: toUiError(e).message });
      return false;
    }
  };

  /** Main's rollback warning for this unlock (none when the status cannot be read). */
  const loadRollbackWarning = async (): Promise<void> => {
    try {
      set({ rollbackWarning: (await call('vault.status', {})).rollback?.message ?? null });
    } catch {
      set({ rollbackWarning: null });
    }
  };

  return {
    phase: 'loading',
    quickUnlock: false,
    rollbackWarning: null,
    dismissRollbackWarning: () => set({ rollbackWarning: null }),
    vaultPath: '',
    sessionError: null,
    busy: false,
    refreshStatus: async () => {
      try {
        const s = await call('vault.status', {});
        set({
          phase: !s.exists ? 'none' : s.unlocked ? 'unlocked' : 'locked',
          quickUnlock: s.quickUnlock,
          vaultPath: s.path,
          rollbackWarning: s.rollback?.message ?? null,
        });
        if (s.unlocked) await Promise.all([get().loadTokens(), get().loadCustomPlatforms()]);
      } catch (e) {
        set({ phase: 'locked', sessionError: toUiError(e).message });
      }
    },
    createVault: (password) => open(() => call('vault.create', { password })),
    unlock: (password) => open(() => call('vault.unlock', { password })),
    unlockWithKeychain: () => open(() => call('vault.unlockWithKeychain', {})),
    lock: async () => {
      // Forget first: even if main fails to answer, the page no longer shows tokens.
      get().handleLocked();
      try {
        await call('vault.lock', {});
      } catch (e) {
        get().showError(toUiError(e).message);
      }
    },
    handleLocked: () => {
      get().clearTokens();
      get().clearDetail();
      get().clearCustomPlatforms();
      set({ phase: get().phase === 'none' ? 'none' : 'locked', dialog: null, busy: false, rollbackWarning: null });
    },
  };
};
