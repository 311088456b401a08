/**
 * GitLab self-rotation: `POST /personal_access_tokens/self/rotate` (doc/api/personal_access_tokens.md,
 * "Rotate a personal access token"; lib/api/personal_access_tokens/self_rotation.rb): the old
 * value is revoked and a new token with the same name and scopes is created, in one
 * transaction (app/services/personal_access_tokens/rotate_service.rb).
 *
 * Rules kept here (all in gitlabhq/gitlabhq):
 *  - `expires_at` is ALWAYS sent. Without it GitLab gives the new token one week when the
 *    instance requires an expiry (rotate_service.rb `EXPIRATION_PERIOD = 1.week`), silently
 *    shortening it. The default is the old expiry (shared/domain/gitlab-dates
 *    `gitlabRotationDate`); a date the user chose is sent as is.
 *  - A date beyond the instance's maximum lifetime is refused with 400 and the maximum in the
 *    message: the model's `expires_at_before_instance_max_expiry_date` adds "must be before
 *    %{expiry_date}" (app/models/personal_access_token.rb; the maximum date itself passes, the
 *    test is `expires_at > max_expiry_date`), the service returns `errors.full_messages`, and
 *    `bad_request!` (lib/api/helpers.rb) answers `{"message": "400 Bad request - Expires at must be
 *    before 2027-05-01"}`. A 400 means the transaction rolled back (rotate_service.rb raises
 *    ActiveRecord::Rollback when creating fails), so nothing was rotated and the request is
 *    sent once more, with that date, and the caller is told the expiry was capped.
 *  - The request is sent exactly once otherwise (`resend: false`: no rate-limit retry either),
 *    and a request whose answer never came back is `unconfirmed`, never retried: see
 *    ../rotation-unconfirmed for GitLab's reuse detection.
 *  - 5xx counts as unconfirmed too: a gateway's 502/504 can come after GitLab rotated behind it,
 *    and GitLab's own 500 can come after the transaction committed (the rotation e-mail and
 *    the response are built after it, rotate_service.rb `NotificationService…access_token_rotated`).
 *    429 is not: throttling answers before the request reaches the endpoint (inferred).
 */
import { z } from 'zod';
import { calendarDayStart } from '../../../../shared/domain/expiry';
import { gitlabExpiresAt, gitlabRotationDate } from '../../../../shared/domain/gitlab-dates';
import { bodyMessage, failureReason, isRateLimited, rateLimitedReason, statusReason, UNEXPECTED_RESPONSE } from '../http';
import { unconfirmed, unconfirmedFrom } from '../rotation-unconfirmed';
import type { ConnectorInput, HttpResponse, PlatformHttp, RotateOptions, RotateOutcome } from '../types';

/** GitLab certainly did not rotate; `reason` never holds a token (old or new). Worded as users have always read it. */
const notRotated = (reason: string): RotateOutcome => ({ result: 'failed', reason: `not rotated: ${reason}` });

const ROTATE_PATH = '/personal_access_tokens/self/rotate';
const rotatedSchema = z.object({ token: z.string().min(1), expires_at: z.string().nullable().optional() });

/** The maximum date named by GitLab's "Expires at must be before YYYY-MM-DD" refusal, else null. */
export function maxLifetimeDate(res: Pick<HttpResponse, 'status' | 'json'>): string | null {
  if (res.status !== 400) return null;
  const said = bodyMessage(res, '') ?? '';
  const date = /\bmust be before (\d{4}-\d{2}-\d{2})\b/.exec(said)?.[1];
  return date !== undefined && calendarDayStart(date) !== null ? date : null;
}

/** Sends the rotation once; a failure is the outcome instead: `unconfirmed` when it may have reached GitLab. */
async function post(http: PlatformHttp, expiresAt: string): Promise<HttpResponse | RotateOutcome> {
  try {
    return await http.request({ method: 'POST', path: ROTATE_PATH, json: { expires_at: expiresAt }, resend: false });
  } catch (e) {
    return unconfirmedFrom(e) ?? notRotated(failureReason(e));
  }
}

const isOutcome = (r: HttpResponse | RotateOutcome): r is RotateOutcome => 'result' in r;

/** Why GitLab refused, in the user's terms. */
function refusal(res: HttpResponse, token: string): string {
  if (isRateLimited(res)) return rateLimitedReason(res);
  const said = statusReason(res, token);
  const error = typeof res.json === 'object' && res.json !== null ? (res.json as Record<string, unknown>)['error'] : undefined;
  if (res.status === 403 && error === 'insufficient_scope') return `${said}: the token needs the api or self_rotate scope to rotate itself`;
  if (res.status === 401 && /revoked/i.test(said)) {
    // auth_finders.rb revokes the token's whole family on exactly this request.
    return `${said}: GitLab treats rotating a revoked value as reuse and revokes any token rotated from it`;
  }
  if (res.status === 405) return `${said}: only a personal access token can rotate itself`;
  return said;
}

/**
 * Rotates the token the http port carries. `options.expiresOn` (YYYY-MM-DD) is sent as is;
 * without it the old expiry (`options.stored`) is kept. `failed` when GitLab did not rotate,
 * `unconfirmed` when nobody can tell.
 */
export async function rotateGitLabToken(input: ConnectorInput, options: RotateOptions = {}): Promise<RotateOutcome> {
  const { token, http } = input;
  if (options.expiresOn !== undefined && calendarDayStart(options.expiresOn) === null) {
    return { result: 'failed', reason: 'the new expiry must be a date written YYYY-MM-DD' };
  }
  const stored = options.stored ?? { expiry: null, expirySource: null, expiryRaw: null, neverExpires: false };
  const asked = options.expiresOn ?? gitlabRotationDate(stored, options.now ?? new Date(), options.timeZone);
  let sent = asked;
  let res = await post(http, asked);
  if (isOutcome(res)) return res;
  const max = maxLifetimeDate(res);
  if (max !== null && max < asked) {
    sent = max;
    res = await post(http, max);
    if (isOutcome(res)) return res;
  }
  if (res.status >= 500) return unconfirmed(`server error ${res.status}`);
  if (res.status !== 200 && res.status !== 201) return notRotated(refusal(res, token));
  const parsed = rotatedSchema.safeParse(res.json);
  // A 200 without a readable new value: GitLab rotated (the old value is dead) but the value
  // did not reach us — the same situation as no answer at all.
  if (!parsed.success || parsed.data.token === token) return unconfirmed(UNEXPECTED_RESPONSE);
  const expiry = gitlabExpiresAt(parsed.data.expires_at);
  return {
    result: 'rotated',
    newValue: parsed.data.token,
    ...(expiry !== undefined ? { expiry } : {}),
    ...(sent !== asked ? { expiryCapped: { asked, sent } } : {}),
  };
}
