/**
 * The selected token's details (notes, audit trail) and the one transient place a token value
 * may live in the page: a reveal the user asked for, dropped when its time is up, on lock and
 * when the selection changes.
 */
import type { StateCreator } from 'zustand';
import type { AuditEntry, HistoryEntry } from '../api/types';
import { call, toUiError } from '../api/client';
import type { All } from './types';

/**
 * A revealed value and when it hides (epoch ms). One at a time: the current value, or one
 * earlier value (`historyIndex`, its place in the token's history, oldest first).
 */
export interface RevealState {
  readonly id: string;
  readonly value: string;
  readonly until: number;
  readonly historyIndex?: number;
}

export interface TokenDetails {
  readonly id: string;
  readonly notes: string;
  readonly audit: readonly AuditEntry[];
  /** When and why each earlier value was kept (never a value). */
  readonly history: readonly HistoryEntry[];
}

export interface DetailSlice {
  details: TokenDetails | null;
  detailsError: string | null;
  reveal: RevealState | null;
  loadDetails: (id: string) => Promise<void>;
  revealToken: (id: string) => Promise<void>;
  /** Reveals the earlier value at `index` of the selected token's history (as listed in its details). */
  revealHistory: (id: string, index: number) => Promise<void>;
  hideReveal: () => void;
  clearDetail: () => void;
}

// The hide timer lives outside the state: it is not data to render.
let hideTimer: ReturnType<typeof setTimeout> | null = null;
const stopHideTimer = (): void => {
  if (hideTimer !== null) clearTimeout(hideTimer);
  hideTimer = null;
};

export const createDetailSlice: StateCreator<All, [], [], DetailSlice> = (set, get) => {
  /** Shows a value main returned, if the user is still on that token, and hides it in time. */
  const showRevealed = (id: string, value: string, hidesInSeconds: number, historyIndex?: number): void => {
    if (get().selectedId !== id || get().phase !== 'unlocked') return;
    stopHideTimer();
    set({ reveal: { id, value, until: Date.now() + hidesInSeconds * 1000, ...(historyIndex !== undefined ? { historyIndex } : {}) } });
    hideTimer = setTimeout(() => get().hideReveal(), hidesInSeconds * 1000);
    void get().loadDetails(id); // the audit trail gained a line
  };
  return {
    details: null,
    detailsError: null,
    reveal: null,
    loadDetails: async (id) => {
      set((s) => ({ detailsError: null, details: s.details?.id === id ? s.details : null }));
      try {
        const d = await call('tokens.details', { id });
        if (get().selectedId !== id) return; // the user moved on
        set({ details: { id, notes: d.notes, audit: d.audit, history: d.history } });
      } catch (e) {
        if (get().selectedId === id) set({ detailsError: toUiError(e).message });
      }
    },
    revealToken: async (id) => {
      try {
        const { value, hidesInSeconds } = await call('tokens.reveal', { id });
        showRevealed(id, value, hidesInSeconds);
      } catch (e) {
        get().showError(toUiError(e).message);
      }
    },
    revealHistory: async (id, index) => {
      const entry = get().details?.id === id ? get().details?.history[index] : undefined;
      if (entry === undefined) return;
      try {
        // The date as listed: main refuses if the history changed meanwhile, rather than show another value.
        const { value, hidesInSeconds } = await call('tokens.revealHistory', { id, index, at: entry.at });
        showRevealed(id, value, hidesInSeconds, index);
      } catch (e) {
        get().showError(toUiError(e).message);
        void get().loadDetails(id);
      }
    },
    hideReveal: () => {
      stopHideTimer();
      if (get().reveal !== null) set({ reveal: null });
    },
    clearDetail: () => {
      stopHideTimer();
      set({ details: null, detailsError: null, reveal: null });
    },
  };
};
