/**
 * iObeya (seed 003, PLATFORMS.md). A PAT is a JWT sent as `Authorization: Bearer <jwt>` to the
 * customer's API, `https://<customer>.api.iobeya.com/v1`; it inherits the user's permissions and
 * there is one per user. Its claims are read offline: `exp` → expiry, the exact instant (RFC 7519
 * §4.1.4: "the expiration time on or after which the JWT MUST NOT be accepted", in seconds since
 * the epoch; a past `exp` is `expired` without any request), `sub` → owner,
 * `scope`/`scopes`/`scp` → scopes.
 *
 * No check endpoint is documented: `GET /rooms?page=1&size=1` (below /v1) is inferred from the
 * public API reference (doc.api.iobeya.io).
 *   200 + JSON → active, with what the JWT says.   401 / 403 → invalid (or expired/revoked when
 *   the body says so).   429 / 5xx / network / unreadable body → unknown.
 */
import { instantOf, type ReportedExpiry } from '../../../../shared/domain/expiry';
import { readJwtClaims, type JwtClaims } from '../../../../shared/domain/detect';
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import type { CheckOutcome, ConnectorInput, PlatformPreset } from '../types';
import { commonStatusOutcome, guarded, rateLimitedOutcome, rejectedOutcome, UNEXPECTED_OUTCOME } from '../http';

/** A JWT's `exp` (seconds) as a reported expiry: the instant, and the seconds as written, as its raw text. */
export function jwtExpiry(exp: number): ReportedExpiry | undefined {
  const at = instantOf(exp * 1000);
  return at === null ? undefined : { at, raw: String(exp) };
}

/** What the JWT itself tells, as outcome fields. Expiry stays undefined (not null) without `exp`: unknown, not "never". */
function offlineFacts(claims: JwtClaims | null): Pick<CheckOutcome, 'expiry' | 'owner' | 'scopes'> {
  if (claims === null) return {};
  const out: { expiry?: ReportedExpiry; owner?: string; scopes?: readonly string[] } = {};
  const expiry = claims.exp === undefined ? undefined : jwtExpiry(claims.exp);
  if (expiry !== undefined) out.expiry = expiry;
  if (claims.sub !== undefined) out.owner = claims.sub;
  if (claims.scopes !== undefined) out.scopes = claims.scopes;
  return out;
}

async function check(input: ConnectorInput): Promise<CheckOutcome> {
  const claims = readJwtClaims(input.token);
  const facts = offlineFacts(claims);
  if (claims?.exp !== undefined && claims.exp * 1000 <= Date.now()) {
    const at = facts.expiry?.at;
    return { result: 'expired', reason: `JWT expired${at ? ` at ${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : ''} (read offline)`, ...facts };
  }
  const outcome = await guarded(async () => {
    const res = await input.http.request({ method: 'GET', path: '/rooms', query: { page: '1', size: '1' } });
    const limited = rateLimitedOutcome(res);
    if (limited !== null) return limited;
    if (res.status === 401) return rejectedOutcome(res, '401 Unauthorized');
    if (res.status === 403) return rejectedOutcome(res, '403 Forbidden');
    const common = commonStatusOutcome(res);
    if (common !== null) return common;
    // A page of rooms: an array, or an object wrapping one. Anything else is not iObeya talking.
    return typeof res.json === 'object' && res.json !== null ? { result: 'active' } : UNEXPECTED_OUTCOME;
  });
  return { ...facts, ...outcome };
}

export const iobeyaPreset: PlatformPreset = {
  id: 'iobeya',
  name: 'iObeya',
  defaultBaseUrl: null,
  auth: { kind: 'bearer' },
  tokenPattern: PRESET_TOKEN_PATTERNS.iobeya,
  tokenPageUrl: null,
  scopeVocabulary: [],
  expiry: 'unknown',
  notes: [
    'Base URL per customer: https://<customer>.api.iobeya.com/v1.',
    'A PAT is a JWT: its expiry (exp), subject (sub) and any scopes are read offline, without sending it.',
    'A PAT inherits all the permissions of the user who generated it (iObeya 4.25 and later); keep it secret.',
    // (inferred) from the seed's "revoke and generate a new one" in the single "Personal access token" menu.
    'One token per user (inferred): adding a new value for a user who has a token replaces its value; the old one stays in its history.',
    'The check lists one room (GET /v1/rooms?page=1&size=1): inferred, iObeya documents no validity check.',
    'Expiry is not documented: only the JWT’s own exp tells.',
    'Revoke (and generate again) from the user menu › "Personal access token" in your iObeya web app, https://<customer>.iobeya.com.',
  ],
  check,
};
