/** Dialogs, toasts, the app-wide error message, and which view the main pane shows. */
import type { StateCreator } from 'zustand';
import type { All } from './types';

/** Which dialog is open (at most one). */
export type DialogState =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly id: string }
  | { readonly kind: 'delete'; readonly id: string }
  | { readonly kind: 'settings' }
  | { readonly kind: 'revoke'; readonly id: string }
  | { readonly kind: 'rotate'; readonly id: string }
  | { readonly kind: 'export' }
  | { readonly kind: 'backup' }
  | { readonly kind: 'restore' }
  | { readonly kind: 'import' }
  | null;

/** The main pane: every token (searchable, filterable) or the needs-attention list. */
export type MainViewKind = 'all' | 'attention';

/** A short message in the status region. */
export interface Toast {
  readonly id: number;
  readonly text: string;
}

export interface UiSlice {
  dialog: DialogState;
  view: MainViewKind;
  toasts: readonly Toast[];
  /** The latest error from an action without a dialog of its own (shown in the alert region). */
  error: string | null;
  openDialog: (d: Exclude<DialogState, null>) => void;
  closeDialog: () => void;
  setView: (view: MainViewKind) => void;
  showToast: (text: string) => void;
  dismissToast: (id: number) => void;
  showError: (message: string) => void;
  clearError: () => void;
}

/** How long a toast stays. */
export const TOAST_MS = 5_000;

let nextToastId = 1;

export const createUiSlice: StateCreator<All, [], [], UiSlice> = (set, get) => ({
  dialog: null,
  view: 'all',
  toasts: [],
  error: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setView: (view) => set({ view }),
  showToast: (text) => {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts, { id, text }].slice(-3) }));
    setTimeout(() => get().dismissToast(id), TOAST_MS);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  showError: (error) => set({ error }),
  clearError: () => set({ error: null }),
});
