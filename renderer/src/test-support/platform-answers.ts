/**
 * The platforms' answers renderer tests give through the platform double (platform-web.ts),
 * in each platform's documented shape (the presets in electron/core/platforms say where each
 * comes from), so the real core reads them exactly as it reads the platform's.
 */
import type { PlatformReply } from './platform-web';

/** Default API addresses of the built-in presets. */
export const GITHUB_API = 'https://api.github.com';
export const GITLAB_API = 'https://gitlab.com/api/v4';
export const BRASS_API = 'https://api.getbrass.co';
/** Jelastic's authentication service, below an account's base URL. */
export const JELASTIC_AUTH = '/1.0/users/authentication/rest';

/**
 * GitHub's `GET /user` for a token it accepts: the owner's login, classic scopes, and the
 * instant the token stops ("2026-12-01 00:00:00 UTC"; absent: it never expires).
 */
export function githubUser(login: string, o: { scopes?: readonly string[]; stopsAt?: string } = {}): PlatformReply {
  return {
    json: { login },
    headers: {
      ...(o.scopes ? { 'x-oauth-scopes': o.scopes.join(', ') } : {}),
      ...(o.stopsAt ? { 'github-authentication-token-expiration': o.stopsAt } : {}),
    },
  };
}

/** GitHub's answer to a token it does not accept (unknown, expired or revoked alike). */
export const GITHUB_BAD_CREDENTIALS: PlatformReply = { status: 401, json: { message: 'Bad credentials' } };

/** GitHub's answer to an accepted `POST /credentials/revoke`. */
export const GITHUB_REVOKED: PlatformReply = { status: 202, json: {} };

/** GitLab's `GET /personal_access_tokens/self`: the token's own record. */
export function gitlabSelf(o: { expiresAt?: string | null; lastUsedAt?: string | null; revoked?: boolean; scopes?: readonly string[] } = {}): PlatformReply {
  return {
    json: {
      id: 5,
      name: 'token',
      revoked: o.revoked ?? false,
      active: !(o.revoked ?? false),
      scopes: o.scopes ?? ['api'],
      user_id: 9,
      expires_at: o.expiresAt ?? null,
      last_used_at: o.lastUsedAt ?? null,
    },
  };
}

/** GitLab's answer to a rotation: the new token and the expiry it got. */
export function gitlabRotated(token: string, expiresAt: string): PlatformReply {
  return { json: { id: 6, token, expires_at: expiresAt } };
}

/** Brass's answer to a token it does not accept. */
export const BRASS_UNAUTHENTICATED: PlatformReply = { status: 401, json: { message: 'Unauthenticated.' } };

/** A Jelastic API answer: `result` 0 is success, 8202 "permission denied". */
export function jelastic(result: number, extra: Readonly<Record<string, unknown>> = {}): PlatformReply {
  return { json: { result, ...extra } };
}
