/**
 * What the seed presets (YesWeHack, Brass, Jelastic/Virtuozzo, iObeya) share when turning an
 * HTTP exchange into a check outcome, on top of the wording every connector shares
 * (../http/outcomes). The rule throughout: trouble reaching the platform, or an answer we
 * cannot read, is `unknown` with a reason — never `invalid`.
 */
import { failureOutcome, rateLimitedReason, scrub, UNEXPECTED_RESPONSE } from '../http/outcomes';
import { isRateLimited } from '../http/rate-limit';
import type { CheckOutcome, HttpResponse } from '../types';

export { failureOutcome, failureReason } from '../http/outcomes';

/** Runs a check; any throw becomes `unknown` with a reason (HttpFailure kinds only, never a message). */
export async function guarded(run: () => Promise<CheckOutcome>): Promise<CheckOutcome> {
  try {
    return await run();
  } catch (e) {
    return failureOutcome(e);
  }
}

/** A rate-limited answer (429, or 403 with Retry-After), as `unknown`; null otherwise. Check it before 401/403. */
export function rateLimitedOutcome(res: HttpResponse): CheckOutcome | null {
  return isRateLimited(res) ? { result: 'unknown', reason: rateLimitedReason(res) } : null;
}

/**
 * The statuses every seed platform treats alike: 5xx, and any status the preset does not
 * handle, are `unknown`. Returns null for 2xx, which the preset reads itself.
 */
export function commonStatusOutcome(res: HttpResponse): CheckOutcome | null {
  if (res.status >= 200 && res.status < 300) return null;
  const limited = rateLimitedOutcome(res);
  if (limited !== null) return limited;
  if (res.status >= 500) return { result: 'unknown', reason: `server error ${res.status}` };
  return { result: 'unknown', reason: `unexpected status ${res.status}` };
}

/**
 * A 401 (or a 403 the platform means as "not accepted"): `invalid`, or `expired` / `revoked`
 * when the platform's own message says so.
 */
export function rejectedOutcome(res: HttpResponse, reason: string): CheckOutcome {
  const said = platformMessage(res);
  if (said !== undefined && /\bexpired?\b/i.test(said)) return { result: 'expired', reason: `${res.status}: token expired` };
  if (said !== undefined && /\brevoked\b/i.test(said)) return { result: 'revoked', reason: `${res.status}: token revoked` };
  return { result: 'invalid', reason };
}

/** The platform's error text (`message`, `error`, `detail`…), with `secret` scrubbed, when its body has one. */
export function platformMessage(res: HttpResponse, secret = ''): string | undefined {
  const body = res.json;
  if (!isRecord(body)) return undefined;
  for (const k of ['message', 'error', 'error_description', 'detail', 'title']) {
    const v = body[k];
    if (typeof v === 'string' && v.trim() !== '') return scrub(v, secret, 300);
  }
  return undefined;
}

export const UNEXPECTED: CheckOutcome = { result: 'unknown', reason: UNEXPECTED_RESPONSE };

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
