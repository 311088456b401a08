/**
 * End-to-end bridge (test and dev only, never packaged: it lives in scripts/, outside
 * electron-builder's `files`). A loopback HTTP server that
 *   - serves the BUILT renderer (out/renderer) with the app's own production CSP header, and
 *   - answers `POST /rpc {channel, request}` with `dispatch(service, ...)` on a REAL AppService:
 *     real SQLite vault in a temp folder, real crypto (KDF at the OWASP floor), real
 *     SettingsStore, MemoryKeyProtector, a RecordingClipboard that keeps what was copied,
 *     file dialogs answered from a queue the test fills, a clock the test can set, and —
 *     with `reminders: true` — real reminders through a recording notifier.
 * The test-only endpoints are in bridge-test-routes.ts.
 *
 * Guard: a random one-time token per server start, required in the `x-patvault-bridge` header
 * on every /rpc, /events and /test/* call and compared in constant time (403 otherwise). Every
 * request must carry `Host: 127.0.0.1:<port>` (no DNS rebinding); any `Origin` must be the
 * server's own (a POST without Origin is refused: browsers always send it on POST); a
 * `Sec-Fetch-Site` other than same-origin/none is refused.
 *
 * Events: `GET /events` streams Server-Sent Events. The test preload reads it with a streaming
 * fetch (not EventSource) so the token travels in a header here too, never in a URL.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { AppService } from '../../electron/core/app/app-service';
import type { PlatformOpsOptions } from '../../electron/core/platforms/token-ops';
import { dispatch } from '../../electron/core/app/dispatch';
import { SettingsStore } from '../../electron/core/settings/settings-store';
import { MemoryKeyProtector } from '../../electron/core/keychain/memory-protector';
import { FileFiredStore } from '../../electron/core/reminders/fired-store';
import { PRODUCTION_HEADER_CSP } from '../../electron/core/security/csp';
import type { Channel, Envelope, EventName, EventPayload, Request, Response } from '../../shared/ipc/contract';
import { QueuedFileDialogs, RecordingClipboard, RecordingNotifier, SettableClock } from './bridge-doubles';
import { readBody, send } from './bridge-http';
import { handleTestRoute } from './bridge-test-routes';

export { QueuedFileDialogs, RecordingClipboard, RecordingNotifier, SettableClock } from './bridge-doubles';

/** The header carrying the one-time bridge token. */
export const BRIDGE_TOKEN_HEADER = 'x-patvault-bridge';

/** KDF for vaults the bridge creates: the OWASP floor, one lane (fast, still real Argon2id). */
export const BRIDGE_KDF = { memoryKiB: 19456, iterations: 2, parallelism: 1 } as const;

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

export interface BridgeOptions {
  /** Folder with the built renderer (default: out/renderer). */
  readonly rendererDir?: string;
  /** Folder for the vault and settings (default: a new temp folder, removed on close). */
  readonly dataDir?: string;
  /** Network settings for check/revoke/rotate (flows against loopback mock platforms). */
  readonly platformOps?: PlatformOpsOptions;
  /** Runs renewal reminders (recording notifier, fired-store file in the data folder, badge). */
  readonly reminders?: boolean;
  /** IANA zone reminders are computed in (default UTC). */
  readonly timeZone?: string;
}

export interface Bridge {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The app's page. */
  readonly url: string;
  /** The one-time token the test preload sends. */
  readonly token: string;
  readonly port: number;
  readonly dataDir: string;
  readonly vaultPath: string;
  readonly service: AppService;
  readonly clipboard: RecordingClipboard;
  readonly keyProtector: MemoryKeyProtector;
  readonly settings: SettingsStore;
  /** The file dialogs: queue answers with `enqueue` (or POST /test/dialog); `calls` lists them. */
  readonly dialogs: QueuedFileDialogs;
  /** The service's clock (POST /test/clock). */
  readonly clock: SettableClock;
  /** The reminders' notifier and badge counts; null without `reminders: true`. */
  readonly reminders: { readonly notifier: RecordingNotifier; readonly badges: readonly number[] } | null;
  /** Every event emitted by the service, in order. */
  readonly events: { event: EventName; payload: unknown }[];
  /** Every /rpc answer sent to the page (channel and JSON body), for "what did the renderer ever receive" checks. */
  readonly responses: { channel: string; body: string }[];
  /** Calls a channel in-process, exactly as /rpc does (response checked against the contract). */
  call<C extends Channel>(channel: C, request: Request<C>): Promise<Envelope<Response<C>>>;
  /** Stops the server, locks and closes the vault, removes the temp folder (if the bridge made it). */
  close(): Promise<void>;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison (hashes first, so lengths never leak through timing either). */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** Starts a bridge on 127.0.0.1 with a random port. */
export async function startBridge(opts: BridgeOptions = {}): Promise<Bridge> {
  const rendererDir = resolve(opts.rendererDir ?? join(process.cwd(), 'out', 'renderer'));
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'patvault-e2e-'));
  const vaultPath = join(dataDir, 'vault.sqlite');
  const token = randomBytes(32).toString('base64url');

  const clipboard = new RecordingClipboard();
  const keyProtector = new MemoryKeyProtector();
  const settings = new SettingsStore(join(dataDir, 'settings.json'));
  const dialogs = new QueuedFileDialogs();
  const clock = new SettableClock();
  const reminders = opts.reminders ? { notifier: new RecordingNotifier(), badges: [] as number[] } : null;
  const events: { event: EventName; payload: unknown }[] = [];
  const streams = new Set<ServerResponse>();
  const responses: { channel: string; body: string }[] = [];

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    events.push({ event, payload });
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  };
  const service = new AppService({
    vaultPath,
    settings,
    clipboard,
    keyProtector,
    emit,
    kdf: BRIDGE_KDF,
    dialogs,
    clock,
    ...(opts.platformOps ? { platformOps: opts.platformOps } : {}),
    ...(reminders
      ? {
          reminders: {
            fired: new FileFiredStore(join(dataDir, 'reminders-fired.json'), { clock }),
            notifier: reminders.notifier,
            timeZone: () => opts.timeZone ?? 'UTC',
            badge: (count: number) => void reminders.badges.push(count),
          },
        }
      : {}),
  });

  let origin = '';
  let host = '';

  /** Host, Origin and fetch-metadata checks shared by every route. */
  const trustedRequest = (req: IncomingMessage): boolean => {
    if (req.headers.host !== host) return false;
    const o = req.headers.origin;
    if (o !== undefined && o !== origin) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD' && o === undefined) return false;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    return true;
  };
  const hasToken = (req: IncomingMessage): boolean => {
    const h = req.headers[BRIDGE_TOKEN_HEADER];
    return sameSecret(Array.isArray(h) ? undefined : h, token);
  };

  const serveStatic = async (res: ServerResponse, pathname: string): Promise<void> => {
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
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!trustedRequest(req)) return send(res, 403, 'forbidden');
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;

    if (path === '/rpc') {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      if (!hasToken(req)) return send(res, 403, 'forbidden');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'json only');
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(res, 400, 'bad json');
      }
      const { channel, request } = (body ?? {}) as { channel?: unknown; request?: unknown };
      const envelope = await dispatch(service, channel, request, { checkResponse: true });
      const json = JSON.stringify(envelope);
      responses.push({ channel: typeof channel === 'string' ? channel : '?', body: json });
      return send(res, 200, json, 'application/json; charset=utf-8');
    }

    if (path === '/events') {
      if (req.method !== 'GET') return send(res, 405, 'method not allowed');
      if (!hasToken(req)) return send(res, 403, 'forbidden');
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (path.startsWith('/test/')) {
      if (!hasToken(req)) return send(res, 403, 'forbidden');
      return handleTestRoute(req, res, path, { service, clipboard, events, dialogs, clock, reminders });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    return serveStatic(res, path);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;

  let closed = false;
  return {
    origin,
    url: `${origin}/`,
    token,
    port,
    dataDir,
    vaultPath,
    service,
    clipboard,
    keyProtector,
    settings,
    dialogs,
    clock,
    reminders,
    events,
    responses,
    call: (channel, request) =>
      dispatch(service, channel, request, { checkResponse: true }) as Promise<Envelope<Response<typeof channel>>>,
    async close() {
      if (closed) return;
      closed = true;
      for (const s of streams) s.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await service.dispose();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
