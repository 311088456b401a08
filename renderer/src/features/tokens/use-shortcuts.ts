/** App-wide keys of the unlocked view: Ctrl/Cmd+F focuses search, Ctrl/Cmd+L locks. */
import { useEffect } from 'react';
import { useStore } from '../../store';
import { SEARCH_INPUT_ID } from './Toolbar';

/** Installs the shortcuts while the unlocked view is shown. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'l') {
        e.preventDefault();
        void useStore.getState().lock();
      } else if (key === 'f' && useStore.getState().dialog === null) {
        e.preventDefault();
        const input = document.getElementById(SEARCH_INPUT_ID);
        if (input instanceof HTMLInputElement) {
          input.focus();
          input.select();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
