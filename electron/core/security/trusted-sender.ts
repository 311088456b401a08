/**
 * Which page may call the IPC channels: only the app's own renderer, loaded in the main
 * frame of the main window. electron/main checks the frame and window (Electron objects);
 * the URL rule lives here, in plain Node, so it is unit-tested.
 *
 * Why: a handler answers whoever sends on its channel. If the window ever showed another
 * page (a navigation the guard missed, an iframe an injected script added), that page would
 * share the preload's `api`; checking the sender's URL on every call keeps it from reaching
 * the vault (item 17 of Electron's security checklist).
 */

/** Where the renderer comes from. */
export type RendererOrigin =
  /** Packaged or built app: the page served by the app's own scheme (app-protocol.ts). */
  | { readonly kind: 'app'; readonly indexUrl: string }
  /** Built app loaded from disk: exactly this file:// URL (renderer/index.html). */
  | { readonly kind: 'file'; readonly indexUrl: string }
  /** `electron-vite dev` (unpackaged only): any page of this dev server's origin. */
  | { readonly kind: 'dev'; readonly url: string };

/** Options for {@link isTrustedSenderUrl}. */
export interface TrustedSenderOptions {
  /** Windows paths are case-insensitive, so a file:// path may differ in case there. */
  readonly caseInsensitivePaths?: boolean;
}

function parse(raw: string): URL | null {
  if (raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `senderUrl` (the sending frame's URL) is the app's own renderer page.
 *   app:  same scheme and host as `indexUrl` (app://pat-vault), the same path or "/", no
 *         query; a #fragment is allowed.
 *   file: same file:// path as `indexUrl` (no host, no query); a #fragment is allowed, since
 *         the page may keep its view there.
 *   dev:  same scheme, host and port as the dev server (Vite serves several paths), http or
 *         https only, no credentials.
 * Anything else — about:blank, data:, another file, another port — is refused.
 */
export function isTrustedSenderUrl(senderUrl: string, origin: RendererOrigin, options: TrustedSenderOptions = {}): boolean {
  const sender = parse(senderUrl);
  if (sender === null || sender.username !== '' || sender.password !== '') return false;

  if (origin.kind === 'app') {
    const expected = parse(origin.indexUrl);
    if (expected === null || expected.protocol === 'file:' || expected.protocol === 'http:' || expected.protocol === 'https:') return false;
    if (sender.protocol !== expected.protocol || sender.host !== expected.host || sender.host === '' || sender.search !== '') return false;
    return sender.pathname === expected.pathname || sender.pathname === '/';
  }

  if (origin.kind === 'file') {
    const expected = parse(origin.indexUrl);
    if (expected === null || expected.protocol !== 'file:') return false;
    if (sender.protocol !== 'file:' || sender.host !== '' || expected.host !== '' || sender.search !== '') return false;
    const fold = (p: string): string => (options.caseInsensitivePaths ? p.toLowerCase() : p);
    return fold(decodePath(sender.pathname)) === fold(decodePath(expected.pathname));
  }

  const dev = parse(origin.url);
  if (dev === null || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
  return sender.protocol === dev.protocol && sender.host === dev.host;
}

/** Percent-decodes a path so `%20` and a literal space compare equal; undecodable means no match. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return `\u0000${pathname}`;
  }
}
