/** Short confirmations ("Copied — clears in 30 s") in a polite status region. */
import { useStore } from '../store';

/** The toast stack. */
export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  return (
    <div role="status" aria-live="polite" className="toasts">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          {t.text}
        </div>
      ))}
    </div>
  );
}
