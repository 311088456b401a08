/**
 * Who the bridge answers. It runs a real vault on a loopback port, so anything on the machine
 * — another user's process, a web page in the user's own browser — could otherwise call it:
 *   - every request must carry `Host: 127.0.0.1:<port>`, so a DNS-rebound name is refused;
 *   - an `Origin`, when present, must be the bridge's own, and a POST must carry one (browsers
 *     always send it on POST, so a POST without it is not the page);
 *   - a `Sec-Fetch-Site` other than same-origin/none (a cross-site request) is refused;
 *   - /rpc, /events and /test/* also need the one-time token in `x-patvault-bridge`, compared
 *     in constant time. It travels in a header only, never in a URL, where logs could keep it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header carrying the one-time bridge token. */
export const BRIDGE_TOKEN_HEADER = 'x-patvault-bridge';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison (hashes first, so lengths never leak through timing either). */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(expected));
}

export interface BridgeGuard {
  /** Host, Origin and fetch-metadata checks, for every route (the page's files included). */
  trusted(req: IncomingMessage): boolean;
  /** The bridge token is in its header (a repeated header counts as missing). */
  hasToken(req: IncomingMessage): boolean;
}

/** The guard of a bridge at `host` (`127.0.0.1:<port>`) and `origin` (`http://` + host) with `token`. */
export function bridgeGuard({ host, origin, token }: { host: string; origin: string; token: string }): BridgeGuard {
  return {
    trusted(req) {
      if (req.headers.host !== host) return false;
      const o = req.headers.origin;
      if (o !== undefined && o !== origin) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD' && o === undefined) return false;
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
      return true;
    },
    hasToken(req) {
      const h = req.headers[BRIDGE_TOKEN_HEADER];
      return sameSecret(Array.isArray(h) ? undefined : h, token);
    },
  };
}
