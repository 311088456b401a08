/** Small HTTP helpers the bridge and its test routes share: guarded answers, bounded JSON bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PRODUCTION_HEADER_CSP } from '../../electron/core/security/csp';

/** Largest request body accepted. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Answers with the bridge's fixed headers (no caching, no sniffing, the app's CSP). */
export function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': PRODUCTION_HEADER_CSP,
  });
  res.end(body);
}

/** Answers 200 with `value` as JSON. */
export function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, JSON.stringify(value), 'application/json; charset=utf-8');
}

/** The request body as text, refused past MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSON request body, or undefined when it is not JSON (wrong content type or bad syntax). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return undefined;
  try {
    return JSON.parse(await readBody(req)) as unknown;
  } catch {
    return undefined;
  }
}
