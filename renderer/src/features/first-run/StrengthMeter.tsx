/** Password strength as a meter and a word (weak / fair / strong), with one hint. */
import { useId } from 'react';
import { estimateStrength } from './password-strength';

/** Feedback for the password being typed. */
export function StrengthMeter({ password }: { password: string }) {
  const id = useId();
  const s = estimateStrength(password);
  return (
    <div className="strength">
      <label htmlFor={id}>Password strength</label>
      <meter id={id} min={0} max={4} low={2} high={3} optimum={4} value={s.score} aria-valuetext={password ? s.label : 'empty'} />
      <p className={`strength-word strength-${s.label}`} aria-live="polite">
        {password ? (
          <>
            Strength: <strong>{s.label}</strong>
            {s.hint && <span className="strength-hint"> — {s.hint}</span>}
          </>
        ) : (
          'Use at least 8 characters; a phrase of several words is easiest to remember.'
        )}
      </p>
    </div>
  );
}
