/**
 * GitHub (PLATFORMS.md "GitHub and GitLab"): Bearer auth; check `GET /user` (owner login,
 * `X-OAuth-Scopes` for classic tokens, `GitHub-Authentication-Token-Expiration`); no rotate API.
 *
 * Revoke depends on which GitHub the account's base URL names (./github-revoke.ts):
 *   - github.com: `POST /credentials/revoke`, UNAUTHENTICATED (authenticated calls get 403,
 *     60 requests/hour, ≤ 1,000 tokens per call);
 *   - GitHub Enterprise Server (`https://<host>/api/v3`): the same endpoint on the server,
 *     AUTHENTICATED, from GHES 3.18 on; older servers have none, so the revoke becomes guided on
 *     the server's own token page;
 *   - GHE.com (data residency): guided, its revoke API is not documented.
 */
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import { failureOutcome, nonSuccessOutcome, UNEXPECTED_RESPONSE } from '../http';
import type { CheckOutcome, ConnectorInput, HttpResponse, PlatformPreset } from '../types';
import { GITHUB_HEADERS, revokeGitHubToken } from './github-revoke';

/**
 * `GitHub-Authentication-Token-Expiration` ("2026-12-01 00:00:00 UTC", or with a numeric
 * offset "2026-12-01 00:00:00 -0700") → the instant it names (ISO, UTC); undefined when absent/unreadable.
 */
export function parseGitHubExpiration(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) return undefined;
  const zone = m[3] === undefined || /^(utc|z)$/i.test(m[3]) ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isFinite(at) ? new Date(at).toISOString() : undefined;
}

/** `X-OAuth-Scopes: repo, read:org` → ['repo', 'read:org']; undefined when the header is absent (fine-grained). */
export function parseGitHubScopes(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function checkOutcomeOf(res: HttpResponse, token: string): CheckOutcome {
  if (res.status !== 200) return nonSuccessOutcome(res, token);
  const body = res.json;
  const login = typeof body === 'object' && body !== null ? (body as { login?: unknown }).login : undefined;
  if (typeof login !== 'string' || login === '') return { result: 'unknown', reason: UNEXPECTED_RESPONSE };
  const scopes = parseGitHubScopes(res.headers['x-oauth-scopes']);
  const header = res.headers['github-authentication-token-expiration'];
  const at = parseGitHubExpiration(header);
  return {
    result: 'active',
    owner: login,
    ...(scopes !== undefined ? { scopes } : {}),
    // No header on a successful call: the token has no expiration date (docs.github.com, "Token
    // expiration" in the REST API authentication guide); an unreadable one says nothing.
    ...(header === undefined ? { expiry: null } : at !== undefined ? { expiry: { at, raw: header.trim() } } : {}),
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
    'An expired or revoked token gets 401 "Bad credentials": GitHub does not say which, so the check reports invalid.',
    'Revoke uses the unauthenticated credentials-revoke API (60 requests/hour); on GitHub Enterprise Server 3.18 and later the server\'s own, authenticated one; on older servers and GHE.com it is guided (the account\'s token page).',
    'No rotate API: generate a new token on the token page.',
    '5,000 requests/hour per user.',
  ],
  check,
  revoke: { needsPassword: false, run: revokeGitHubToken },
};
