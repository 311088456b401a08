/**
 * The real preload (electron/preload/index.ts) and main's real IPC registration
 * (electron/main/ipc.ts, sender check included) wired together, with only the `electron`
 * module replaced at its import boundary (test-support/fake-electron.ts passes the messages
 * in process, under Electron's rules) and the real core behind them. A wiring mistake — a
 * channel main does not register, a sender it should refuse, an event that does not reach the
 * page — fails here, without the Electron binary these machines cannot run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import type { PatVaultApi } from '../../shared/ipc/api';
import { CHANNELS } from '../../shared/ipc/channels';
import { AppService } from '../core/app/app-service';
import { MemoryKeyProtector } from '../core/keychain/memory-protector';
import { SettingsStore } from '../core/settings/settings-store';
import { FakeClipboard } from '../core/test-support/fake-clipboard';
import { FAST_KDF, tempDir } from '../core/test-support/temp-vault';
import { registerIpc, sendEvent } from './ipc';
import { APP_INDEX_URL } from '../core/security/app-protocol';
import { rendererIndexPath, rendererOrigin } from './renderer-origin';
import { exposedInMainWorld, ipcState, makeFrame, makeWindow, sendFrom, type FakeWindow } from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

/** The built page, as the window loads it (over app://, not file://). */
const PAGE = APP_INDEX_URL;
const PASSWORD = 'wiring test master password';
const UNTRUSTED = { ok: false, error: { code: 'BAD_INPUT', message: 'Request from an untrusted page.' } };
/** What the preload answers when main has no handler (or went away). */
const NOT_ANSWERED = { ok: false, error: { code: 'INTERNAL', message: 'The app did not answer the request. Try again, or restart the app.' } };

let api: PatVaultApi;
beforeAll(async () => {
  // electron-vite defines it at build time; the sandboxed preload cannot read package.json.
  vi.stubGlobal('__APP_VERSION__', '9.9.9-wiring');
  await import('../preload/index');
  api = exposedInMainWorld('api') as PatVaultApi;
});
afterAll(() => vi.unstubAllGlobals());

let win: FakeWindow | null;
let service: AppService;
let vaultPath: string;
let unregister: () => void;
let cleanup: () => void;
beforeEach(() => {
  const dir = tempDir('patvault-ipc-');
  cleanup = dir.cleanup;
  vaultPath = join(dir.dir, 'vault.sqlite');
  win = makeWindow(PAGE);
  service = new AppService({
    vaultPath,
    settings: new SettingsStore(join(dir.dir, 'settings.json')),
    clipboard: new FakeClipboard(false),
    keyProtector: new MemoryKeyProtector(),
    kdf: FAST_KDF,
    // As main's composition root: events go to the window through sendEvent.
    emit: (event, payload) => sendEvent(win as never, event, payload),
  });
  unregister = registerIpc(service, () => win as never, rendererOrigin(undefined));
  sendFrom(win.webContents, win.webContents.mainFrame);
});
afterEach(async () => {
  unregister();
  await service.dispose();
  cleanup();
});

test('main registers exactly the contract’s channels, and the page reaches each through the preload', async () => {
  expect(ipcState().handled.sort()).toEqual([...CHANNELS].sort());
  for (const channel of CHANNELS) {
    // Empty requests: many are refused (no vault yet, fields missing), but by main, in an envelope.
    const answer = await api.invoke(channel, {} as never);
    expect(answer, channel).not.toEqual(NOT_ANSWERED);
  }
});

test('requests and answers cross intact: a vault is created, a token added, listed and revealed', async () => {
  expect(await api.invoke('vault.create', { password: PASSWORD })).toEqual({ ok: true, value: null });
  const added = await api.invoke('tokens.add', { platform: 'github', account: 'octo', name: 'CI deploy', token: 'wiring-token-value', scopes: ['repo'] });
  expect(added).toMatchObject({ ok: true, value: { name: 'CI deploy', scopes: ['repo'], replaced: false } });
  const listed = await api.invoke('tokens.list', {});
  expect(listed.ok && listed.value.map((t) => t.name)).toEqual(['CI deploy']);
  const id = added.ok ? added.value.id : '';
  expect(await api.invoke('tokens.reveal', { id })).toMatchObject({ ok: true, value: { value: 'wiring-token-value' } });
  // A refusal is an answer too, with the core's code.
  await api.invoke('vault.lock', {});
  expect(await api.invoke('vault.unlock', { password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
});

test('main’s events reach the page’s listener as the payload alone, until it unsubscribes', async () => {
  const seen: unknown[] = [];
  const off = api.on('vault.locked', (payload) => seen.push(payload));
  await api.invoke('vault.create', { password: PASSWORD });
  await service.lock('idle'); // what the idle timer does
  expect(seen).toEqual([{ reason: 'idle' }]);
  // A payload the contract does not allow is never sent.
  sendEvent(win as never, 'vault.locked', { reason: 'because' } as never);
  expect(seen).toHaveLength(1);
  off();
  sendEvent(win as never, 'vault.locked', { reason: 'user' });
  expect(seen).toHaveLength(1);
});

test('a call from anything but the app’s page in the main frame of the main window is refused before the core', async () => {
  const main = win!.webContents.mainFrame;
  const other = makeWindow(PAGE);
  const gone = makeFrame(PAGE, { processId: main.processId });
  gone.destroyed = true;
  const senders = {
    'a sub-frame showing the app page': [win!.webContents, makeFrame(PAGE, { parent: main, processId: main.processId })],
    'another window’s main frame': [other.webContents, other.webContents.mainFrame],
    'another frame than the main one': [win!.webContents, makeFrame(PAGE, { processId: main.processId })],
    'a destroyed frame': [win!.webContents, gone],
    'no frame at all': [win!.webContents, null],
  } as const;
  for (const [what, [contents, frame]] of Object.entries(senders)) {
    sendFrom(contents, frame);
    expect(await api.invoke('vault.create', { password: PASSWORD }), what).toEqual(UNTRUSTED);
  }
  // The main frame, navigated away to another page.
  sendFrom(win!.webContents, main);
  main.url = 'https://evil.example/';
  expect(await api.invoke('vault.create', { password: PASSWORD })).toEqual(UNTRUSTED);
  // The same built file over file:// is not the app's page any more (it is served over app://).
  main.url = `file://${rendererIndexPath()}`;
  expect(await api.invoke('vault.create', { password: PASSWORD })).toEqual(UNTRUSTED);
  // The window closed: nothing is trusted.
  main.url = PAGE;
  const closed = win;
  win = null;
  expect(await api.invoke('vault.create', { password: PASSWORD })).toEqual(UNTRUSTED);
  expect(existsSync(vaultPath)).toBe(false);

  win = closed;
  expect(await api.invoke('vault.create', { password: PASSWORD })).toEqual({ ok: true, value: null });
  expect(existsSync(vaultPath)).toBe(true);
});

test('the preload exposes only a frozen api: an unknown channel or event never reaches main', async () => {
  expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'version']);
  expect(Object.isFrozen(api)).toBe(true);
  expect(api.version).toBe('9.9.9-wiring');
  const before = ipcState().invoked.length;
  expect(await api.invoke('vault.nuke' as never, {} as never)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'Unknown request.' } });
  expect(ipcState().invoked.length).toBe(before);
  expect(() => api.on('vault.nuked' as never, () => undefined)).toThrow(TypeError);
});

test('once main removes its handlers, the page gets an error answer instead of a hang or a throw', async () => {
  unregister();
  expect(ipcState().handled).toEqual([]);
  expect(await api.invoke('vault.status', {})).toEqual(NOT_ANSWERED);
  unregister = registerIpc(service, () => win as never, rendererOrigin(undefined));
  expect(await api.invoke('vault.status', {})).toMatchObject({ ok: true, value: { exists: false } });
});
