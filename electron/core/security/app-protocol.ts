/**
 * The app's own page scheme, `app://pat-vault/…` (Electron's security checklist prefers a
 * custom protocol to file://: a file:// page shares its origin with every other local file).
 * electron/main registers the scheme as privileged (standard, secure) before `ready` and
 * answers it with `appProtocolResponse`; everything that decides what is served lives here,
 * in plain Node, so it is unit-tested.
 *
 * What is served: only files below the built renderer folder (out/renderer), by GET or HEAD,
 * each with the production CSP header. A path that leaves the folder — `..` segments, also
 * percent-encoded, a backslash, an encoded slash, a NUL, or a symlink pointing out — is
 * refused; so is another host, a query-carrying trick, or any other method.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { PRODUCTION_HEADER_CSP } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pat-vault';
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where a request points: a file path below `root`, or why not (an HTTP status). */
export type AppPathResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly status: 400 | 403 | 404 };

/**
 * The file below `root` (an absolute folder) that `requestUrl` names, by string rules only (no
 * file system access): `app://pat-vault/` is index.html. Refuses another scheme or host (404),
 * credentials or a malformed path (400), and any path that would leave `root` (403).
 */
export function resolveAppPath(root: string, requestUrl: string): AppPathResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404 };
  if (url.username !== '' || url.password !== '') return { ok: false, status: 400 };
  // The parsed path has its dot segments resolved already ("/a/../b" → "/b", also "%2e%2e");
  // what may remain is encoded: decode each segment and refuse anything path-like inside one.
  const segments: string[] = [];
  for (const raw of url.pathname.split('/').slice(1)) {
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (s === '.' || s === '..' || /[/\\\u0000]/.test(s) || (sep === '\\' && /[:]/.test(s))) return { ok: false, status: 403 };
    segments.push(s);
  }
  const rel = segments.join('/') || 'index.html';
  const base = resolve(root);
  const path = resolve(base, rel);
  if (!path.startsWith(base + sep)) return { ok: false, status: 403 };
  return { ok: true, path };
}

/** What the protocol handler answers: status, headers, body. */
export interface AppResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | null;
}

function answer(status: number, body: Buffer | null, type = 'text/plain; charset=utf-8'): AppResponse {
  return {
    status,
    headers: {
      'content-type': type,
      'content-security-policy': PRODUCTION_HEADER_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
    body,
  };
}

/**
 * The response to one `app://` request: the file's bytes (HEAD: none) with its type and the
 * CSP header, or an error status with a short text. Symlinks are followed only when the real
 * file is below the real root too.
 */
export function appProtocolResponse(root: string, request: { readonly method: string; readonly url: string }): AppResponse {
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, Buffer.from('method not allowed'));
  const target = resolveAppPath(root, request.url);
  if (!target.ok) return answer(target.status, Buffer.from(target.status === 404 ? 'not found' : 'refused'));
  let real: string;
  try {
    const realRoot = realpathSync(resolve(root));
    real = realpathSync(target.path);
    if (!real.startsWith(realRoot + sep)) return answer(403, Buffer.from('refused'));
    if (!statSync(real).isFile()) return answer(404, Buffer.from('not found'));
  } catch {
    return answer(404, Buffer.from('not found'));
  }
  const type = TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
  try {
    return answer(200, request.method === 'HEAD' ? null : readFileSync(real), type);
  } catch {
    return answer(404, Buffer.from('not found'));
  }
}
