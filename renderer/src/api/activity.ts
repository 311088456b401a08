/** Tells main the user is active (postpones auto-lock), at most once per interval. */
import { call } from './client';

const INTERVAL_MS = 15_000;

/** Listens for keyboard and pointer input; returns the function that stops listening. */
export function reportActivity(target: Window = window): () => void {
  let last = 0;
  const ping = () => {
    const now = Date.now();
    if (now - last < INTERVAL_MS) return;
    last = now;
    call('app.activity', {}).catch(() => undefined); // best effort: auto-lock just fires earlier
  };
  target.addEventListener('keydown', ping, { capture: true, passive: true });
  target.addEventListener('pointerdown', ping, { capture: true, passive: true });
  return () => {
    target.removeEventListener('keydown', ping, { capture: true });
    target.removeEventListener('pointerdown', ping, { capture: true });
  };
}
