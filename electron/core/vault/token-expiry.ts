/**
 * Which expiry a token record shows, and which one reminders may use while the vault is
 * locked. A record keeps what the user typed (`expiresAt`, a day) beside what a platform or
 * the value itself reported (`reportedExpiry`, an instant or "never"); the report wins, since
 * it is the platform's own word and at its own precision, and typing a date by hand drops it.
 */
import { readJwtClaims } from '../../../shared/domain/detect';
import { instantOf, type ExpirySource } from '../../../shared/domain/expiry';
import { verdictOf } from '../../../shared/domain/status';
import type { TokenOverviewData } from './record-codec';

/** The expiry a token shows: the string status and reminders read, with where it came from. */
export interface EffectiveExpiry {
  /** A day (`YYYY-MM-DD`) or an instant (ISO, UTC); null when none is known or it never expires. */
  readonly expiry: string | null;
  readonly source: ExpirySource | null;
  /** The platform's own words for it (its date or header text), when it reported one. */
  readonly raw: string | null;
  /** The platform says this token never expires. */
  readonly never: boolean;
}

const NONE: EffectiveExpiry = { expiry: null, source: null, raw: null, never: false };

/** The expiry of a token record: the reported one when there is one, else what the user typed. */
export function effectiveExpiry(d: Pick<TokenOverviewData, 'expiresAt' | 'reportedExpiry'>): EffectiveExpiry {
  const r = d.reportedExpiry;
  if (r !== undefined) return r.at === null ? { expiry: null, source: r.source, raw: r.raw, never: true } : { expiry: r.at, source: r.source, raw: r.raw, never: false };
  return d.expiresAt === null ? NONE : { expiry: d.expiresAt, source: 'user', raw: null, never: false };
}

/**
 * The expiry kept in plaintext for reminders while locked: the effective one, except for a
 * token the platform reported revoked — it gets no reminders, so it needs none. Unlock checks
 * that the plaintext equals this, so the file cannot say otherwise.
 */
export function reminderExpiry(d: Pick<TokenOverviewData, 'expiresAt' | 'reportedExpiry' | 'lastCheck' | 'verdict'>): string | null {
  if (verdictOf(d)?.result === 'revoked') return null;
  return effectiveExpiry(d).expiry;
}

/** A reported expiry as a record stores it. */
export type StoredReport = NonNullable<TokenOverviewData['reportedExpiry']>;

/**
 * The expiry a value states about itself: a JWT's `exp` (iObeya PATs are JWTs), as an instant.
 * Undefined when the value states none. Read offline; nothing is sent.
 */
export function tokenExpiryOf(value: string): StoredReport | undefined {
  const exp = readJwtClaims(value)?.exp;
  const at = exp === undefined ? null : instantOf(exp * 1000);
  return at === null || exp === undefined ? undefined : { at, raw: `exp ${exp}`, source: 'token' };
}

/** `data` with the typed date `expiresAt` and the reported expiry `reported` (none when null/undefined). */
export function withExpiry(
  data: Omit<TokenOverviewData, 'expiresAt' | 'reportedExpiry'> & { reportedExpiry?: StoredReport | undefined },
  expiresAt: string | null,
  reported: StoredReport | null | undefined,
): TokenOverviewData {
  const { reportedExpiry: _dropped, ...rest } = data;
  return { ...rest, expiresAt, ...(reported ? { reportedExpiry: reported } : {}) };
}

/** `data` without what platforms reported about its value (for a new value, not yet checked). */
export function withoutReports<T extends Partial<Pick<TokenOverviewData, 'reportedExpiry' | 'lastUsedAt' | 'verdict' | 'rotation'>>>(
  data: T,
): Omit<T, 'reportedExpiry' | 'lastUsedAt' | 'verdict' | 'rotation'> {
  const { reportedExpiry: _e, lastUsedAt: _u, verdict: _v, rotation: _r, ...rest } = data;
  return rest;
}
