/**
 * Which links the app may hand to the OS browser (`shell.openExternal`). Plain Node, so the
 * rule is unit-tested here while electron/main only calls it.
 *
 * Why so strict: openExternal passes the string to the OS, where `file:`, `smb:`, custom
 * schemes or `javascript:` can run programs or leak credentials. Only https leaves the app.
 */
import { LIMITS } from '../../../shared/domain/limits';

/** Why a URL was refused, for logs and tests (never contains the URL itself). */
export type ExternalUrlVerdict =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'too-long' | 'not-https' | 'credentials' | 'host-not-allowed' };

/**
 * Decides whether `raw` may be opened in the user's browser: https only, no user:password@,
 * and, when `allowedHosts` is given, a host equal to one of them or a subdomain of one.
 * Returns the normalised URL to open, so the caller never opens the unparsed string.
 */
export function checkExternalUrl(raw: string, allowedHosts?: readonly string[]): ExternalUrlVerdict {
  if (raw.length > LIMITS.urlMaxChars) return { ok: false, reason: 'too-long' };
  // The WHATWG parser silently drops tabs/newlines and trims spaces; a link carrying them is
  // not one we produced, so refuse it rather than open whatever the parser makes of it.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return { ok: false, reason: 'malformed' };
  // Likewise it repairs `https:host`, `https:///host` and backslashes into a host the link
  // did not visibly name; demand the plain `scheme://host` form so what is shown is what opens.
  if (raw.includes('\\') || !/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(raw)) {
    const otherScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^https:/i.test(raw);
    return { ok: false, reason: otherScheme ? 'not-https' : 'malformed' };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  if (url.hostname === '') return { ok: false, reason: 'malformed' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' };
  if (allowedHosts !== undefined && !allowedHosts.some((h) => hostMatches(url.hostname, h))) {
    return { ok: false, reason: 'host-not-allowed' };
  }
  return { ok: true, url: url.href };
}

/** True when `raw` passes {@link checkExternalUrl}. */
export function isAllowedExternalUrl(raw: string, allowedHosts?: readonly string[]): boolean {
  return checkExternalUrl(raw, allowedHosts).ok;
}

/** `host` is `allowed` or one of its subdomains (label boundary, so `evilgithub.com` fails). */
function hostMatches(host: string, allowed: string): boolean {
  const a = allowed.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  return a !== '' && (h === a || h.endsWith(`.${a}`));
}
