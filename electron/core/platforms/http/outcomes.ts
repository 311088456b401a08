/**
 * Shared translations from HTTP answers to check outcomes, so every connector words the same
 * situation the same way: offline / timeout / rate-limited / server error → `unknown` with a
 * reason (never `invalid`), 401/403 → `invalid`.
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

/** "rate-limited, retry in N s" (N rounded up), or "rate-limited" when the platform names no time. */
export function rateLimitedReason(res: Pick<HttpResponse, 'status' | 'headers'>, nowMs: number = Date.now()): string {
  const wait = rateLimitWaitMs(res, nowMs);
  return wait === null ? 'rate-limited' : `rate-limited, retry in ${Math.max(1, Math.ceil(wait / 1000))} s`;
}

/** Removes `secret` from a platform-supplied text and keeps it short and on one line. */
export function scrub(text: string, secret: string, max = 120): string {
  let t = text;
  if (secret.length > 0) t = t.split(secret).join('[token]');
  t = t.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The platform's own message in a JSON error body (`message`, `error_description`, `error`), scrubbed. */
export function bodyMessage(res: Pick<HttpResponse, 'json'>, secret: string): string | undefined {
  const j = res.json;
  if (typeof j !== 'object' || j === null) return undefined;
  for (const key of ['message', 'error_description', 'error']) {
    const v = (j as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim() !== '') return scrub(v, secret);
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
 * The outcome of a response that is not the connector's success case: rate-limited →
 * unknown; 401/403 → invalid; 5xx → unknown "server error N"; anything else → unknown
 * "unexpected status N".
 */
export function nonSuccessOutcome(res: HttpResponse, secret: string): CheckOutcome {
  if (isRateLimited(res)) return { result: 'unknown', reason: rateLimitedReason(res) };
  if (res.status === 401 || res.status === 403) return { result: 'invalid', reason: statusReason(res, secret) };
  if (res.status >= 500) return { result: 'unknown', reason: `server error ${res.status}` };
  return { result: 'unknown', reason: `unexpected status ${res.status}` };
}

/** The reason for a success status whose body is not what the platform documents. */
export const UNEXPECTED_RESPONSE = 'unexpected response';
