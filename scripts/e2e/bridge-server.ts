/**
 * End-to-end bridge (test and dev only, never packaged: it lives in scripts/, outside
 * electron-builder's `files`): the app's main process, for a real browser instead of Electron,
 * which cannot run on the build machines. A loopback HTTP server on a random port that
 *   - serves the BUILT renderer with the app's production CSP header (bridge-static.ts),
 *   - answers the page's `window.api` through `POST /rpc` and `GET /events` (bridge-api-routes.ts)
 *     on a REAL AppService (core's app-under-test.ts: real SQLite vault in a temp folder, real
 *     crypto with the KDF at its floor, real SettingsStore, MemoryKeyProtector) with the
 *     bridge's doubles (bridge-doubles.ts): a clipboard that keeps what was copied, file dialogs
 *     answered from a queue the test fills, a clock the test can set, and — with
 *     `reminders: true` — real reminders through a recording notifier,
 *   - lets tests look behind the app and play the system's parts on `/test/*`
 *     (bridge-test-routes.ts),
 * and refuses every caller but the page and the test (bridge-guard.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppService } from '../../electron/core/app/app-service';
import { dispatch } from '../../electron/core/app/dispatch';
import type { MemoryKeyProtector } from '../../electron/core/keychain/memory-protector';
import type { PlatformOpsOptions } from '../../electron/core/platforms/token-ops';
import { FileFiredStore } from '../../electron/core/reminders/fired-store';
import type { SettingsStore } from '../../electron/core/settings/settings-store';
import { createAppUnderTest } from '../../electron/core/test-support/app-under-test';
import type { Channel, Envelope, EventName, EventPayload, Request, Response } from '../../shared/ipc/contract';
import { EventStreams, handleRpc, type RpcResponse } from './bridge-api-routes';
import { QueuedFileDialogs, RecordingClipboard, RecordingNotifier, SettableClock } from './bridge-doubles';
import { bridgeGuard } from './bridge-guard';
import { send } from './bridge-http';
import { serveRendererFile } from './bridge-static';
import { handleTestRoute } from './bridge-test-routes';

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
  /** The one-time token the test preload sends (in BRIDGE_TOKEN_HEADER, bridge-guard.ts). */
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
  readonly responses: RpcResponse[];
  /** Calls a channel in-process, exactly as /rpc does (response checked against the contract). */
  call<C extends Channel>(channel: C, request: Request<C>): Promise<Envelope<Response<C>>>;
  /** Stops the server, locks and closes the vault, removes the temp folder (if the bridge made it). */
  close(): Promise<void>;
}

/** Starts a bridge on 127.0.0.1 with a random port. */
export async function startBridge(opts: BridgeOptions = {}): Promise<Bridge> {
  const rendererDir = resolve(opts.rendererDir ?? join(process.cwd(), 'out', 'renderer'));
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'patvault-e2e-'));
  const token = randomBytes(32).toString('base64url');

  const clipboard = new RecordingClipboard();
  const dialogs = new QueuedFileDialogs();
  const clock = new SettableClock();
  const reminders = opts.reminders ? { notifier: new RecordingNotifier(), badges: [] as number[] } : null;
  const events: { event: EventName; payload: unknown }[] = [];
  const streams = new EventStreams();
  const responses: RpcResponse[] = [];

  const { vaultPath, service, settings, keyProtector } = createAppUnderTest(dataDir, {
    clipboard,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>): void => {
      events.push({ event, payload });
      streams.broadcast(event, payload);
    },
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

  const server = createServer();
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  const guard = bridgeGuard({ host, origin, token });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!guard.trusted(req)) return send(res, 403, 'forbidden');
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === '/rpc') return handleRpc(req, res, guard, service, responses);
    if (path === '/events') return streams.handle(req, res, guard);
    if (path.startsWith('/test/')) {
      if (!guard.hasToken(req)) return send(res, 403, 'forbidden');
      return handleTestRoute(req, res, path, { service, clipboard, events, dialogs, clock, reminders });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    return serveRendererFile(res, rendererDir, path);
  };
  // The handler goes on only now that the port, and so the guard's Host and Origin, is known.
  // No request is lost: the event loop has not turned since 'listening', so none was read yet.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    });
  });

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
      streams.endAll();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await service.dispose();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
