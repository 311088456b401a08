/**
 * The one set of translations from HTTP answers and request failures to connector outcomes, so
 * every connector words the same situation the same way. The rule throughout: trouble reaching
 * the platform (offline, timeout, rate-limited, server error), or an answer we cannot read, is
 * `unknown` with a reason — never `invalid`: it says nothing about the token.
 */
import type { CheckOutcome, HttpResponse } from '../types';
import { HttpFailure } from '../types';
import { isRateLimited, rateLimitWaitMs } from './rate-limit';

/** Short reasons per failure kind. */
const FAILURE_REASONS: Readonly<Record<HttpFailure['kind'], string>> = {
  offline: 'offline',
  timeout: 'timeout',
  'insecure-url': 'insecure URL (https required)',
  'redirect-to-other-host': 'redirected to another host (not followed)',
  'redirect-outside-base': "redirected outside the account's base path (not followed)",
  'too-large': 'response too large',
  aborted: 'aborted',
};

/** A reason for any error a request threw; only HttpFailure kinds and fixed texts (never the error's message). */
export function failureReason(e: unknown): string {
  if (e instanceof HttpFailure) return FAILURE_REASONS[e.kind];
  return 'request failed';
}

/** `unknown` with the failure's reason. For a connector's catch block. */
export function failureOutcome(e: unknown): CheckOutcome {
  return { result: 'unknown', reason: failureReason(e) };
}

/** Runs a check; any throw becomes `unknown` with a reason (HttpFailure kinds only, never a message). */
export async function guarded(run: () => Promise<CheckOutcome>): Promise<CheckOutcome> {
  try {
    return await run();
  } catch (e) {
    return failureOutcome(e);
  }
}

/** "rate-limited, retry in N s" (N rounded up), or "rate-limited" when the platform names no time. */
export function rateLimitedReason(res: Pick<HttpResponse, 'status' | 'headers'>, nowMs: number = Date.now()): string {
  const wait = rateLimitWaitMs(res, nowMs);
  return wait === null ? 'rate-limited' : `rate-limited, retry in ${Math.max(1, Math.ceil(wait / 1000))} s`;
}

/** A rate-limited answer (429, or 403 with Retry-After), as `unknown`; null otherwise. Check it before 401/403. */
export function rateLimitedOutcome(res: HttpResponse): CheckOutcome | null {
  return isRateLimited(res) ? { result: 'unknown', reason: rateLimitedReason(res) } : null;
}

/** Removes `secret` from a platform-supplied text and keeps it short and on one line. */
export function scrub(text: string, secret: string, max = 120): string {
  let t = text;
  if (secret.length > 0) t = t.split(secret).join('[token]');
  t = t.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where platforms put their own words in a JSON error body, most telling first: a human
 * sentence (`message`, OAuth's `error_description`), then OAuth's `error` code, then RFC 9457
 * problem details (`detail`, `title`).
 */
const MESSAGE_KEYS = ['message', 'error_description', 'error', 'detail', 'title'] as const;

/** The platform's own message in a JSON error body, with `secret` scrubbed, cut to `max` characters. */
export function bodyMessage(res: Pick<HttpResponse, 'json'>, secret: string, max = 120): string | undefined {
  const j = res.json;
  if (!isRecord(j)) return undefined;
  for (const key of MESSAGE_KEYS) {
    const v = j[key];
    if (typeof v === 'string' && v.trim() !== '') return scrub(v, secret, max);
  }
  return undefined;
}

/** Standard phrases for statuses when the body says nothing. */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
};

/** "401 Bad credentials" (the platform's message) or "401 Unauthorized". */
export function statusReason(res: Pick<HttpResponse, 'status' | 'json'>, secret: string): string {
  const msg = bodyMessage(res, secret) ?? STATUS_TEXT[res.status];
  if (!msg) return `status ${res.status}`;
  // GitLab's messages already start with the status ("401 Unauthorized").
  return msg.startsWith(`${res.status} `) ? msg : `${res.status} ${msg}`;
}

/**
 * The statuses every connector treats alike: rate-limited, 5xx, and any status the connector
 * does not handle itself, are `unknown`. Returns null for 2xx, which the connector reads itself.
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
 * when the platform's own message says so. Inference, not a documented contract: no platform
 * here documents a status or code that separates an expired or revoked token from a wrong
 * one, so its words (`message`, or OAuth's `error_description`) are read; anything else
 * stays `invalid`, which is true of all three.
 */
export function rejectedOutcome(res: HttpResponse, reason: string): CheckOutcome {
  // Only matched, never shown: read further than a reason's length so a late word still counts.
  const said = bodyMessage(res, '', 300);
  if (said !== undefined && /\bexpired?\b/i.test(said)) return { result: 'expired', reason: `${res.status}: token expired` };
  if (said !== undefined && /\brevoked\b/i.test(said)) return { result: 'revoked', reason: `${res.status}: token revoked` };
  return { result: 'invalid', reason };
}

/** The reason for a success status whose body is not what the platform documents. */
export const UNEXPECTED_RESPONSE = 'unexpected response';

/** A success status whose body is not what the platform documents: `unknown`, never a verdict. */
export const UNEXPECTED_OUTCOME: CheckOutcome = { result: 'unknown', reason: UNEXPECTED_RESPONSE };
