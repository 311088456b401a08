/**
 * GitHub (PLATFORMS.md "GitHub and GitLab"): Bearer auth; check `GET /user` (owner login,
 * `X-OAuth-Scopes` for classic tokens, `GitHub-Authentication-Token-Expiration`); revoke via
 * `POST /credentials/revoke`, which must be UNAUTHENTICATED (authenticated calls get 403,
 * 60 requests/hour, ≤ 1,000 tokens per call); no rotate API.
 */
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import {
  failureOutcome,
  failureReason,
  isRateLimited,
  nonSuccessOutcome,
  rateLimitedReason,
  statusReason,
  UNEXPECTED_RESPONSE,
} from '../http';
import type { CheckOutcome, ConnectorInput, HttpResponse, PlatformPreset, RevokeOutcome } from '../types';

/** Headers GitHub asks API clients to send. */
const GITHUB_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' } as const;

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

async function revoke({ token, http }: ConnectorInput): Promise<RevokeOutcome> {
  try {
    const res = await http.request({
      method: 'POST',
      path: '/credentials/revoke',
      headers: GITHUB_HEADERS,
      json: { credentials: [token] },
      authenticated: false,
    });
    if (res.status === 202) return { revoked: true };
    if (isRateLimited(res)) return { revoked: false, reason: rateLimitedReason(res) };
    if (res.status >= 500) return { revoked: false, reason: `server error ${res.status}` };
    return { revoked: false, reason: statusReason(res, token) };
  } catch (e) {
    return { revoked: false, reason: failureReason(e) };
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
    'Revoke uses the unauthenticated credentials-revoke API (60 requests/hour).',
    'No rotate API: generate a new token on the token page.',
    '5,000 requests/hour per user.',
  ],
  check,
  revoke: { needsPassword: false, run: revoke },
};
