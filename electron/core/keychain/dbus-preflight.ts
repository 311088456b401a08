/**
 * A non-blocking check that the D-Bus session bus answers, done before the keyring library
 * touches it.
 *
 * Why: @napi-rs/keyring (libdbus inside) connects to the bus synchronously on the JS thread
 * and waits without a time limit for the bus to answer its authentication. A bus socket that
 * accepts but never answers (a hung dbus-daemon, a stale proxy) freezes the whole process,
 * and not even a worker thread helps (process exit then waits for the stuck thread). Here we
 * do the first authentication step ourselves, with a timeout, on Node's event loop.
 */
import { connect } from 'node:net';

/** Outcome of the check; `reason` is one human phrase without secrets. */
export type BusCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A connectable unix address taken from DBUS_SESSION_BUS_ADDRESS. */
interface UnixAddress {
  /** Socket path; abstract sockets start with a NUL byte. */
  readonly path: string;
  /** How to name it in a message. */
  readonly label: string;
}

/** Undoes D-Bus address escaping (%xx). Returns null for a malformed escape. */
function unescapeValue(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Parses a D-Bus address list ("unix:path=/run/user/1000/bus;unix:abstract=/tmp/x,guid=…").
 * Returns the unix addresses, and whether other transports (tcp:, …) were listed too; those we
 * cannot check here and leave to the library.
 */
export function parseBusAddress(address: string): { unix: UnixAddress[]; other: boolean } {
  const unix: UnixAddress[] = [];
  let other = false;
  for (const entry of address.split(';')) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const colon = trimmed.indexOf(':');
    const transport = colon < 0 ? trimmed : trimmed.slice(0, colon);
    if (transport !== 'unix') {
      other = true;
      continue;
    }
    const params = new Map<string, string>();
    for (const kv of trimmed.slice(colon + 1).split(',')) {
      const eq = kv.indexOf('=');
      if (eq > 0) params.set(kv.slice(0, eq), kv.slice(eq + 1));
    }
    const path = params.get('path');
    const abstract = params.get('abstract');
    if (path !== undefined) {
      const p = unescapeValue(path);
      if (p !== null && p !== '') unix.push({ path: p, label: p });
    } else if (abstract !== undefined) {
      const a = unescapeValue(abstract);
      if (a !== null && a !== '') unix.push({ path: `\0${a}`, label: `abstract:${a}` });
    } else {
      other = true; // unix:dir= / tmpdir= are listen-only, or something we do not know
    }
  }
  return { unix, other };
}

/** Hex of the ASCII decimal uid, as SASL EXTERNAL expects. */
function externalAuthLine(): string {
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : '';
  return `\0AUTH EXTERNAL ${Buffer.from(uid, 'ascii').toString('hex')}\r\n`;
}

/**
 * Connects to one socket, sends `AUTH EXTERNAL`, and waits for any reply line (OK, REJECTED,
 * ERROR: all mean a live bus). Never throws.
 */
function checkSocket(addr: UnixAddress, timeoutMs: number): Promise<BusCheck> {
  return new Promise((resolve) => {
    let settled = false;
    let received = '';
    const socket = connect({ path: addr.path });
    const finish = (result: BusCheck): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({ ok: false, reason: `the D-Bus session bus at ${addr.label} did not answer within ${timeoutMs} ms` });
    }, timeoutMs);
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(externalAuthLine()));
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes('\r\n')) finish({ ok: true });
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      finish({ ok: false, reason: `cannot connect to the D-Bus session bus at ${addr.label} (${err.code ?? 'error'})` });
    });
    socket.on('close', () => {
      finish({ ok: false, reason: `the D-Bus session bus at ${addr.label} closed the connection` });
    });
  });
}

/**
 * Checks the session bus named by `address` (normally DBUS_SESSION_BUS_ADDRESS). Addresses are
 * tried in order like libdbus does; the first one that answers wins. Unset or empty counts as
 * unreachable: the library's fallback (X11 autolaunch) is compiled out.
 */
export async function checkSessionBus(address: string | undefined, timeoutMs: number): Promise<BusCheck> {
  if (address === undefined || address.trim() === '') {
    return { ok: false, reason: 'DBUS_SESSION_BUS_ADDRESS is not set (no D-Bus session)' };
  }
  const { unix, other } = parseBusAddress(address);
  let firstFailure: BusCheck | undefined;
  for (const addr of unix) {
    const result = await checkSocket(addr, timeoutMs);
    if (result.ok) return result;
    firstFailure ??= result;
  }
  // A transport we cannot check (tcp:, launchd:, …): let the library try it.
  if (other) return { ok: true };
  return firstFailure ?? { ok: false, reason: 'DBUS_SESSION_BUS_ADDRESS names no usable address' };
}
