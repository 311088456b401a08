/**
 * GitLab's expiry dates, read and written by its own rule, so a check, a rotation and the
 * app's rotate dialog agree on what a date means.
 *
 * GitLab stores a personal access token's `expires_at` as a calendar date D and the token
 * stops working at 00:00 UTC *on* D: "Personal access tokens expire on the date you define, at
 * midnight, 00:00 AM UTC. A token with the expiration date of 2024-01-01 expires at 00:00:00
 * UTC on 2024-01-01." (gitlabhq/gitlabhq doc/user/profile/personal_access_tokens.md, "Access
 * token expiration"). Without an explicit date, GitLab's default and maximum lifetime is 365
 * days (same section; an Ultimate administrator may set a lower maximum, and 17.6+ may allow
 * 400 days behind a flag).
 *
 * Pure (Intl only through ./expiry): the core and the renderer import it.
 */
import { calendarDayStart, localDayOf, parseExpiry, type ReportedExpiry } from './expiry';
import type { TokenView } from './token-view';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** GitLab's documented maximum lifetime without an administrator's limit, in days (see above). */
export const GITLAB_MAX_LIFETIME_DAYS = 365;

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** GitLab's `expires_at` date D as the instant it stops (D 00:00 UTC), keeping D as the platform's words; null when D is not a real date. */
export function gitlabExpiry(date: string): ReportedExpiry | null {
  const start = calendarDayStart(date);
  return start === null ? null : { at: new Date(start).toISOString(), raw: date };
}

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})/;

/**
 * GitLab's `expires_at` field as the instant it stops, with GitLab's date as its words: null =
 * never expires, undefined = absent or unreadable (then nothing is claimed). Documented as a
 * date ("2023-08-15", doc/api/personal_access_tokens.md); a timestamp form is read by its date,
 * the way GitLab stores it (a `date` column), and that date is what a rotation sends back.
 */
export function gitlabExpiresAt(v: string | null | undefined): ReportedExpiry | null | undefined {
  if (v === null) return null;
  const date = v === undefined ? undefined : DATE_PREFIX.exec(v)?.[1];
  return (date === undefined ? null : gitlabExpiry(date)) ?? undefined;
}

/**
 * The earliest GitLab date E whose end (E 00:00 UTC) is not before `expiry` ends — so a token
 * given E never stops sooner than one with `expiry`. A day D (a user's date: works through D
 * in `timeZone`, default the system's) ends at the local midnight after D: from UTC−10, D ends
 * at 10:00 UTC on D+1, so E = D+2; from UTC+14 it ends at 10:00 UTC on D, so E = D+1. An
 * instant ends at itself: E is its UTC date if it falls exactly on midnight, else the next.
 * Null for an unreadable expiry.
 */
export function gitlabDateCovering(expiry: string, timeZone?: string): string | null {
  const p = parseExpiry(expiry);
  if (p === null) return null;
  if (p.kind === 'instant') {
    const day = Math.floor(p.at / DAY_MS) * DAY_MS;
    return isoDate(day === p.at ? day : day + DAY_MS);
  }
  // Local days move forward with the instant: the first UTC midnight whose local day is after D
  // is the first one at or after the end of D. Zones span UTC−12…+14, so it lies within D−1…D+2.
  for (let e = p.day - DAY_MS; e <= p.day + 3 * DAY_MS; e += DAY_MS) {
    const local = localDayOf(e, timeZone);
    if (local !== null && local > p.day) return isoDate(e);
  }
  return null;
}

/** The stored facts about a token's expiry that a rotation keeps: TokenView's own fields (token-view.ts). */
export type StoredExpiry = Pick<TokenView, 'expiry' | 'expirySource' | 'expiryRaw' | 'neverExpires'>;

/**
 * The `expires_at` a GitLab rotation sends when the user chose none: the old expiry, never
 * shorter. A date GitLab itself reported (an instant at 00:00 UTC whose raw text is that date)
 * is sent back unchanged; any other expiry is rounded up with gitlabDateCovering. A token with
 * no expiry, or one GitLab said never expires, gets today (UTC) + 365 days, GitLab's documented
 * default maximum: GitLab's own default when the date is left out is ONE WEEK on an instance
 * that requires an expiry, and no expiry on one that does not
 * (app/services/personal_access_tokens/rotate_service.rb, `enforced_expiration_date`,
 * EXPIRATION_PERIOD = 1.week). The API does not tell which setting an instance has, so a date
 * is always sent: a never-expiring token then gets 365 days rather than risking one week. An
 * instance with a lower maximum refuses the date, and the rotation retries once with the
 * maximum it names (see the GitLab preset).
 */
export function gitlabRotationDate(stored: StoredExpiry, now: Date, timeZone?: string): string {
  const raw = stored.expiryRaw;
  if (stored.expirySource === 'platform' && raw !== null && DATE.test(raw) && stored.expiry === gitlabExpiry(raw)?.at) return raw;
  if (!stored.neverExpires && stored.expiry !== null) {
    const covering = gitlabDateCovering(stored.expiry, timeZone);
    if (covering !== null) return covering;
  }
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return isoDate(today + GITLAB_MAX_LIFETIME_DAYS * DAY_MS);
}
