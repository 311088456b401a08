/** The HTTP port and its helpers, for connectors. */
export { createPlatformHttp, DEFAULT_RETRY_BUDGET_MS, DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES, MAX_REDIRECTS } from './platform-http';
export type { PlatformHttpOptions } from './platform-http';
export { createHostLimiter, defaultHostLimiter, DEFAULT_MAX_PER_ORIGIN } from './host-limiter';
export type { HostLimiter, HostLimiterOptions, RateBudget } from './host-limiter';
export { isRateLimited, parseRetryAfter, rateLimitWaitMs } from './rate-limit';
export { isLoopbackHost, validateBaseUrl } from './url-guard';
export {
  bodyMessage,
  commonStatusOutcome,
  failureOutcome,
  failureReason,
  guarded,
  isRecord,
  rateLimitedOutcome,
  rateLimitedReason,
  rejectedOutcome,
  scrub,
  statusReason,
  UNEXPECTED_OUTCOME,
  UNEXPECTED_RESPONSE,
} from './outcomes';
