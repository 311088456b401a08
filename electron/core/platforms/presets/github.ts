/**
 * GitHub (PLATFORMS.md "GitHub and GitLab"): Bearer auth; check `GET /user` (owner login,
 * `X-OAuth-Scopes` for classic tokens, `GitHub-Authentication-Token-Expiration`); no rotate API.
 *
 * How each answer of the check is read:
 *   200 → active; the expiry header, when present, is the instant the token stops ("2026-12-01
 *         00:00:00 UTC" or with a numeric offset, "… +0900"); absent = the token has no
 *         expiration: "The time and date of expiration will be returned in the response header
 *         when a PAT with expiration is used" (https://github.com/github/roadmap/issues/203,
 *         GitHub's announcement of PAT expiration; docs.github.com, "Token expiration" in the
 *         REST API authentication guide) → `expiry: null`.
 *   401 → invalid: "Bad credentials" covers unknown, expired and revoked tokens alike
 *         (PLATFORMS.md pitfalls), so GitHub does not say which.
 *   403 / 429 rate limits → unknown: primary limit = `x-ratelimit-remaining: 0`; secondary limit
 *         = "an error message that indicates that you exceeded a secondary rate limit", with
 *         `retry-after` when present, else "wait for at least one minute"
 *         (github/docs content/rest/using-the-rest-api/rate-limits-for-the-rest-api.md,
 *         "Exceeding the rate limit").
 *   other 403 → unknown: GitHub refused the request (an organization's IP allow list, a
 *         blocked account…), which it does only after reading the credentials; not a verdict on
 *         the token (inferred).
 *   5xx / network / anything else → unknown.
 *
 * Revoke depends on which GitHub the account's base URL names (./github-revoke.ts):
 *   - github.com: `POST /credentials/revoke`, UNAUTHENTICATED (authenticated calls get 403,
 *     60 requests/hour, ≤ 1,000 tokens per call);
 *   - GitHub Enterprise Server (`https://<host>/api/v3`): the same endpoint on the server,
 *     AUTHENTICATED, from GHES 3.18 on; older servers have none, so the revoke becomes guided on
 *     the server's own token page;
 *   - GHE.com (data residency): guided, its revoke API is not documented.
 */
import { instantOf, type ReportedExpiry } from '../../../../shared/domain/expiry';
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import { bodyMessage, failureOutcome, isRateLimited, rateLimitedReason, statusReason, UNEXPECTED_OUTCOME } from '../http';
import type { CheckOutcome, ConnectorInput, HttpResponse, PlatformPreset } from '../types';
import { GITHUB_HEADERS, revokeGitHubToken } from './github-revoke';

/** GitHub's advice when a secondary rate limit names no time: "wait for at least one minute". */
const SECONDARY_LIMIT_WAIT_S = 60;

/**
 * `GitHub-Authentication-Token-Expiration` ("2026-12-01 00:00:00 UTC", or with a numeric
 * offset "2026-12-01 00:00:00 -0700") → the instant it names, with the header's own text;
 * undefined when absent or unreadable.
 */
export function parseGitHubExpiration(value: string | undefined): ReportedExpiry | undefined {
  if (value === undefined) return undefined;
  const raw = value.trim();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?$/i.exec(raw);
  if (!m) return undefined;
  const zone = m[3] === undefined || /^(utc|gmt|z)$/i.test(m[3]) ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = instantOf(Date.parse(`${m[1]}T${m[2]}${zone}`));
  return at === null ? undefined : { at, raw };
}

/** `X-OAuth-Scopes: repo, read:org` → ['repo', 'read:org']; undefined when the header is absent (fine-grained). */
export function parseGitHubScopes(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A primary or secondary rate limit (see the header comment): its reason, else null. */
function rateLimit(res: HttpResponse, token: string): string | null {
  if (isRateLimited(res)) return rateLimitedReason(res);
  if ((res.status === 403 || res.status === 429) && /secondary rate limit|rate limit exceeded/i.test(bodyMessage(res, token) ?? '')) {
    return `rate-limited, retry in ${SECONDARY_LIMIT_WAIT_S} s`;
  }
  return null;
}

function checkOutcomeOf(res: HttpResponse, token: string): CheckOutcome {
  const limited = rateLimit(res, token);
  if (limited !== null) return { result: 'unknown', reason: limited };
  if (res.status === 401) return { result: 'invalid', reason: statusReason(res, token) };
  if (res.status === 403) return { result: 'unknown', reason: `${statusReason(res, token)} (GitHub refused the request; the token itself was not judged)` };
  if (res.status >= 500) return { result: 'unknown', reason: `server error ${res.status}` };
  if (res.status !== 200) return { result: 'unknown', reason: `unexpected status ${res.status}` };
  const body = res.json;
  const login = typeof body === 'object' && body !== null ? (body as { login?: unknown }).login : undefined;
  if (typeof login !== 'string' || login === '') return UNEXPECTED_OUTCOME;
  const scopes = parseGitHubScopes(res.headers['x-oauth-scopes']);
  const header = res.headers['github-authentication-token-expiration'];
  // Absent: no expiration (null). Present but unreadable: say nothing rather than guess.
  const expiry = header === undefined ? null : parseGitHubExpiration(header);
  return {
    result: 'active',
    owner: login,
    ...(scopes !== undefined ? { scopes } : {}),
    ...(expiry !== undefined ? { expiry } : {}),
  };
}

async function check({ token, http }: ConnectorInput): Promise<CheckOutcome> {
  try {
    const res = await http.request({ method: 'GET', path: '/user', headers: GITHUB_HEADERS });
    return checkOutcomeOf(res, token);
  } catch (e) {
    return failureOutcome(e);
  }
}

/** The GitHub preset. */
export const githubPreset: PlatformPreset = {
  id: 'github',
  name: 'GitHub',
  defaultBaseUrl: 'https://api.github.com',
  auth: { kind: 'bearer' },
  tokenPattern: PRESET_TOKEN_PATTERNS.github,
  tokenPageUrl: 'https://github.com/settings/tokens',
  scopeVocabulary: [
    'repo',
    'repo:status',
    'public_repo',
    'workflow',
    'write:packages',
    'read:packages',
    'delete:packages',
    'admin:org',
    'write:org',
    'read:org',
    'admin:public_key',
    'admin:repo_hook',
    'admin:org_hook',
    'gist',
    'notifications',
    'user',
    'read:user',
    'user:email',
    'delete_repo',
    'write:discussion',
    'read:discussion',
    'admin:enterprise',
    'project',
    'read:project',
    'admin:gpg_key',
    'admin:ssh_signing_key',
    'codespace',
    'copilot',
  ],
  expiry: 'optional',
  notes: [
    'Classic tokens report their scopes (X-OAuth-Scopes); fine-grained tokens report none.',
    'A check reads the expiry GitHub reports (an exact time, with its zone); no expiry header means the token never expires.',
    'An expired or revoked token gets 401 "Bad credentials": GitHub does not say which, so the check reports invalid.',
    'A rate limit (403 or 429) or another 403 is not a verdict on the token: the check reports unknown.',
    'Revoke uses the unauthenticated credentials-revoke API (60 requests/hour); on GitHub Enterprise Server 3.18 and later the server\'s own, authenticated one; on older servers and GHE.com it is guided (the account\'s token page).',
    'No rotate API: generate a new token on the token page.',
    '5,000 requests/hour per user.',
  ],
  check,
  revoke: { needsPassword: false, run: revokeGitHubToken },
};
