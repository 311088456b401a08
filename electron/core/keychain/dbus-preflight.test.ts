/** The D-Bus preflight: address parsing and the timed SASL check against local sockets. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSessionBus, parseBusAddress } from './dbus-preflight';

describe('parseBusAddress', () => {
  it('reads unix path and abstract addresses, in order, with escapes and guid', () => {
    const { unix, other } = parseBusAddress('unix:path=/run/user/1000/bus,guid=abc;unix:abstract=/tmp/dbus-x%20y');
    expect(unix.map((a) => a.path)).toEqual(['/run/user/1000/bus', '\0/tmp/dbus-x y']);
    expect(other).toBe(false);
  });

  it('marks transports it cannot check', () => {
    expect(parseBusAddress('tcp:host=localhost,port=1234')).toEqual({ unix: [], other: true });
    expect(parseBusAddress('unix:tmpdir=/tmp').other).toBe(true);
    expect(parseBusAddress(' ; ').unix).toEqual([]);
  });
});

describe.skipIf(process.platform === 'win32')('checkSessionBus', () => {
  let dir = '';
  const servers: Server[] = [];
  const sockets = new Set<Socket>();

  /** A unix socket server; `answer` is what it replies to the first bytes (nothing if null). */
  async function serve(name: string, answer: string | null): Promise<string> {
    const path = join(dir, name);
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.once('data', () => {
        if (answer !== null) socket.write(answer);
      });
      socket.resume();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path, resolve));
    return path;
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'patvault-dbus-'));
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    rmSync(dir, { recursive: true, force: true });
  });

  it('unset or empty address: not reachable', async () => {
    expect(await checkSessionBus(undefined, 200)).toEqual({ ok: false, reason: expect.stringMatching(/not set/) });
    expect((await checkSessionBus('  ', 200)).ok).toBe(false);
  });

  it('missing socket: not reachable, naming the error', async () => {
    const r = await checkSessionBus(`unix:path=${join(dir, 'absent')}`, 200);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/ENOENT/) });
  });

  it('a bus that answers the AUTH line (OK or REJECTED) is reachable', async () => {
    const ok = await serve('ok.sock', 'OK 0123456789abcdef\r\n');
    const rejected = await serve('rejected.sock', 'REJECTED EXTERNAL ANONYMOUS\r\n');
    expect(await checkSessionBus(`unix:path=${ok},guid=x`, 1000)).toEqual({ ok: true });
    expect(await checkSessionBus(`unix:path=${rejected}`, 1000)).toEqual({ ok: true });
  });

  it('a bus that never answers times out instead of hanging', async () => {
    const silent = await serve('silent.sock', null);
    const t0 = Date.now();
    const r = await checkSessionBus(`unix:path=${silent}`, 150);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/did not answer within 150 ms/) });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('tries addresses in order; a later live one wins', async () => {
    const ok = await serve('ok2.sock', 'OK 1\r\n');
    expect(await checkSessionBus(`unix:path=${join(dir, 'absent')};unix:path=${ok}`, 500)).toEqual({ ok: true });
  });

  it('an uncheckable transport is left to the library', async () => {
    expect(await checkSessionBus('tcp:host=127.0.0.1,port=1', 200)).toEqual({ ok: true });
  });
});
