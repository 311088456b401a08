/**
 * Jelastic / Virtuozzo Application Platform (seed 002, PLATFORMS.md). Every hoster runs its own
 * platform, so there is no default base URL: the account gives `https://app.<platformDomain>`.
 * The token travels as the `session` query parameter; every answer is HTTP 200 with a JSON
 * `result` (0 = OK, anything else an error): how each code is read is in ./jelastic-api.ts,
 * revoke and regenerate (with the token, or through a signed-in session) in ./jelastic-ops.ts.
 *
 * Requests (`/1.0/users/authentication/rest/{method}`, lower-case method names, `appid=cluster`):
 *   - verified from py-jelastic (Onemind-Services-LLC/py-jelastic, jelastic/api/abstract.py and
 *     users/__init__.py) and the seed: the path shape, `session` and `appid=cluster` parameters,
 *     method names CheckSign, GetTokens(ids), DeleteTokens(ids, password),
 *     RegenerateToken(id(s), password), Signin(login, password), Signout; `expiresAt`
 *     "yyyy-MM-dd hh:mm:ss" UTC; the four predefined API sets. GET or POST are both accepted
 *     (docs.jelastic.com/api: "All requests of API methods are GET or POST HTTP-requests").
 *   - inferred: GetTokens lists the tokens in `array` (or `tokens`) with `id`, `expiresAt`,
 *     `tokenTemplate` and `apiList`; RegenerateToken returns the new value in `token`.
 *
 * Check: CheckSign → `result` 0 → active; 8202 → active too (the token was accepted; its API
 * set lacks CheckSign), with that reason; then, when the token's id is known, GetTokens for its
 * API set and expiry, an instant (a past one gives `expired`). Undocumented codes → unknown.
 */
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import type { CheckOutcome, ConnectorInput, HttpResponse, PlatformPreset } from '../types';
import { APPID, AUTH_PATH, findToken, jelasticExpiry, readEnvelope, TOKEN_ID, tokenScopes } from './jelastic-api';
import { revokeJelasticToken, rotateJelasticToken } from './jelastic-ops';
import { failureReason, guarded } from '../http';

export { parseJelasticDate, JELASTIC_RESULT } from './jelastic-api';

/** Joins the reasons of two steps ("accepted, lacks CheckSign; details unavailable: …"). */
function joinReasons(...reasons: (string | undefined)[]): string | undefined {
  const parts = reasons.filter((r): r is string => r !== undefined && r !== '');
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** "2024-03-01 00:00 UTC", for a reason. */
const utcText = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** GetTokens for the token's own record: its API set and expiry. The token is already known to be accepted. */
async function details(input: ConnectorInput, id: string, base: CheckOutcome): Promise<CheckOutcome> {
  const unavailable = (why: string): CheckOutcome => ({ ...base, reason: joinReasons(base.reason, `details unavailable: ${why}`) as string });
  let res: HttpResponse;
  try {
    res = await input.http.request({ method: 'GET', path: `${AUTH_PATH}/gettokens`, query: { ...APPID, ids: id } });
  } catch (e) {
    return unavailable(failureReason(e));
  }
  const env = readEnvelope(res, 'GetTokens', input.token);
  if (!env.ok) return unavailable(env.outcome.reason ?? 'error');
  const t = findToken(env.body, id);
  if (t === undefined) return unavailable('token id not listed');
  const scopes = tokenScopes(t);
  const expiry = jelasticExpiry(t);
  const expired = expiry != null && Date.parse(expiry.at) <= Date.now();
  const reason = joinReasons(base.reason, expired && expiry ? `expired at ${utcText(expiry.at)} (per GetTokens)` : undefined);
  return {
    result: expired ? 'expired' : base.result,
    ...(reason !== undefined ? { reason } : {}),
    ...(scopes !== undefined ? { scopes } : {}),
    ...(expiry !== undefined ? { expiry } : {}),
  };
}

async function check(input: ConnectorInput): Promise<CheckOutcome> {
  return guarded(async () => {
    const res = await input.http.request({ method: 'GET', path: `${AUTH_PATH}/checksign`, query: { ...APPID } });
    const env = readEnvelope(res, 'CheckSign', input.token);
    // 8202 is not ok, but it is an answer about an accepted token: it goes on to the details.
    if (!env.ok && env.outcome.result !== 'active') return env.outcome;
    const base: CheckOutcome = env.ok ? { result: 'active' } : env.outcome;
    const id = input.extra?.platformTokenId?.trim();
    if (id === undefined || id === '' || !TOKEN_ID.test(id)) return base;
    return details(input, id, base);
  });
}

export const jelasticPreset: PlatformPreset = {
  id: 'jelastic',
  name: 'Jelastic / Virtuozzo',
  defaultBaseUrl: null,
  auth: { kind: 'query', name: 'session' },
  tokenPattern: PRESET_TOKEN_PATTERNS.jelastic,
  tokenPageUrl: null,
  scopeVocabulary: ['Extended Access', 'IDE Plugins', 'Marketplace', 'Maven Plugin', 'Custom'],
  expiry: 'optional',
  notes: [
    'Base URL per hoster: https://app.<platformDomain> (API under /1.0/).',
    'The token is sent as the session query parameter: ?session=<token>.',
    'A token allows one API set: Extended Access, IDE Plugins, Marketplace, Maven Plugin, or Custom (a list of methods). Result 8202 means the token was accepted but its set lacks that method.',
    'Expiry is optional ("dd-mm-yyyy" in the dashboard; the API gives "yyyy-MM-dd hh:mm:ss" UTC, an exact time). Store the token id to read it with GetTokens.',
    'Every token change (remove, regenerate) needs the account password: PAT Vault asks for it, sends it once, and never stores it.',
    'A token that has expired, or whose API set lacks DeleteTokens/RegenerateToken, cannot remove or regenerate itself: PAT Vault then signs in with the account login and password (never stored) and signs out after.',
    'Regenerating a token makes the previous value stop working at once.',
    'Tokens are managed in the dashboard: Settings › Access Tokens.',
    'Request shapes from the py-jelastic client; the GetTokens/RegenerateToken response fields are inferred (unverified).',
    'Token format undocumented (no prefix): not detected from its shape.',
  ],
  check,
  revoke: { needsPassword: true, acceptsLogin: true, run: revokeJelasticToken },
  rotate: { needsPassword: true, acceptsLogin: true, run: rotateJelasticToken },
};
