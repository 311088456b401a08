/**
 * Where a token may go: the account's base URL, over https (plain http only to loopback),
 * and only to paths below it. Every check throws HttpFailure('insecure-url') BEFORE any
 * connection is made, with a message that names the origin at most (never a query string).
 */
import type { AuthScheme } from '../types';
import { HttpFailure } from '../types';

/** True for 127.0.0.0/8, `localhost` and `[::1]` — the only hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h === '[::1]' || h === '::1') return true;
  // WHATWG URL already canonicalised IPv4 forms (127.1, 0x7f000001) to dotted quads.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Parses and checks an account's base URL: https, or http to loopback; no credentials,
 * no query, no fragment.
 */
export function validateBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new HttpFailure('insecure-url', 'base URL is not a valid URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new HttpFailure(
      'insecure-url',
      url.protocol === 'http:'
        ? `plain http is allowed only to loopback addresses, not ${url.hostname}`
        : `only https URLs are allowed (got ${url.protocol.replace(/:$/, '')})`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new HttpFailure('insecure-url', 'base URL must not contain credentials');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new HttpFailure('insecure-url', 'base URL must not contain a query string or fragment');
  }
  return url;
}

/**
 * True when `path` is a connector path: starts with a single '/', no '//', no '.' or '..'
 * segments (also percent-encoded), no backslash, query, fragment, scheme or control characters.
 */
export function isSafeRequestPath(path: string): boolean {
  if (!path.startsWith('/') || path.includes('//')) return false;
  if (/[\\?#\s\u0000-\u001f\u007f]/.test(path)) return false;
  // A scheme needs ':' before any '/' ("https:…") or '://' ("/http://…"): the two rules above
  // refuse both; a colon inside a segment ("/a:b") is an ordinary path character.
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    if (decoded === '.' || decoded === '..' || decoded.includes('/') || decoded.includes('\\')) return false;
  }
  return true;
}

/** The URL of `path` below `base` (a validated base), with `query`; throws insecure-url otherwise. */
export function buildRequestUrl(base: URL, path: string, query?: Readonly<Record<string, string>>): URL {
  if (!isSafeRequestPath(path)) {
    throw new HttpFailure('insecure-url', 'request path must be a plain path below the base URL');
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = new URL(prefix + path, base.origin);
  if (url.origin !== base.origin || !url.pathname.startsWith(`${prefix}/`)) {
    throw new HttpFailure('insecure-url', 'request path leaves the base URL');
  }
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.append(k, v);
  return url;
}

/** A token can be sent in a header only if it is printable ASCII without spaces at the ends. */
export function isHeaderSafeToken(token: string): boolean {
  return token.length > 0 && /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(token);
}

/** Places the token per `auth` on `url` (query scheme) or in `headers`. Mutates both. */
export function applyAuth(auth: AuthScheme, token: string, url: URL, headers: Record<string, string>): void {
  switch (auth.kind) {
    case 'header':
      headers[auth.name.toLowerCase()] = `${auth.prefix ?? ''}${token}`;
      return;
    case 'bearer':
      headers['authorization'] = `Bearer ${token}`;
      return;
    case 'basic':
      headers['authorization'] = `Basic ${Buffer.from(`${auth.username}:${token}`, 'utf8').toString('base64')}`;
      return;
    case 'query':
      url.searchParams.set(auth.name, token);
      return;
  }
}
