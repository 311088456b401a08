/**
 * GitLab, gitlab.com or self-hosted (PLATFORMS.md "GitHub and GitLab"): `PRIVATE-TOKEN` header;
 * check `GET /personal_access_tokens/self`; revoke `DELETE /personal_access_tokens/self`;
 * rotate `POST /personal_access_tokens/self/rotate` (./gitlab-rotate).
 *
 * How each answer of the check is read (sources: gitlabhq/gitlabhq):
 *   200 → the token's own record: `revoked`, `active`, `scopes`, `user_id`, `expires_at` (a date
 *         D: the token stops at D 00:00 UTC, shared/domain/gitlab-dates), `last_used_at`
 *         (doc/api/personal_access_tokens.md, "Get details on a personal access token").
 *   401 → the body says why (lib/api/api_guard.rb, `oauth2_bearer_token_error_handler`, answered
 *         through rack-oauth2 as `{"error": "invalid_token", "error_description": …}`):
 *         "Token is expired. You can either do re-authorization or token refresh." → expired;
 *         "Token was revoked. You have to re-authorize from the user." → revoked;
 *         anything else ("401 Unauthorized" for an unknown token, lib/api/helpers.rb) → invalid.
 *   403 → see `forbidden` below: `insufficient_scope` proves the token valid; any other 403 says
 *         nothing about it.
 *   404 → no such endpoint here: a wrong base URL, or GitLab older than 15.5 (the self endpoint's
 *         version, same doc) → unknown.
 *   429 / 5xx / network → unknown.
 */
import { z } from 'zod';
import { instantOf } from '../../../../shared/domain/expiry';
import { gitlabExpiresAt } from '../../../../shared/domain/gitlab-dates';
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import { bodyMessage, failureOutcome, failureReason, isRateLimited, rateLimitedOutcome, rateLimitedReason, statusReason, UNEXPECTED_OUTCOME } from '../http';
import type { CheckOutcome, ConnectorInput, HttpResponse, PlatformPreset, RevokeOutcome } from '../types';
import { rotateGitLabToken } from './gitlab-rotate';

/** `GET /personal_access_tokens/self`, the fields we read (others pass). */
const selfSchema = z.object({
  id: z.number(),
  name: z.string().optional(),
  revoked: z.boolean(),
  active: z.boolean(),
  scopes: z.array(z.string()),
  user_id: z.number().optional(),
  expires_at: z.string().nullable().optional(),
  last_used_at: z.string().nullable().optional(),
});

/** GitLab's `last_used_at` as an ISO instant; null = never used; undefined = absent or unreadable. */
function lastUsed(v: string | null | undefined): string | null | undefined {
  if (v === null) return null;
  return v === undefined ? undefined : (instantOf(Date.parse(v)) ?? undefined);
}

function fromSelf(res: HttpResponse): CheckOutcome {
  const parsed = selfSchema.safeParse(res.json);
  if (!parsed.success) return UNEXPECTED_OUTCOME;
  const t = parsed.data;
  const expiry = gitlabExpiresAt(t.expires_at);
  const lastUsedAt = lastUsed(t.last_used_at);
  const facts = {
    scopes: t.scopes,
    ...(expiry !== undefined ? { expiry } : {}),
    ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
    ...(t.user_id !== undefined ? { owner: `user #${t.user_id}` } : {}),
  };
  if (t.revoked) return { result: 'revoked', reason: 'revoked', ...facts };
  if (t.active) return { result: 'active', ...facts };
  // Not revoked and not active: expired, when its date has come (GitLab's `active?` is
  // `!revoked? && !expired?`, app/models/personal_access_token.rb).
  if (expiry && Date.now() >= Date.parse(expiry.at)) return { result: 'expired', reason: `expired ${expiry.raw}`, ...facts };
  return { result: 'unknown', reason: 'inactive', ...facts };
}

/** GitLab's OAuth-style error fields, when the body has them. */
function oauthError(res: HttpResponse): { error?: string; description?: string; scope?: string } {
  const j = res.json;
  if (typeof j !== 'object' || j === null) return {};
  const { error, error_description: description, scope } = j as Record<string, unknown>;
  return {
    ...(typeof error === 'string' ? { error } : {}),
    ...(typeof description === 'string' ? { description } : {}),
    ...(typeof scope === 'string' ? { scope } : {}),
  };
}

/** The first sentence of GitLab's words, for a reason ("401 Token is expired."). */
const firstSentence = (s: string): string => /^[^.]*\.?/.exec(s.trim())?.[0] ?? s;

function rejected(res: HttpResponse, token: string): CheckOutcome {
  const { description } = oauthError(res);
  // The texts of lib/api/api_guard.rb (ExpiredError "Token is expired. …", RevokedError "Token
  // was revoked. …"), matched on the word so a reworded sentence still reads (e.g. "Token has
  // expired.", which this preset used to expect: unverified); every 401 is a rejection, only
  // which one is in question.
  if (description !== undefined && /\bexpired\b/i.test(description)) return { result: 'expired', reason: `401 ${firstSentence(description)}` };
  if (description !== undefined && /\brevoked\b/i.test(description)) return { result: 'revoked', reason: `401 ${firstSentence(description)}` };
  return { result: 'invalid', reason: statusReason(res, token) };
}

/**
 * A 403. GitLab validates a token in this order: expired, then revoked, then scopes
 * (app/services/access_token_validation_service.rb, called by `validate_and_save_access_token!`
 * in lib/gitlab/auth/auth_finders.rb), and only the scope failure answers 403, with
 * `{"error": "insufficient_scope", …, "scope": "<the scopes that would do>"}` (lib/api/api_guard.rb).
 * So `insufficient_scope` proves the token exists, has not expired and was not revoked: the
 * check says `active`, with the reason. (The self endpoint accepts every scope today,
 * lib/api/personal_access_tokens/self_information.rb, so this is for versions or setups that
 * narrow it — inferred.) Any other 403 — `forbidden!` for a blocked or deactivated account
 * (api_guard.rb `find_current_user!`), gitlab.com's ban after many failed sign-ins from one
 * address (doc/security/tokens/token_troubleshooting.md), a proxy or firewall — judges the
 * account, the address or the network, not the token: `unknown`.
 */
function forbidden(res: HttpResponse, token: string): CheckOutcome {
  const { error, scope } = oauthError(res);
  if (error === 'insufficient_scope') {
    return { result: 'active', reason: `valid, but lacks the scope this request needs (403 insufficient_scope${scope ? `; needs ${scope}` : ''})` };
  }
  return { result: 'unknown', reason: `${statusReason(res, token)} (GitLab refused the request; the token itself was not judged)` };
}

function checkOutcomeOf(res: HttpResponse, token: string): CheckOutcome {
  if (res.status === 200) return fromSelf(res);
  const limited = rateLimitedOutcome(res);
  if (limited !== null) return limited;
  if (res.status === 401) return rejected(res, token);
  if (res.status === 403) return forbidden(res, token);
  if (res.status === 404) return { result: 'unknown', reason: '404: no personal access token API here (base URL https://<host>/api/v4? GitLab 15.5 or later?)' };
  if (res.status >= 500) return { result: 'unknown', reason: `server error ${res.status}` };
  const said = bodyMessage(res, token);
  return { result: 'unknown', reason: `unexpected status ${res.status}${said ? `: ${said}` : ''}` };
}

async function check({ token, http }: ConnectorInput): Promise<CheckOutcome> {
  try {
    return checkOutcomeOf(await http.request({ method: 'GET', path: '/personal_access_tokens/self' }), token);
  } catch (e) {
    return failureOutcome(e);
  }
}

async function revoke({ token, http }: ConnectorInput): Promise<RevokeOutcome> {
  try {
    const res = await http.request({ method: 'DELETE', path: '/personal_access_tokens/self' });
    if (res.status === 204 || res.status === 200) return { revoked: true };
    if (isRateLimited(res)) return { revoked: false, reason: rateLimitedReason(res) };
    if (res.status >= 500) return { revoked: false, reason: `server error ${res.status}` };
    return { revoked: false, reason: statusReason(res, token) };
  } catch (e) {
    return { revoked: false, reason: failureReason(e) };
  }
}

/** The GitLab preset. */
export const gitlabPreset: PlatformPreset = {
  id: 'gitlab',
  name: 'GitLab',
  defaultBaseUrl: 'https://gitlab.com/api/v4',
  auth: { kind: 'header', name: 'PRIVATE-TOKEN' },
  tokenPattern: PRESET_TOKEN_PATTERNS.gitlab,
  tokenPageUrl: 'https://gitlab.com/-/user_settings/personal_access_tokens',
  scopeVocabulary: [
    'api',
    'read_api',
    'read_user',
    'create_runner',
    'manage_runner',
    'k8s_proxy',
    'read_repository',
    'write_repository',
    'read_registry',
    'write_registry',
    'read_virtual_registry',
    'write_virtual_registry',
    'ai_features',
    'self_rotate',
    'read_service_ping',
    'sudo',
    'admin_mode',
  ],
  expiry: 'required',
  notes: [
    'Self-hosted GitLab: set the account base URL to https://<host>/api/v4 (GitLab 15.5 or later for the check).',
    'A token stops working at 00:00 UTC on its expiry date; the check reports that instant and when GitLab last saw the token used.',
    'Expiry is required since GitLab 16.0 (default maximum 365 days); older tokens may never expire.',
    'A check tells expired, revoked and unknown tokens apart (GitLab says which); a 403 other than a missing scope (blocked account, too many failed sign-ins) is not a verdict on the token.',
    'Rotate needs the api or self_rotate scope; the old value stops working at once. The new token keeps the old expiry unless you choose another (GitLab alone would give it one week); a date beyond the instance’s maximum is capped to it.',
    'A rotation that got no answer is marked unconfirmed and never repeated: rotating again with a value GitLab already rotated revokes the new token too. Check the token (safe) or look on the token page.',
  ],
  check,
  revoke: { needsPassword: false, run: revoke },
  rotate: { needsPassword: false, takesExpiry: true, run: rotateGitLabToken },
};
