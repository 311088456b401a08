/**
 * The bridge's page: the BUILT renderer (out/renderer) served as files, each with the app's
 * production CSP header, so the tests prove the page works under the policy it ships with
 * (an injected inline script stays blocked). Only files inside the renderer folder are served:
 * a path that decodes outside it, or holds a NUL, is refused.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { PRODUCTION_HEADER_CSP } from '../../electron/core/security/csp';
import { send } from './bridge-http';

/** Content types by extension; anything else is sent as application/octet-stream. */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Answers GET `pathname` with a file of `rendererDir` (an absolute, resolved path); `/` is index.html. */
export async function serveRendererFile(res: ServerResponse, rendererDir: string, pathname: string): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'bad path');
  }
  if (rel.includes('\0')) return send(res, 400, 'bad path');
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = normalize(join(rendererDir, rel));
  if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return send(res, 403, 'forbidden');
  try {
    const st = await stat(file);
    if (!st.isFile()) return send(res, 404, 'not found');
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': PRODUCTION_HEADER_CSP,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(body);
  } catch {
    send(res, 404, 'not found');
  }
}
