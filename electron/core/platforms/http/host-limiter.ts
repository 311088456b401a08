/**
 * Per-origin bounds shared by every PlatformHttp: at most N requests in flight per origin
 * (a small semaphore) and, for platforms with a known budget (Brass: 60/min), a token bucket
 * per origin that makes requests wait for their turn instead of earning a 429.
 */

/** A request budget: `requests` per `perSeconds`. */
export interface RateBudget {
  readonly requests: number;
  readonly perSeconds: number;
}

/** What the HTTP port needs from a limiter; inject one to share bounds, or use the module default. */
export interface HostLimiter {
  /** Runs `fn` once fewer than the limit of requests to `origin` are in flight. */
  run<T>(origin: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Resolves when `origin`'s bucket for `budget` allows one more request (takes it). */
  takeRateToken(origin: string, budget: RateBudget, signal?: AbortSignal): Promise<void>;
  /** Current and highest-seen in-flight counts for `origin` (tests, bench). */
  stats(origin: string): { readonly inFlight: number; readonly maxInFlight: number; readonly queued: number };
}

/** Options of createHostLimiter. */
export interface HostLimiterOptions {
  /** In-flight requests per origin (default 4). */
  readonly maxPerOrigin?: number;
  /** Clock in ms and sleep, injectable for tests. */
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Default in-flight requests per origin: like a browser's per-host connection limit (6–8), so
 * checking a consultant's hundreds of tokens on one platform is quick but never a flood.
 */
export const DEFAULT_MAX_PER_ORIGIN = 8;

/** Sleeps `ms`, rejecting with the signal's reason when it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface Slot {
  inFlight: number;
  maxInFlight: number;
  readonly waiting: (() => void)[];
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** Serialises waiters so they take tokens in arrival order. */
  tail: Promise<void>;
}

/** A limiter with its own per-origin state. */
export function createHostLimiter(options: HostLimiterOptions = {}): HostLimiter {
  const max = options.maxPerOrigin ?? DEFAULT_MAX_PER_ORIGIN;
  if (!Number.isInteger(max) || max < 1) throw new RangeError('maxPerOrigin must be a positive integer');
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const slots = new Map<string, Slot>();
  const buckets = new Map<string, Bucket>();

  const slotOf = (origin: string): Slot => {
    let s = slots.get(origin);
    if (!s) {
      s = { inFlight: 0, maxInFlight: 0, waiting: [] };
      slots.set(origin, s);
    }
    return s;
  };

  const acquire = (s: Slot, signal?: AbortSignal): Promise<void> => {
    if (s.inFlight < max) {
      s.inFlight++;
      s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        s.inFlight++;
        s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
        resolve();
      };
      const onAbort = (): void => {
        const i = s.waiting.indexOf(grant);
        if (i >= 0) s.waiting.splice(i, 1);
        reject(signal?.reason);
      };
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      s.waiting.push(grant);
    });
  };

  const release = (s: Slot): void => {
    s.inFlight--;
    const next = s.waiting.shift();
    if (next) next();
  };

  return {
    async run<T>(origin: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      const s = slotOf(origin);
      await acquire(s, signal);
      try {
        return await fn();
      } finally {
        release(s);
      }
    },

    takeRateToken(origin: string, budget: RateBudget, signal?: AbortSignal): Promise<void> {
      if (!(budget.requests > 0) || !(budget.perSeconds > 0)) return Promise.resolve();
      const key = `${origin} ${budget.requests}/${budget.perSeconds}`;
      let b = buckets.get(key);
      if (!b) {
        b = { tokens: budget.requests, updatedAt: now(), tail: Promise.resolve() };
        buckets.set(key, b);
      }
      const bucket = b;
      const perMs = budget.requests / (budget.perSeconds * 1000);
      const take = async (): Promise<void> => {
        for (;;) {
          const t = now();
          bucket.tokens = Math.min(budget.requests, bucket.tokens + (t - bucket.updatedAt) * perMs);
          bucket.updatedAt = t;
          if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return;
          }
          await sleep(Math.ceil((1 - bucket.tokens) / perMs), signal);
        }
      };
      const mine = bucket.tail.then(take);
      // The next waiter queues behind this one whether it succeeds or is aborted.
      bucket.tail = mine.catch(() => undefined);
      return mine;
    },

    stats(origin: string) {
      const s = slots.get(origin);
      return { inFlight: s?.inFlight ?? 0, maxInFlight: s?.maxInFlight ?? 0, queued: s?.waiting.length ?? 0 };
    },
  };
}

/** The process-wide limiter every PlatformHttp uses unless given another. */
export const defaultHostLimiter: HostLimiter = createHostLimiter();
