/** Wires events from main into the store; returns the function that unwires them. */
import { onEvent } from '../api/client';
import { useStore } from './index';

/** Subscribes the store to main's events. */
export function connectEvents(): () => void {
  const offs = [
    onEvent('vault.locked', () => useStore.getState().handleLocked()),
    onEvent('tokens.checkProgress', (p) => useStore.getState().setCheckProgress(p)),
    onEvent('clipboard.cleared', () => useStore.getState().showToast('Clipboard cleared')),
    // A reminder was clicked: show that token (while locked, the unlock screen comes first
    // and the reminder itself named no token).
    onEvent('reminders.openToken', ({ tokenId }) => {
      if (useStore.getState().phase === 'unlocked') useStore.getState().select(tokenId);
    }),
  ];
  return () => offs.forEach((off) => off());
}
