/**
 * Reading a platform's "slow down" answer: 429 (or GitHub's 403 with `x-ratelimit-remaining: 0`),
 * with `Retry-After` (seconds or an HTTP date) or `x-ratelimit-reset` (epoch seconds).
 */
import type { HttpResponse } from '../types';

/** True when the response says the client is rate-limited (429, or 403 with an exhausted budget). */
export function isRateLimited(res: Pick<HttpResponse, 'status' | 'headers'>): boolean {
  if (res.status === 429) return true;
  if (res.status === 403) {
    return res.headers['x-ratelimit-remaining'] === '0' || res.headers['retry-after'] !== undefined;
  }
  return false;
}

/** Milliseconds a `Retry-After` value asks to wait (seconds or HTTP date), or null when absent/unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (!Number.isFinite(at) || !/[a-z]/i.test(v)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * How long a rate-limited response asks to wait, in ms: `Retry-After` first, then
 * `x-ratelimit-reset` when `x-ratelimit-remaining` is 0. Null when the response is not
 * rate-limited or names no time.
 */
export function rateLimitWaitMs(res: Pick<HttpResponse, 'status' | 'headers'>, nowMs: number = Date.now()): number | null {
  if (!isRateLimited(res)) return null;
  const ra = parseRetryAfter(res.headers['retry-after'], nowMs);
  if (ra !== null) return ra;
  const reset = res.headers['x-ratelimit-reset'];
  if (res.headers['x-ratelimit-remaining'] === '0' && reset !== undefined && /^\d+$/.test(reset.trim())) {
    return Math.max(0, Number(reset.trim()) * 1000 - nowMs);
  }
  return null;
}
