/**
 * Calling the bridge's guarded test endpoints from Node (the test process), with the token and
 * the bridge's own Origin (a POST without one is refused). Helpers for the system parts the
 * tests play: the file dialog, the clock, the notification centre, the badge.
 */
import { BRIDGE_TOKEN_HEADER } from './bridge-guard';
import type { Bridge } from './bridge-server';
import type { DialogCall } from './bridge-doubles';
import type { Channel, Envelope, Request, Response } from '../../shared/ipc/contract';

/** GET a guarded test endpoint of the bridge. */
export async function bridgeGet<T>(bridge: Bridge, path: string): Promise<T> {
  const res = await fetch(`${bridge.origin}${path}`, { headers: { [BRIDGE_TOKEN_HEADER]: bridge.token } });
  if (!res.ok) throw new Error(`bridge ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** POST a JSON body to a guarded endpoint of the bridge (/test/*, or /rpc). */
export async function bridgePost<T>(bridge: Bridge, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${bridge.origin}${path}`, {
    method: 'POST',
    headers: { [BRIDGE_TOKEN_HEADER]: bridge.token, origin: bridge.origin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`bridge ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The next file dialog answers `path` (null: the user cancels). */
export function queueDialog(bridge: Bridge, path: string | null): Promise<unknown> {
  return bridgePost(bridge, '/test/dialog', { path });
}

/** The file dialogs the app opened so far. */
export function dialogCalls(bridge: Bridge): Promise<DialogCall[]> {
  return bridgeGet(bridge, '/test/dialogs');
}

/** Sets the service's clock (null: the system's again) and re-evaluates reminders. */
export function setClock(bridge: Bridge, now: string | null): Promise<{ now: string }> {
  return bridgePost(bridge, '/test/clock', { now });
}

/** Reminders shown so far (bridge started with reminders). */
export function notifications(bridge: Bridge): Promise<{ title: string; body: string }[]> {
  return bridgeGet(bridge, '/test/notifications');
}

/** Clicks reminder `index`, as the user would in the notification centre. */
export function clickNotification(bridge: Bridge, index: number): Promise<unknown> {
  return bridgePost(bridge, '/test/notifications/click', { index });
}

/** The last badge count (null before the first). */
export async function badgeCount(bridge: Bridge): Promise<number | null> {
  return (await bridgeGet<{ count: number | null }>(bridge, '/test/badge')).count;
}

/** One contract call through the bridge's HTTP /rpc route, as the page makes it (seeding, checks). */
export async function rpc<C extends Channel>(b: Bridge, channel: C, request: Request<C>): Promise<Response<C>> {
  const r = await bridgePost<Envelope<Response<C>>>(b, '/rpc', { channel, request });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
