/**
 * GitHub revoke, by which GitHub the account's base URL names:
 *
 *   - github.com (`https://api.github.com`, the default): `POST /credentials/revoke` with
 *     `{"credentials": [token]}`, UNAUTHENTICATED — docs.github.com/en/rest/credentials/revoke:
 *     "limited to only 60 unauthenticated requests per hour and a max of 1000 tokens per API
 *     request … Any authenticated requests will return a 403"; 202 Accepted, 422, 500.
 *   - GitHub Enterprise Server (`https://<host>/api/v3`): the same endpoint on the server itself,
 *     AUTHENTICATED — docs.github.com/en/enterprise-server@3.19/rest/credentials/revoke: "limited
 *     to 60 authenticated requests per hour", request example with `Authorization: Bearer
 *     <YOUR-TOKEN>` to `http(s)://HOSTNAME/api/v3/credentials/revoke`; 202, 422, 500. It exists
 *     from GHES 3.18 on (github/docs content/rest/credentials/revoke.md, `versions: ghes:
 *     '>=3.18'`): an older server answers 404, and then the revoke is guided on the server's own
 *     token page (the caller offers it: `fallback: 'guided'`). The token revokes itself here, so
 *     a server that no longer accepts it (401) also leaves the user the token page.
 *   - GHE.com (GitHub Enterprise Cloud with data residency, `https://api.<subdomain>.ghe.com`):
 *     which of the two rules applies there is not documented; nothing is sent, the revoke is
 *     guided.
 * Nothing reaches api.github.com for an Enterprise account: the HTTP port is bound to the
 * account's own base URL.
 */
import { failureReason, isRateLimited, rateLimitedReason, statusReason } from '../http';
import type { ConnectorInput, HttpResponse, RevokeOutcome } from '../types';

/** Headers GitHub asks API clients to send. */
export const GITHUB_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' } as const;

/** Which GitHub a base URL names. */
export type GitHubKind = 'github.com' | 'ghe.com' | 'enterprise-server';

/** github.com for the default (no base URL) and `api.github.com`; GHE.com for `api.<subdomain>.ghe.com`; anything else is a server of its own. */
export function githubKind(baseUrl: string | undefined): GitHubKind {
  if (baseUrl === undefined) return 'github.com';
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return 'enterprise-server'; // unreadable: the HTTP port refuses it before anything is sent
  }
  if (host === 'api.github.com') return 'github.com';
  if (/^api\.[a-z0-9][a-z0-9-]*\.ghe\.com$/.test(host)) return 'ghe.com';
  return 'enterprise-server';
}

/** A revoke answer that is not 202, in words. */
function failed(res: HttpResponse, token: string): RevokeOutcome {
  if (isRateLimited(res)) return { revoked: false, reason: rateLimitedReason(res) };
  if (res.status >= 500) return { revoked: false, reason: `server error ${res.status}` };
  return { revoked: false, reason: statusReason(res, token) };
}

/**
 * `POST /credentials/revoke` with the token in the body: unauthenticated at api.github.com
 * (authenticated calls get 403 there), authenticated on a server. Sent once either way: the
 * budget is 60 requests an hour, so a rate limit is reported, not waited out.
 */
function postRevoke({ token, http }: ConnectorInput, authenticated: boolean): Promise<HttpResponse> {
  return http.request({ method: 'POST', path: '/credentials/revoke', headers: GITHUB_HEADERS, json: { credentials: [token] }, authenticated, resend: false });
}

async function revokeOnGitHubCom(input: ConnectorInput): Promise<RevokeOutcome> {
  try {
    const res = await postRevoke(input, false);
    return res.status === 202 ? { revoked: true } : failed(res, input.token);
  } catch (e) {
    return { revoked: false, reason: failureReason(e) };
  }
}

async function revokeOnServer(input: ConnectorInput): Promise<RevokeOutcome> {
  const { token } = input;
  try {
    const res = await postRevoke(input, true);
    if (res.status === 202) return { revoked: true };
    if (res.status === 404) {
      return { revoked: false, reason: 'this GitHub Enterprise Server has no credential-revoke API (it came in 3.18): revoke the token on its token page', fallback: 'guided' };
    }
    if (res.status === 401) {
      return { revoked: false, reason: `${statusReason(res, token)}: the server no longer accepts the token; make sure on its token page that it is gone`, fallback: 'guided' };
    }
    return failed(res, token);
  } catch (e) {
    return { revoked: false, reason: failureReason(e) };
  }
}

/** Revokes the token the HTTP port carries, the way its GitHub documents. */
export async function revokeGitHubToken(input: ConnectorInput): Promise<RevokeOutcome> {
  switch (githubKind(input.baseUrl)) {
    case 'github.com':
      return revokeOnGitHubCom(input);
    case 'enterprise-server':
      return revokeOnServer(input);
    case 'ghe.com':
      return { revoked: false, reason: 'GHE.com documents no revoke API for personal access tokens: revoke it on its token page', fallback: 'guided' };
  }
}
