/**
 * KeyringProtector against the real OS keychain. On Linux that is a Secret Service:
 * `npm test` starts one (scripts/with-secret-service.sh: private D-Bus session +
 * gnome-keyring). Without one the round trip is skipped locally and FAILS under CI.
 *
 * The "no Secret Service" cases run in child processes with their own environment, so they
 * cannot disturb the session this process talks to.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AsyncEntry } from '@napi-rs/keyring';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf as rejection } from '../test-support/app-errors';
import { KeyringProtector, PROBE_ACCOUNT } from './keyring-protector';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const LINUX = process.platform === 'linux';
const IN_CI = (() => {
  const ci = (process.env['CI'] ?? '').trim().toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
})();
const HOW_TO =
  'Install a Secret Service and run the tests through `npm test`, which starts one in a private D-Bus session ' +
  '(Debian/Ubuntu: apt-get install gnome-keyring dbus).';

/** Unique per run, so parallel or crashed runs never collide; everything is removed after. */
const SERVICE = `PAT Vault test ${randomUUID()}`;
const protector = new KeyringProtector({ service: SERVICE });
const initialInfo = await protector.info();
const reachable = initialInfo.strength === 'strong';

/** The raw entry as the library sees it (pinned like the adapter). */
function rawEntry(account: string): AsyncEntry {
  return new AsyncEntry(SERVICE, account, LINUX ? { linux: { store: 'secret-service' } } : undefined);
}

describe('KeyringProtector with the real keychain', () => {
  if (!reachable) {
    if (IN_CI) {
      it('needs a reachable Secret Service under CI', () => {
        throw new Error(`No usable keychain under CI (CI=${process.env['CI']}): ${initialInfo.detail} ${HOW_TO}`);
      });
    } else {
      const why = `Keychain round trip SKIPPED: no usable keychain here (${initialInfo.detail}). ${HOW_TO}`;
      console.warn(why);
      it.skip(why, () => {});
    }
    return;
  }

  const used = new Set<string>();
  const vaultId = (): string => {
    const id = `test-${randomUUID()}`;
    used.add(id);
    return id;
  };

  afterAll(async () => {
    for (const id of used) await protector.forget(id);
    const leftovers: string[] = [];
    for (const id of used) if ((await rawEntry(`vault:${id}`).getPassword()) !== null) leftovers.push(id);
    expect(leftovers).toEqual([]);
  });

  it('reports a strong backend for this OS', async () => {
    const info = await protector.info();
    const expected = { linux: 'secret-service', darwin: 'macos-keychain', win32: 'windows-credential-manager' } as const;
    expect(info.strength).toBe('strong');
    if (process.platform in expected) expect(info.backend).toBe(expected[process.platform as keyof typeof expected]);
    expect(info.detail.length).toBeGreaterThan(10);
  });

  it('keeps the secret: protect then recover gives the same 32 bytes', async () => {
    const id = vaultId();
    const secret = randomBytes(32);
    const stored = await protector.protect(id, secret);
    expect(stored.length).toBe(0);
    const back = await protector.recover(id, stored);
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back.equals(secret)).toBe(true);
  });

  it('stores base64 under service/account "vault:<id>" (keytar-compatible layout)', async () => {
    const id = vaultId();
    const secret = randomBytes(32);
    await protector.protect(id, secret);
    expect(await rawEntry(`vault:${id}`).getPassword()).toBe(secret.toString('base64'));
  });

  it('protect overwrites, and vaults are independent', async () => {
    const a = vaultId();
    const b = vaultId();
    const s1 = randomBytes(32);
    const s2 = randomBytes(32);
    const s3 = randomBytes(32);
    await protector.protect(a, s1);
    await protector.protect(b, s3);
    await protector.protect(a, s2);
    expect((await protector.recover(a, Buffer.alloc(0))).equals(s2)).toBe(true);
    expect((await protector.recover(b, Buffer.alloc(0))).equals(s3)).toBe(true);
    await protector.forget(a);
    expect((await protector.recover(b, Buffer.alloc(0))).equals(s3)).toBe(true);
  });

  it('forget removes it: recover then throws KEYCHAIN_NOT_ENABLED; forget is idempotent', async () => {
    const id = vaultId();
    const secret = randomBytes(32);
    await protector.protect(id, secret);
    await protector.forget(id);
    const err = await rejection(protector.recover(id, Buffer.alloc(0)));
    expect(err.code).toBe('KEYCHAIN_NOT_ENABLED');
    expect(err.message).toMatch(/master password/);
    expect(err.message).not.toContain(secret.toString('base64'));
    await expect(protector.forget(id)).resolves.toBeUndefined();
    await expect(protector.forget(id)).resolves.toBeUndefined();
    await expect(protector.forget(vaultId())).resolves.toBeUndefined(); // never existed
  });

  it('a damaged entry is KEYCHAIN_NOT_ENABLED, not wrong bytes', async () => {
    const id = vaultId();
    await rawEntry(`vault:${id}`).setPassword('not-a-32-byte-secret');
    const err = await rejection(protector.recover(id, Buffer.alloc(0)));
    expect(err.code).toBe('KEYCHAIN_NOT_ENABLED');
    expect(err.message).toMatch(/damaged/);
    expect(err.message).not.toContain('not-a-32-byte-secret');
  });

  it('rejects a secret that is not 32 bytes, and a bad vault id, before touching the keychain', async () => {
    const id = vaultId();
    expect((await rejection(protector.protect(id, randomBytes(16)))).code).toBe('BAD_INPUT');
    expect((await rejection(protector.protect('', randomBytes(32)))).code).toBe('BAD_INPUT');
    expect((await rejection(protector.protect('has space', randomBytes(32)))).code).toBe('BAD_INPUT');
    expect(await rawEntry(`vault:${id}`).getPassword()).toBeNull();
  });

  it('info() only reads: the probe entry is never created', async () => {
    await protector.info();
    expect(await rawEntry(PROBE_ACCOUNT).getPassword()).toBeNull();
  });
});

/** Runs the adapter in a child Node with `env`, returning what it saw. */
interface ChildReport {
  info: { backend: string; strength: string; detail: string };
  protect: { code: string; message: string } | 'ok';
  recover: { code: string; message: string } | 'ok';
  forget: { code: string; message: string } | 'ok';
  ms: number;
}

const CHILD_SOURCE = `
import { randomBytes } from 'node:crypto';
import { KeyringProtector } from './keyring-protector';
const opts = JSON.parse(process.argv[2] ?? '{}');
const p = new KeyringProtector({ service: opts.service, busTimeoutMs: opts.busTimeoutMs });
const outcome = async (f) => { try { await f(); return 'ok'; } catch (e) { return { code: e.code, message: e.message }; } };
const t0 = Date.now();
const info = await p.info();
const protect = await outcome(() => p.protect('child-vault', randomBytes(32)));
const recover = await outcome(() => p.recover('child-vault', Buffer.alloc(0)));
const forget = await outcome(() => p.forget('child-vault'));
process.stdout.write(JSON.stringify({ info, protect, recover, forget, ms: Date.now() - t0 }));
`;

describe.runIf(LINUX)('KeyringProtector without a Secret Service (child processes)', () => {
  let dir = '';
  let bundle = '';
  let silent: Server | undefined;
  let silentPath = '';
  const sockets = new Set<Socket>();
  const node = existsSync(join(REPO, 'node_modules/.bin/node')) ? join(REPO, 'node_modules/.bin/node') : process.execPath;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'patvault-keyring-child-'));
    // Inside the repo, so the bundle finds @napi-rs/keyring in node_modules like the CLI does.
    bundle = join(REPO, 'node_modules/.cache/patvault-tests', `keyring-child-${randomUUID()}.mjs`);
    await build({
      stdin: { contents: CHILD_SOURCE, resolveDir: HERE, loader: 'ts', sourcefile: 'child.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: ['@napi-rs/keyring'],
      outfile: bundle,
      logLevel: 'silent',
    });
    // A bus socket that accepts connections and never answers (a hung dbus-daemon).
    silentPath = join(dir, 'silent-bus.sock');
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.resume(); // read and drop, never answer
    });
    await new Promise<void>((resolve) => silent?.listen(silentPath, resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundle, { force: true });
  });

  /** Runs the bundle with a clean environment plus `extra`; kills it after 20 s. */
  function runChild(extra: Record<string, string>, busTimeoutMs = 3000): Promise<ChildReport> {
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? dir,
      ...extra,
    };
    return new Promise((resolve, reject) => {
      const child = spawn(node, [bundle, JSON.stringify({ service: SERVICE, busTimeoutMs })], {
        env,
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code !== 0) return reject(new Error(`child exited ${code ?? signal}: ${err}`));
        try {
          resolve(JSON.parse(out) as ChildReport);
        } catch {
          reject(new Error(`child printed no report: ${out} ${err}`));
        }
      });
    });
  }

  function expectUnavailable(r: ChildReport, reason: RegExp): void {
    expect(r.info.backend).toBe('secret-service');
    expect(r.info.strength).toBe('none');
    expect(r.info.detail).toMatch(reason);
    expect(r.info.detail).toMatch(/gnome-keyring/);
    for (const op of [r.protect, r.recover, r.forget]) {
      expect(op).not.toBe('ok');
      if (op === 'ok') return;
      expect(op.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(op.message).toMatch(/apt-get install gnome-keyring dbus/);
      expect(op.message).toMatch(reason);
    }
  }

  it('bus address pointing nowhere: strength none, every call KEYCHAIN_UNAVAILABLE (no silent fallback)', async () => {
    const r = await runChild({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-such-bus')}` });
    expectUnavailable(r, /ENOENT/);
  });

  it('no DBUS_SESSION_BUS_ADDRESS at all: strength none', async () => {
    const r = await runChild({});
    expectUnavailable(r, /DBUS_SESSION_BUS_ADDRESS is not set/);
  });

  it('a bus that never answers: strength none within the timeout instead of hanging', async () => {
    const r = await runChild({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${silentPath}` }, 300);
    expectUnavailable(r, /did not answer within 300 ms/);
    expect(r.ms).toBeLessThan(10_000);
  });
});
