/**
 * A rough password strength estimate for feedback while typing: length, character classes,
 * and a penalty for common patterns. Not a guarantee — Argon2id does the real protecting —
 * but enough to steer people away from "password1".
 */

export type StrengthLabel = 'weak' | 'fair' | 'strong';

export interface Strength {
  /** 0 (weakest) to 4. */
  readonly score: 0 | 1 | 2 | 3 | 4;
  readonly label: StrengthLabel;
  /** One hint on how to do better, or null when strong. */
  readonly hint: string | null;
}

const COMMON = [
  'password', 'passwort', 'motdepasse', 'qwerty', 'azerty', 'letmein', 'welcome', 'admin', 'iloveyou',
  'monkey', 'dragon', 'master', 'secret', 'login', 'abc123', '123456', '111111', 'football', 'sunshine',
];
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop'];

/** True when `s` contains a run of `n` characters from a keyboard or alphabet sequence. */
function hasSequence(s: string, n = 4): boolean {
  for (const seq of SEQUENCES) {
    const rev = [...seq].reverse().join('');
    for (let i = 0; i + n <= seq.length; i++) {
      if (s.includes(seq.slice(i, i + n)) || s.includes(rev.slice(i, i + n))) return true;
    }
  }
  return false;
}

/** Estimates the strength of `password`. */
export function estimateStrength(password: string): Strength {
  const lower = password.toLowerCase();
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const length = [...password].length;
  let points = 0;
  if (length >= 8) points += 1;
  if (length >= 12) points += 1;
  if (length >= 16) points += 1;
  if (length >= 20) points += 1;
  points += Math.max(0, classes - 1); // up to +3

  let hint: string | null = null;
  if (COMMON.some((w) => lower.includes(w))) {
    points -= 3;
    hint = 'Avoid common words like "password" or "qwerty".';
  } else if (/(.)\1{2,}/.test(password)) {
    points -= 2;
    hint = 'Avoid repeated characters.';
  } else if (hasSequence(lower)) {
    points -= 2;
    hint = 'Avoid sequences like "abcd" or "1234".';
  }
  if (length < 8) {
    points = Math.min(points, 0);
    hint = 'Use at least 8 characters.';
  }

  const score = Math.max(0, Math.min(4, Math.floor(points * 0.7))) as Strength['score'];
  const label: StrengthLabel = score >= 3 ? 'strong' : score >= 2 ? 'fair' : 'weak';
  if (hint === null && label !== 'strong') hint = length < 16 ? 'Longer is stronger: try a phrase of several words.' : 'Mix in other kinds of characters.';
  return { score, label, hint: label === 'strong' ? null : hint };
}
