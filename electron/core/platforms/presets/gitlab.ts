/**
 * GitLab, gitlab.com or self-hosted (PLATFORMS.md "GitHub and GitLab"): `PRIVATE-TOKEN` header;
 * check `GET /personal_access_tokens/self`; revoke `DELETE /personal_access_tokens/self`;
 * rotate `POST /personal_access_tokens/self/rotate` (needs the `api` or `self_rotate` scope;
 * the old value dies at once).
 *
 * A revoked or expired token usually gets 401 with `{"error": "invalid_token",
 * "error_description": "Token has expired." | "Token has been revoked."}`; the self endpoint's
 * own `revoked`/`active` flags are read too.
 */
import { z } from 'zod';
import { calendarDayStart, type ReportedExpiry } from '../../../../shared/domain/expiry';
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import { bodyMessage, failureOutcome, failureReason, isRateLimited, nonSuccessOutcome, rateLimitedReason, statusReason, UNEXPECTED_RESPONSE } from '../http';
import type { CheckOutcome, ConnectorInput, HttpResponse, PlatformPreset, RevokeOutcome, RotateOutcome } from '../types';

/** `GET /personal_access_tokens/self`, the fields we read (others pass). */
const selfSchema = z.object({
  id: z.number(),
  name: z.string().optional(),
  revoked: z.boolean(),
  active: z.boolean(),
  scopes: z.array(z.string()),
  user_id: z.number().optional(),
  expires_at: z.string().nullable().optional(),
});

const DATE = /^(\d{4}-\d{2}-\d{2})/;

/**
 * GitLab's `expires_at` ("2026-12-01", or an ISO timestamp whose date counts) → the instant the
 * token stops: 00:00 UTC on that date (PLATFORMS.md pitfalls), with GitLab's own text; null for
 * "never", undefined unreadable.
 */
export function gitlabDate(v: string | null | undefined): ReportedExpiry | null | undefined {
  if (v === null) return null;
  if (v === undefined) return undefined;
  const day = DATE.exec(v)?.[1];
  return day === undefined || calendarDayStart(day) === null ? undefined : { at: `${day}T00:00:00.000Z`, raw: day };
}


function fromSelf(res: HttpResponse): CheckOutcome {
  const parsed = selfSchema.safeParse(res.json);
  if (!parsed.success) return { result: 'unknown', reason: UNEXPECTED_RESPONSE };
  const t = parsed.data;
  const expiry = gitlabDate(t.expires_at);
  const facts = {
    scopes: t.scopes,
    ...(expiry !== undefined ? { expiry } : {}),
    ...(t.user_id !== undefined ? { owner: `user #${t.user_id}` } : {}),
  };
  if (t.revoked) return { result: 'revoked', reason: 'revoked', ...facts };
  if (t.active) return { result: 'active', ...facts };
  if (expiry && Date.parse(expiry.at) <= Date.now()) return { result: 'expired', reason: `expired ${expiry.raw}`, ...facts };
  return { result: 'unknown', reason: 'inactive', ...facts };
}

function checkOutcomeOf(res: HttpResponse, token: string): CheckOutcome {
  if (res.status === 200) return fromSelf(res);
  if (res.status === 401) {
    const msg = bodyMessage(res, token) ?? '';
    if (/expired/i.test(msg)) return { result: 'expired', reason: statusReason(res, token) };
    if (/revoked/i.test(msg)) return { result: 'revoked', reason: statusReason(res, token) };
  }
  return nonSuccessOutcome(res, token);
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

/** Why a rotation failed; its message never holds a token (old or new). */
export class RotateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RotateError';
  }
}

const rotatedSchema = z.object({ token: z.string().min(1), expires_at: z.string().nullable().optional() });

/**
 * Rotates the token the http port carries. `expiresAt` (YYYY-MM-DD) is optional; GitLab picks
 * its default lifetime otherwise. Throws RotateError (or HttpFailure) when no new value came back.
 */
export async function rotateGitLabToken(input: ConnectorInput, options: { expiresAt?: string } = {}): Promise<RotateOutcome> {
  const { token, http } = input;
  if (options.expiresAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.expiresAt)) {
    throw new RotateError('expiry must be YYYY-MM-DD');
  }
  const res = await http.request({
    method: 'POST',
    path: '/personal_access_tokens/self/rotate',
    ...(options.expiresAt !== undefined ? { json: { expires_at: options.expiresAt } } : {}),
  });
  if (res.status !== 200 && res.status !== 201) {
    if (isRateLimited(res)) throw new RotateError(`not rotated: ${rateLimitedReason(res)}`);
    if (res.status >= 500) throw new RotateError(`not rotated: server error ${res.status}`);
    throw new RotateError(`not rotated: ${statusReason(res, token)}`);
  }
  const parsed = rotatedSchema.safeParse(res.json);
  if (!parsed.success || parsed.data.token === token) throw new RotateError(`not rotated: ${UNEXPECTED_RESPONSE}`);
  const expiry = gitlabDate(parsed.data.expires_at);
  return { newValue: parsed.data.token, ...(expiry !== undefined ? { expiry } : {}) };
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
    'Self-hosted GitLab: set the account base URL to https://<host>/api/v4.',
    'Expiry is required since GitLab 16.0 (default maximum 365 days); older tokens may never expire.',
    'Rotate needs the api or self_rotate scope; the old value stops working at once.',
  ],
  check,
  revoke: { needsPassword: false, run: revoke },
  rotate: { needsPassword: false, run: (input) => rotateGitLabToken(input) },
};
