/**
 * KeyringProtector's error handling with a fake library: what each library failure becomes,
 * per platform, and that the secret never reaches a message. The real keychain is exercised in
 * keyring-protector.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorOf as rejection } from '../test-support/app-errors';
import { KeyringProtector, type KeyringEntry, type KeyringEntryFactory } from './keyring-protector';

/** A fake store; `fail` makes every call reject with that message (a function gets the password). */
function fakeLibrary(fail?: string | ((password?: string) => string)): {
  open: KeyringEntryFactory;
  store: Map<string, string>;
  opened: string[];
} {
  const store = new Map<string, string>();
  const opened: string[] = [];
  const reject = (password?: string): Promise<never> =>
    Promise.reject(new Error(typeof fail === 'function' ? fail(password) : fail));
  const open: KeyringEntryFactory = (service, account) => {
    const key = `${service}\n${account}`;
    opened.push(account);
    const entry: KeyringEntry = {
      getPassword: () => (fail ? reject() : Promise.resolve(store.get(key) ?? null)),
      setPassword: (password) => (fail ? reject(password) : Promise.resolve(void store.set(key, password))),
      deleteCredential: () => (fail ? reject() : Promise.resolve(store.delete(key))),
    };
    return entry;
  };
  return { open, store, opened };
}

const busOk = () => Promise.resolve({ ok: true as const });

describe('KeyringProtector error mapping (fake library)', () => {
  it('round trip and layout with the fake: base64 under "vault:<id>"', async () => {
    const lib = fakeLibrary();
    const p = new KeyringProtector({ service: 'svc', platform: 'linux', openEntry: lib.open, checkBus: busOk });
    const secret = randomBytes(32);
    expect((await p.protect('v1', secret)).length).toBe(0);
    expect(lib.store.get('svc\nvault:v1')).toBe(secret.toString('base64'));
    expect((await p.recover('v1', Buffer.alloc(0))).equals(secret)).toBe(true);
    await p.forget('v1');
    await p.forget('v1');
    expect((await rejection(p.recover('v1', Buffer.alloc(0)))).code).toBe('KEYCHAIN_NOT_ENABLED');
  });

  it('Secret Service running without a usable default keyring: info says strong (read-only probe), protect says what to do', async () => {
    // What @napi-rs/keyring reports when gnome-keyring was D-Bus-activated with no login keyring.
    const store = new Map<string, string>();
    const open: KeyringEntryFactory = () => ({
      getPassword: () => Promise.resolve(store.get('x') ?? null),
      setPassword: () => Promise.reject(new Error("Couldn't access platform storage: Secret Service: no result found")),
      deleteCredential: () => Promise.resolve(false),
    });
    const p = new KeyringProtector({ platform: 'linux', openEntry: open, checkBus: busOk });
    expect((await p.info()).strength).toBe('strong');
    const err = await rejection(p.protect('v', randomBytes(32)));
    expect(err.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(err.message).toMatch(/default keyring is locked or missing/);
    expect(err.message).toMatch(/no result found/);
  });

  it('platform failure on Linux: none / KEYCHAIN_UNAVAILABLE naming what to install', async () => {
    const lib = fakeLibrary('Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files');
    const p = new KeyringProtector({ platform: 'linux', openEntry: lib.open, checkBus: busOk });
    const info = await p.info();
    expect(info).toMatchObject({ backend: 'secret-service', strength: 'none' });
    expect(info.detail).toMatch(/apt-get install gnome-keyring dbus/);
    for (const call of [p.protect('v', randomBytes(32)), p.recover('v', Buffer.alloc(0)), p.forget('v')]) {
      const err = await rejection(call);
      expect(err.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(err.message).toMatch(/No Secret Service \(gnome-keyring\/KWallet\)/);
    }
  });

  it('a failing bus preflight stops before the library is touched', async () => {
    const lib = fakeLibrary();
    const p = new KeyringProtector({
      platform: 'linux',
      openEntry: lib.open,
      checkBus: () => Promise.resolve({ ok: false, reason: 'the D-Bus session bus at /x did not answer within 5 ms' }),
    });
    expect((await p.info()).strength).toBe('none');
    expect((await rejection(p.protect('v', randomBytes(32)))).code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(lib.opened).toEqual([]);
  });

  it('backend names per OS; no bus preflight on macOS and Windows', async () => {
    const failingBus = () => Promise.resolve({ ok: false as const, reason: 'should not be asked' });
    for (const [platform, backend] of [
      ['darwin', 'macos-keychain'],
      ['win32', 'windows-credential-manager'],
      ['linux', 'secret-service'],
      ['freebsd', 'secret-service'],
    ] as const) {
      const p = new KeyringProtector({ platform, openEntry: fakeLibrary().open, checkBus: failingBus });
      const info = await p.info();
      expect(info.backend).toBe(backend);
      expect(info.strength).toBe(backend === 'secret-service' ? 'none' : 'strong');
    }
    const mac = new KeyringProtector({ platform: 'darwin', openEntry: fakeLibrary('Platform failure: User canceled').open });
    const err = await rejection(mac.protect('v', randomBytes(32)));
    expect(err.message).toMatch(/the macOS Keychain could not be used/);
  });

  it('never puts the secret in a message, even if the library echoes it', async () => {
    const lib = fakeLibrary((password) => `Platform failure: cannot store ${password ?? ''}`);
    const p = new KeyringProtector({ platform: 'linux', openEntry: lib.open, checkBus: busOk });
    const secret = randomBytes(32);
    const err = await rejection(p.protect('v', secret));
    expect(err.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(err.message).not.toContain(secret.toString('base64'));
    expect(err.message).toMatch(/no details/);
  });

  it('several matching entries: KEYCHAIN_UNAVAILABLE saying so', async () => {
    const lib = fakeLibrary('Entry is matched by 2 credentials: [..]');
    const p = new KeyringProtector({ platform: 'linux', openEntry: lib.open, checkBus: busOk });
    const err = await rejection(p.recover('v', Buffer.alloc(0)));
    expect(err).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/several entries/) });
  });

  it('info() never throws, whatever the library does', async () => {
    const open: KeyringEntryFactory = () => {
      throw new Error('constructor exploded');
    };
    const p = new KeyringProtector({ platform: 'linux', openEntry: open, checkBus: busOk });
    await expect(p.info()).resolves.toMatchObject({ strength: 'none' });
  });
});
