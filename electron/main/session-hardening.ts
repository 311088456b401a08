/** Session-wide defences: the CSP response header and a blanket "no" to permission requests. */
import type { Session } from 'electron';
import { PRODUCTION_HEADER_CSP } from '../core/security/csp';

/**
 * Denies every permission (camera, notifications-by-page, geolocation, clipboard-read, …):
 * the page needs none, and main does clipboard and notifications itself. Adds the CSP
 * header to every response, except from the dev server, whose HTML carries the dev variant
 * in its <meta> tag (the strict header would block Vite's hashed React refresh preamble;
 * two policies are both enforced, so the header cannot be looser there).
 */
export function hardenSession(session: Session, options: { readonly dev: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  if (options.dev) return;
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any other CSP so ours is the one that applies, whatever its casing.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [PRODUCTION_HEADER_CSP];
    callback({ responseHeaders: headers });
  });
}
