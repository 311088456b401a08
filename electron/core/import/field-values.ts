/**
 * Cell text → token fields, for the forms spreadsheets and exports actually hold. The results
 * are still checked by `newTokenInput`; these only translate.
 */
import type { Detection } from '../../../shared/domain/detect';
import { isoDate } from '../../../shared/domain/token-input';

/** "repo, read:org; workflow" → ['repo', 'read:org', 'workflow']: spaces, commas and semicolons all separate. */
export function splitScopes(cell: string): string[] {
  return cell.split(/[\s,;]+/).filter((s) => s !== '');
}

/** Result of reading an expiry cell. */
export type ExpiryCell = { readonly ok: true; readonly day: string | null } | { readonly ok: false; readonly reason: string };

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 8601 date-time, `T` or a space between date and time (the Jelastic API writes a space). */
const TIMESTAMP_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An expiry cell → YYYY-MM-DD (UTC), or null when empty. A full timestamp becomes its UTC day;
 * one without an offset is taken as UTC (what the exporting tools that omit it mean).
 * Whether the day exists (no 2026-02-30) is left to the shared schema.
 */
export function readExpiry(cell: string): ExpiryCell {
  const s = cell.trim();
  if (s === '') return { ok: true, day: null };
  if (DAY_RE.test(s)) return { ok: true, day: s };
  const m = TIMESTAMP_RE.exec(s);
  if (m) {
    const [, day, time, zone] = m;
    const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const at = new Date(`${day}T${time}${offset}`);
    // Date rolls 02-30 over into March: the calendar day itself must exist first.
    if (isoDate.safeParse(day).success && !Number.isNaN(at.getTime()) && at.getUTCFullYear() <= 9999) return { ok: true, day: at.toISOString().slice(0, 10) };
  }
  return { ok: false, reason: 'expiresAt: must be a date written YYYY-MM-DD or an ISO 8601 timestamp' };
}

/** Fields a JWT's own claims can tell. */
export type ClaimFields = { username?: string; scopes?: string[]; expiresAt?: string };

/**
 * The row's own username/scopes/expiry, completed by what the token's claims say where the
 * file is silent. `hintKeys` lists the fields that came from claims: the plan drops those
 * (rather than the token) when they do not pass the schema.
 */
export function withClaimHints(own: ClaimFields, detection: Detection | null): { fields: ClaimFields; hintKeys: (keyof ClaimFields)[] } {
  const fields: ClaimFields = { ...own };
  const hintKeys: (keyof ClaimFields)[] = [];
  if (detection?.subject !== undefined && fields.username === undefined) {
    fields.username = detection.subject;
    hintKeys.push('username');
  }
  if (detection?.scopes !== undefined && fields.scopes === undefined) {
    fields.scopes = [...detection.scopes];
    hintKeys.push('scopes');
  }
  if (detection?.expiresAt !== undefined && fields.expiresAt === undefined) {
    fields.expiresAt = detection.expiresAt;
    hintKeys.push('expiresAt');
  }
  return { fields, hintKeys };
}

/** `s` when it has non-blank text, else undefined. */
export function nonBlank(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}
