/**
 * Where the user manages a token by hand (revokes, renews, creates a new one): a page built from
 * the account's own base URL by a fixed template per platform. Pure and shared: the window shows
 * it (button, hint), the CLI prints it, and the main process rebuilds it itself from the stored
 * account before opening it (`electron/core/app/token-page-opener.ts`), so the window never names
 * a URL to open.
 *
 * Rules every template keeps (each near-miss answers null, never a guess):
 *   - the base URL is https, has no user name or password, no query or fragment;
 *   - its host is a name, not an IP address or localhost: a page is somewhere a person goes, and
 *     opening a browser on a bare address could reach a service on this machine or the LAN that
 *     acts on a GET (router pages, local dev servers). Such accounts (loopback mocks in tests, a
 *     server reached by IP) work for API calls; they just get no page;
 *   - its path is exactly the API path the platform documents (anything else: another service);
 *   - the page is on the base URL's own host, or the one host the platform documents beside it
 *     (github.com for api.github.com, <customer>.iobeya.com for <customer>.api.iobeya.com).
 */
import type { PlatformId } from './platform-ids';

/** A token page: the URL, and where on it the tokens are when the URL cannot point there. */
export interface TokenPage {
  /** https, on the account's host or the one its platform documents beside it. */
  readonly url: string;
  /** Where to click once there ("Settings › Access Tokens"), or null when the URL is the token list itself. */
  readonly where: string | null;
}

/** The parts of a base URL a template may use; null when it breaks a rule above. */
interface BaseParts {
  /** Lower-case host, with `:port` when not 443. */
  readonly host: string;
  readonly hostname: string;
  /** The path without trailing slashes ('' for the root). */
  readonly path: string;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function baseParts(baseUrl: string): BaseParts | null {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.search !== '' || u.hash !== '') return null;
  const hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  // WHATWG URL has already turned 127.1 / 0x7f000001 into dotted quads and IPv6 into [..].
  if (hostname === '' || IPV4.test(hostname) || hostname.startsWith('[') || hostname === 'localhost' || hostname.endsWith('.localhost')) {
    return null;
  }
  if (!hostname.includes('.')) return null; // a single-label name is a LAN machine, not a service
  return { host: u.port === '' ? hostname : `${hostname}:${u.port}`, hostname, path: u.pathname.replace(/\/+$/, '') };
}

/**
 * GitLab, gitlab.com or self-managed: `https://<host>[/prefix]/api/v4` →
 * `https://<host>[/prefix]/-/user_settings/personal_access_tokens`. A relative URL root
 * (`/prefix`) is kept: the web UI lives under it too. Route: gitlabhq/gitlabhq
 * config/routes/user_settings.rb (`namespace :user_settings` … `resources :personal_access_tokens`,
 * under the `/-/` scope; the older `/-/profile/personal_access_tokens` redirects there).
 */
export function gitlabTokenPage(baseUrl: string): TokenPage | null {
  const b = baseParts(baseUrl);
  const m = b === null ? null : /^((?:\/[^/]+)*)\/api\/v4$/.exec(b.path);
  if (b === null || m === null) return null;
  return { url: `https://${b.host}${m[1] ?? ''}/-/user_settings/personal_access_tokens`, where: null };
}

/**
 * GitHub: `https://api.github.com` → `https://github.com/settings/tokens`; GitHub Enterprise
 * Server, whose REST API is always `https://<host>/api/v3` (docs.github.com, enterprise-server
 * REST quickstart: `http(s)://HOSTNAME/api/v3`) → `https://<host>/settings/tokens`; GitHub
 * Enterprise Cloud with data residency, `https://api.<subdomain>.ghe.com` (docs.github.com,
 * enterprise-cloud "managing enterprise accounts": `https://api.SUBDOMAIN.ghe.com`) →
 * `https://<subdomain>.ghe.com/settings/tokens`.
 */
export function githubTokenPage(baseUrl: string): TokenPage | null {
  const b = baseParts(baseUrl);
  if (b === null) return null;
  if (b.host === 'api.github.com' && b.path === '') return { url: 'https://github.com/settings/tokens', where: null };
  const ghe = /^api\.([a-z0-9][a-z0-9-]{0,62})\.ghe\.com$/.exec(b.host);
  if (ghe !== null && b.path === '') return { url: `https://${ghe[1]}.ghe.com/settings/tokens`, where: null };
  if (b.path === '/api/v3' && !b.hostname.endsWith('.github.com') && b.hostname !== 'github.com') {
    return { url: `https://${b.host}/settings/tokens`, where: null };
  }
  return null;
}

/**
 * Jelastic / Virtuozzo: the API base is the dashboard's own host, `https://app.<platformDomain>`
 * (seed 002: `https://app.${platformDomain}/1.0/…`); tokens are in the dashboard under
 * Settings › Access Tokens (seed 002, steps 1–2). No deep link into that tab is documented, so
 * the page is the dashboard and `where` says where to click. A host without the documented
 * `app.` prefix may not be the dashboard: no page.
 */
export function jelasticTokenPage(baseUrl: string): TokenPage | null {
  const b = baseParts(baseUrl);
  if (b === null || !b.hostname.startsWith('app.') || b.path !== '') return null;
  return { url: `https://${b.host}/`, where: 'Settings › Access Tokens' };
}

/**
 * iObeya: the API is `https://<customer>.api.iobeya.com/v1` and the platform itself
 * `https://<customer>.iobeya.com` (doc.api.iobeya.io, "Getting started": "All our online
 * platforms follows the same URL schema: CUSTOMER.iobeya.com … Your API endpoint is available at:
 * CUSTOMER.api.iobeya.com"). The token is managed from the user menu › "Personal access token"
 * (seed 003); that page's own path is not documented, so the page is the platform's root.
 */
export function iobeyaTokenPage(baseUrl: string): TokenPage | null {
  const b = baseParts(baseUrl);
  const m = b === null ? null : /^([a-z0-9][a-z0-9-]{0,62})\.api\.iobeya\.com$/.exec(b.host);
  if (b === null || m === null || (b.path !== '' && b.path !== '/v1')) return null;
  return { url: `https://${m[1]}.iobeya.com/`, where: 'user menu (your avatar) › “Personal access token”' };
}

/** YesWeHack's fixed page: the dashboard; PATs are under the user menu (seed 000: "'[USERNAME] menu' (top-right) > 'MyYesWeHack tools'"). */
const YESWEHACK_PAGE: TokenPage = { url: 'https://yeswehack.com/', where: '[your name] menu › MyYesWeHack tools' };
/** Brass: PATs are revoked in its dashboard (seed 001; PLATFORMS.md: "in the dashboard (no API found)"). */
const BRASS_PAGE: TokenPage = { url: 'https://getbrass.co/', where: null };

/** Default API base URLs whose page the templates know (the presets' `defaultBaseUrl`). */
const DEFAULT_BASE: Partial<Record<PlatformId, string>> = {
  github: 'https://api.github.com',
  gitlab: 'https://gitlab.com/api/v4',
};

/**
 * The token page of an account on `platform` with base URL `baseUrl` (null = the platform's
 * default), or null when there is none the app can name: a custom platform's page is the user's
 * own text (shown, never opened), and every near-miss above.
 */
export function tokenPageFor(platform: PlatformId, baseUrl: string | null): TokenPage | null {
  const base = baseUrl ?? DEFAULT_BASE[platform] ?? null;
  switch (platform) {
    case 'github':
      return base === null ? null : githubTokenPage(base);
    case 'gitlab':
      return base === null ? null : gitlabTokenPage(base);
    case 'jelastic':
      return base === null ? null : jelasticTokenPage(base);
    case 'iobeya':
      return base === null ? null : iobeyaTokenPage(base);
    case 'yeswehack':
      return YESWEHACK_PAGE;
    case 'brass':
      return BRASS_PAGE;
    case 'custom':
      return null;
  }
}

/**
 * The hosts a token page of this account may be on: the account's own host, and the one host its
 * platform documents beside it (github.com, <subdomain>.ghe.com, <customer>.iobeya.com) or the
 * fixed page's. A second, independent rule: whatever a template builds, a page elsewhere is
 * refused (`isPageOfAccount`).
 */
export function pageHostsOf(platform: PlatformId, baseUrl: string | null): ReadonlySet<string> {
  const hosts = new Set<string>();
  if (platform === 'custom') return hosts; // its page is the user's own text: never opened
  const base = baseUrl ?? DEFAULT_BASE[platform] ?? null;
  const b = base === null ? null : baseParts(base);
  if (b !== null) hosts.add(b.host);
  if (platform === 'github' && b !== null) {
    if (b.host === 'api.github.com') hosts.add('github.com');
    const ghe = /^api\.(.+\.ghe\.com)$/.exec(b.host);
    if (ghe?.[1] !== undefined) hosts.add(ghe[1]);
  }
  if (platform === 'iobeya' && b !== null) {
    const m = /^(.+)\.api\.iobeya\.com$/.exec(b.host);
    if (m?.[1] !== undefined) hosts.add(`${m[1]}.iobeya.com`);
  }
  if (platform === 'yeswehack') hosts.add(new URL(YESWEHACK_PAGE.url).host);
  if (platform === 'brass') hosts.add(new URL(BRASS_PAGE.url).host);
  return hosts;
}

/** True when `url` is an https page, without credentials, on one of the account's page hosts. */
export function isPageOfAccount(url: string, platform: PlatformId, baseUrl: string | null): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && u.username === '' && u.password === '' && pageHostsOf(platform, baseUrl).has(u.host);
}
