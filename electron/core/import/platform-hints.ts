/**
 * Telling a row's platform from what the file says about it: a platform cell ("GitHub",
 * "gitlab", "Virtuozzo") or a URL stored next to the token (KeePassXC). Only the user's own
 * words and hosts are read here; the token's format is detectToken's job.
 */
import { PLATFORMS, type PlatformId } from '../../../shared/domain/platform-ids';

/** Extra names people write for a platform, besides its id and display name. */
const ALIASES: Readonly<Record<string, PlatformId>> = {
  jelastic: 'jelastic',
  virtuozzo: 'jelastic',
  'virtuozzo application platform': 'jelastic',
  custom: 'custom',
  'yes we hack': 'yeswehack',
};

const fold = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** A platform cell → its id, matching ids, display names and a few aliases without case; null when unknown. */
export function platformByName(cell: string): PlatformId | null {
  const want = fold(cell);
  if (want === '') return null;
  for (const p of PLATFORMS) {
    if (want === p.id || want === fold(p.name)) return p.id;
  }
  return ALIASES[want] ?? null;
}

/** What a URL says about the platform, and the base URL an account there needs (null: the platform's default). */
export interface UrlHint {
  readonly platform: PlatformId;
  readonly baseUrl: string | null;
  /** The URL's host, lower-case (an account label when nothing better is known). */
  readonly host: string;
}

/** The host of a URL as people store it (with or without scheme); null when it is not one. */
export function urlHost(url: string): string | null {
  return parseLooseUrl(url)?.host ?? null;
}

/**
 * A stored URL → platform hint; null when the host is not one we know. Base URLs follow the
 * presets: self-hosted GitLab `https://<host>/api/v4`, iObeya `https://<customer>.api.iobeya.com/v1`,
 * Jelastic `https://app.<platformDomain>`. gitlab.com, github.com and yeswehack.com use the
 * platform's default.
 */
export function platformFromUrl(url: string): UrlHint | null {
  const u = parseLooseUrl(url);
  if (u === null) return null;
  const host = u.hostname.toLowerCase();
  const hostPort = u.host.toLowerCase();
  const within = (domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

  if (within('github.com')) return { platform: 'github', baseUrl: null, host: hostPort };
  if (within('gitlab.com')) return { platform: 'gitlab', baseUrl: null, host: hostPort };
  if (host.includes('gitlab')) return { platform: 'gitlab', baseUrl: `https://${hostPort}/api/v4`, host: hostPort };
  if (within('yeswehack.com')) return { platform: 'yeswehack', baseUrl: null, host: hostPort };
  if (host.includes('iobeya')) {
    // The web app is <customer>.iobeya.com, its API <customer>.api.iobeya.com.
    const customer = /^([a-z0-9-]+)\.(?:api\.)?iobeya\.com$/.exec(host)?.[1];
    const baseUrl = customer !== undefined && customer !== 'api' ? `https://${customer}.api.iobeya.com/v1` : null;
    return { platform: 'iobeya', baseUrl, host: hostPort };
  }
  if (host.includes('jelastic') || host.includes('virtuozzo')) {
    // Only the dashboard host app.<platformDomain> says where the API is.
    return { platform: 'jelastic', baseUrl: host.startsWith('app.') ? `https://${hostPort}` : null, host: hostPort };
  }
  return null;
}

/** `https://x.y/z`, `x.y/z` or `x.y` → URL; null for anything without a plausible host. */
function parseLooseUrl(text: string): URL | null {
  const s = text.trim();
  if (s === '' || /\s/.test(s)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  return u.hostname.includes('.') || u.hostname === 'localhost' ? u : null;
}
