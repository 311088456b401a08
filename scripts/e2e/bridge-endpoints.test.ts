/**
 * The bridge's system stand-ins, end to end over HTTP (no browser needed): a queued dialog
 * answer reaches a file flow called through /rpc and the dialog is listed; an empty queue is a
 * cancel; the settable clock fires a reminder that /test/notifications lists, a click on it
 * emits reminders.openToken, and /test/badge counts; the endpoints keep the bridge's guard.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Envelope, Request, Response } from '../../shared/ipc/contract';
import { BRIDGE_TOKEN_HEADER } from './bridge-guard';
import { startBridge, type Bridge, type BridgeOptions } from './bridge-server';
import { badgeCount, bridgeGet, bridgePost, clickNotification, dialogCalls, notifications, queueDialog, setClock } from './bridge-client';

const open: Bridge[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

async function bridge(opts: BridgeOptions = {}): Promise<Bridge> {
  const b = await startBridge(opts);
  open.push(b);
  return b;
}

/** One contract call through the HTTP /rpc route, as the page makes it. */
async function rpc<C extends Channel>(b: Bridge, channel: C, request: Request<C>): Promise<Response<C>> {
  const r = await bridgePost<Envelope<Response<C>>>(b, '/rpc', { channel, request });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const TOKEN = 'ghp_BRIDGEendpointsTESTvalue0000000000001';

describe('bridge test endpoints', () => {
  it('a queued dialog answer reaches reports.export; an empty queue cancels; the calls are listed', async () => {
    const b = await bridge();
    await setClock(b, '2026-11-20T12:00:00Z');
    await rpc(b, 'vault.create', { password: 'bridge endpoints password' });
    await rpc(b, 'tokens.add', { platform: 'github', account: 'acct', name: 'deploy', token: TOKEN });
    const target = join(b.dataDir, 'inventory.csv');
    await queueDialog(b, target);
    expect(await rpc(b, 'reports.export', { format: 'csv' })).toEqual({ saved: true, path: target, count: 1 });
    expect(readFileSync(target, 'utf8')).toContain('deploy');
    expect(readFileSync(target, 'utf8')).not.toContain(TOKEN);
    expect(await rpc(b, 'backup.create', { password: 'backup password 1' })).toMatchObject({ saved: false });
    expect(await dialogCalls(b)).toEqual([
      { kind: 'save', title: 'Export the token inventory', defaultName: 'patvault-inventory-2026-11-20.csv' },
      { kind: 'save', title: 'Save a backup of the vault', defaultName: 'patvault-backup-2026-11-20.patvault-backup' },
    ]);
    await queueDialog(b, null);
    expect(await rpc(b, 'import.choose', { format: 'env' })).toBeNull();
    expect((await dialogCalls(b)).at(-1)).toEqual({ kind: 'open', title: 'Choose a file to import', defaultName: null });
    expect(existsSync(join(b.dataDir, 'reminders-fired.json'))).toBe(false); // reminders are off here
  });

  it('the clock fires a reminder; the notification is listed, its click opens the token, the badge counts', async () => {
    const b = await bridge({ reminders: true });
    await setClock(b, '2026-11-20T12:00:00Z');
    await rpc(b, 'settings.set', { nameTokensInNotifications: true }); // off by default: named here on purpose
    await rpc(b, 'vault.create', { password: 'bridge endpoints password' });
    const t = await rpc(b, 'tokens.add', { platform: 'github', account: 'acct', name: 'deploy-r7', token: TOKEN, expiresAt: '2026-12-01' });
    expect(await notifications(b)).toEqual([]);
    // 7 days before, at 09:00 in the bridge's zone (UTC).
    expect(await setClock(b, '2026-11-24T09:00:00Z')).toEqual({ now: '2026-11-24T09:00:00.000Z' });
    const shown = await notifications(b);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.body).toMatch(/deploy-r7/);
    expect(JSON.stringify(shown)).not.toContain(TOKEN);
    await clickNotification(b, 0);
    const events = await bridgeGet<{ event: string; payload: unknown }[]>(b, '/test/events');
    expect(events).toContainEqual({ event: 'reminders.openToken', payload: { tokenId: t.id } });
    expect(await badgeCount(b)).toBe(1);
    await expect(clickNotification(b, 5)).rejects.toThrow(/HTTP 404/);
  });

  it('keeps the guard, refuses bad bodies, and says when reminders are off', async () => {
    const b = await bridge();
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${b.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: b.origin, ...headers }, body: JSON.stringify(body) });
    expect((await post('/test/dialog', { path: '/tmp/x' })).status).toBe(403);
    expect((await fetch(`${b.origin}/test/dialogs`)).status).toBe(403);
    const withToken = { [BRIDGE_TOKEN_HEADER]: b.token };
    expect((await post('/test/dialog', { path: 42 }, withToken)).status).toBe(400);
    expect((await post('/test/clock', { now: 'next tuesday' }, withToken)).status).toBe(400);
    expect((await post('/test/dialog', { path: '/tmp/x' }, { [BRIDGE_TOKEN_HEADER]: b.token, origin: 'http://evil.example' })).status).toBe(403);
    const off = await fetch(`${b.origin}/test/notifications`, { headers: withToken });
    expect(off.status).toBe(404);
    expect(await off.text()).toMatch(/reminders are off/);
  });
});
