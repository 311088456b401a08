/**
 * The two routes behind the page's `window.api` (test-preload.ts), standing in for Electron's IPC:
 *   - `POST /rpc {channel, request}` → `dispatch(service, …, {checkResponse: true})`, the very
 *     function main's IPC handlers call, so the page meets the app's own validation and answers;
 *   - `GET /events` streams the service's events as Server-Sent Events. The preload reads it with
 *     a streaming fetch, not EventSource, because only fetch can send the token header.
 * The caller has already applied the guard's Host/Origin rules; these check the method, the
 * token and the body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppService } from '../../electron/core/app/app-service';
import { dispatch } from '../../electron/core/app/dispatch';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { BridgeGuard } from './bridge-guard';
import { readBody, send } from './bridge-http';

/** An /rpc answer as the page received it, kept for "what did the renderer ever receive" checks. */
export interface RpcResponse {
  channel: string;
  body: string;
}

/** Answers `POST /rpc`; records the answer's JSON in `responses`. */
export async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  guard: BridgeGuard,
  service: AppService,
  responses: RpcResponse[],
): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'method not allowed');
  if (!guard.hasToken(req)) return send(res, 403, 'forbidden');
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

/** The open `GET /events` streams; the bridge's `emit` sends each event to all of them. */
export class EventStreams {
  private readonly streams = new Set<ServerResponse>();

  /** Answers `GET /events`: the stream stays open until the page goes or `endAll` runs. */
  handle(req: IncomingMessage, res: ServerResponse, guard: BridgeGuard): void {
    if (req.method !== 'GET') return send(res, 405, 'method not allowed');
    if (!guard.hasToken(req)) return send(res, 403, 'forbidden');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    this.streams.add(res);
    req.on('close', () => this.streams.delete(res));
  }

  /** Writes one event, as an SSE frame, to every open stream. */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of this.streams) s.write(frame);
  }

  /** Ends every stream: the bridge is closing. */
  endAll(): void {
    for (const s of this.streams) s.end();
    this.streams.clear();
  }
}
