/** The revealed value in a monospace field, with a visible countdown and a Hide button. */
import { useEffect, useId, useState } from 'react';
import type { RevealState } from '../../store/detail-slice';

/** Seconds left until `until`, never negative. */
const secondsLeft = (until: number): number => Math.max(0, Math.ceil((until - Date.now()) / 1000));

/** Shown only while a reveal is active; `label` names which value it is (an earlier one, from the history). */
export function RevealField({ reveal, onHide, label = 'Revealed value' }: { reveal: RevealState; onHide: () => void; label?: string }) {
  const id = useId();
  const [left, setLeft] = useState(() => secondsLeft(reveal.until));
  useEffect(() => {
    setLeft(secondsLeft(reveal.until));
    const t = setInterval(() => setLeft(secondsLeft(reveal.until)), 1000);
    return () => clearInterval(t);
  }, [reveal.until]);

  return (
    <div className="reveal">
      <label htmlFor={id}>{label}</label>
      <div className="reveal-row">
        <input id={id} className="mono" type="text" readOnly value={reveal.value} spellCheck={false} autoComplete="off" />
        <button type="button" onClick={onHide}>
          Hide
        </button>
      </div>
      <p className="muted reveal-countdown">Hides in {left} s</p>
    </div>
  );
}
