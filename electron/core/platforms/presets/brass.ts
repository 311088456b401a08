/**
 * Brass (seed 001, PLATFORMS.md). PATs look like `1|pat-<40>` (seed 001), Laravel Sanctum's
 * `id|token` form with a `pat-` prefix (so Laravel Sanctum: inferred), sent as
 * `Authorization: Bearer`; they never expire and are only revoked; 60 requests/min per user.
 * No who-am-i: the check lists one bank account, `GET /banking/accounts?page=1&limit=1`, a
 * request taken from public client code (unverified).
 *
 * Status mapping (Brass documents no error answers; its tokens are Laravel Sanctum's, so the
 * answers below are Laravel's own — inferred):
 *   200 + JSON object → active, expiry null: "They don't expire after creation but can be
 *         revoked when required" (seed 001, "Introducing PATs").
 *   401 → invalid (Laravel answers `{"message": "Unauthenticated."}` for an unknown or revoked
 *         token: Illuminate\Foundation\Exceptions\Handler::unauthenticated).
 *   403 → active with a reason ONLY when the body is Laravel's authorization refusal, which is
 *         decided after the token authenticated: "This action is unauthorized."
 *         (laravel/framework Illuminate\Auth\Access\AuthorizationException) or Sanctum's
 *         "Invalid ability provided." (laravel/sanctum MissingAbilityException). Any other 403 —
 *         a firewall, a geo-block, a CDN's HTML page — comes before the application ever reads
 *         the token: unknown.
 *   429 / 5xx / network → unknown.
 */
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import type { CheckOutcome, ConnectorInput, HttpResponse, PlatformPreset } from '../types';
import { commonStatusOutcome, guarded, isRecord, rateLimitedOutcome, rejectedOutcome, UNEXPECTED_OUTCOME } from '../http';

/** Laravel's refusals of an authenticated request (see above). */
const AUTHORIZATION_REFUSALS = new Set(['This action is unauthorized.', 'Invalid ability provided.']);

function forbidden(res: HttpResponse): CheckOutcome {
  const said = isRecord(res.json) ? res.json['message'] : undefined;
  if (typeof said === 'string' && AUTHORIZATION_REFUSALS.has(said.trim())) {
    return { result: 'active', reason: 'valid, but its role cannot list bank accounts (403)', expiry: null };
  }
  return { result: 'unknown', reason: '403 without Brass’s own refusal (a firewall or network block?); the token itself was not judged' };
}

async function check(input: ConnectorInput): Promise<CheckOutcome> {
  return guarded(async () => {
    const res = await input.http.request({ method: 'GET', path: '/banking/accounts', query: { page: '1', limit: '1' } });
    const limited = rateLimitedOutcome(res);
    if (limited !== null) return limited;
    if (res.status === 401) return rejectedOutcome(res, '401 Unauthenticated');
    if (res.status === 403) return forbidden(res);
    const common = commonStatusOutcome(res);
    if (common !== null) return common;
    return isRecord(res.json) ? { result: 'active', expiry: null } : UNEXPECTED_OUTCOME;
  });
}

export const brassPreset: PlatformPreset = {
  id: 'brass',
  name: 'Brass',
  defaultBaseUrl: 'https://api.getbrass.co',
  auth: { kind: 'bearer' },
  tokenPattern: PRESET_TOKEN_PATTERNS.brass,
  tokenPageUrl: 'https://getbrass.co/',
  scopeVocabulary: ['owner', 'Payable Admin'],
  expiry: 'never',
  rateLimit: { requests: 60, perSeconds: 60 },
  notes: [
    'Brass PATs never expire; they can only be revoked.',
    'A PAT never has more permissions than the user who created it: a role above the creator’s is stripped down to the creator’s permissions.',
    'Role names other than "owner" and "Payable Admin" are not listed publicly (unverified).',
    'The sandbox API is https://sandbox-api.getbrass.co: set it as the account’s base URL for sandbox tokens.',
    'Creating a PAT needs a JWT from a 2FA login; the token value is shown once.',
    'The check lists one bank account (GET /banking/accounts?page=1&limit=1), a request taken from public client code (unverified).',
    'Limit: 60 requests per minute per user, then 429.',
    'A 403 counts as “valid, role too narrow” only when Brass itself says the action is unauthorized; a 403 from a firewall or geo-block is reported as unknown.',
    'No revoke API found: revoke in the Brass dashboard (exact page URL unverified; the app opens getbrass.co).',
  ],
  check,
};
