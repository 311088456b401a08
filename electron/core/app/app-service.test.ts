/**
 * The app's behaviour behind IPC, exercised the way main and the e2e bridge call it: through
 * `dispatch`, with every response checked against the contract. Real vault file, real crypto
 * (KDF at the floor), in-memory keychain, fake clipboard and fake time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, EventName, EventPayload, Request, Response } from '../../../shared/ipc/contract';
import { MemoryKeyProtector } from '../keychain/memory-protector';
import { FakeClipboard } from '../test-support/fake-clipboard';
import { FakeTime } from '../test-support/fake-time';
import { SAMPLE_TOKENS } from '../test-support/sample-tokens';
import { FAST_KDF, TEST_PASSWORD, tempDir } from '../test-support/temp-vault';
import { AppService } from './app-service';
import { dispatch } from './dispatch';
import { DEFAULT_SETTINGS, SettingsStore } from '../settings/settings-store';

type Emitted = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A fresh service over a temp folder; `call` and `fail` go through dispatch with response checks. */
function setup() {
  const { dir, cleanup } = tempDir('patvault-app-');
  const vaultPath = join(dir, 'vault.sqlite');
  const settingsPath = join(dir, 'settings.json');
  const time = new FakeTime();
  const clipboard = new FakeClipboard();
  const keyProtector = new MemoryKeyProtector();
  const events: Emitted[] = [];
  const service = new AppService({
    vaultPath,
    settings: new SettingsStore(settingsPath),
    clipboard,
    keyProtector,
    emit: (event, payload) => events.push({ event, payload } as Emitted),
    clock: time,
    timers: time,
    kdf: FAST_KDF,
  });
  cleanups.push(() => {
    void service.dispose();
    cleanup();
  });

  const raw = (channel: unknown, payload: unknown) => dispatch(service, channel, payload, { checkResponse: true });
  async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
    const r = await raw(channel, request);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    return r.value as Response<C>;
  }
  async function fail(channel: unknown, payload: unknown): Promise<{ code: string; message: string }> {
    const r = await raw(channel, payload);
    if (r.ok) throw new Error(`${String(channel)} succeeded but should have failed`);
    return r.error;
  }
  async function addSamples(): Promise<Response<'tokens.add'>[]> {
    const added = [];
    for (const t of SAMPLE_TOKENS) added.push(await call('tokens.add', { ...t, scopes: 'scopes' in t ? [...t.scopes] : undefined }));
    return added;
  }
  return { dir, vaultPath, settingsPath, time, clipboard, keyProtector, events, service, raw, call, fail, addSamples };
}

const VALUES = SAMPLE_TOKENS.map((t) => t.token);
const noValueIn = (response: unknown): void => {
  const json = JSON.stringify(response);
  for (const v of VALUES) expect(json).not.toContain(v);
};

describe('AppService through dispatch', () => {
  it('creates a vault, adds tokens, lists and shows details without any token value', async () => {
    const s = setup();
    expect(await s.call('vault.status', {})).toMatchObject({ exists: false, unlocked: false, quickUnlock: false });
    expect((await s.fail('tokens.list', {})).code).toBe('VAULT_MISSING');

    await s.call('vault.create', { password: TEST_PASSWORD });
    expect(await s.call('vault.status', {})).toEqual({ exists: true, unlocked: true, path: s.vaultPath, quickUnlock: false, rollback: null });

    const added = await s.addSamples();
    noValueIn(added);
    const list = await s.call('tokens.list', {});
    expect(list.map((t) => t.name).sort()).toEqual(SAMPLE_TOKENS.map((t) => t.name).sort());
    noValueIn(list);
    for (const t of added) {
      const details = await s.call('tokens.details', { id: t.id });
      expect(details.token.id).toBe(t.id);
      expect(details.audit.map((e) => e.action)).toContain('create');
      noValueIn(details);
    }
    // A second create never replaces the vault, and the open one keeps working.
    expect((await s.fail('vault.create', { password: 'another password' })).code).toBe('VAULT_EXISTS');
    expect(await s.call('tokens.list', {})).toHaveLength(SAMPLE_TOKENS.length);
  });

  it('copies in main: the clipboard gets the value, the response only the delay; cleared later if unchanged', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    const [first, second] = await s.addSamples();
    if (!first || !second) throw new Error('samples missing');

    const copied = await s.call('tokens.copy', { id: first.id });
    expect(copied).toEqual({ clearsInSeconds: DEFAULT_SETTINGS.clipboardClearSeconds });
    noValueIn(copied);
    expect(s.clipboard.text).toBe(SAMPLE_TOKENS[0].token);

    await s.time.advance(29_000);
    expect(s.clipboard.text).toBe(SAMPLE_TOKENS[0].token);
    await s.time.advance(1_000);
    expect(s.clipboard.text).toBe('');
    expect(s.events).toContainEqual({ event: 'clipboard.cleared', payload: { id: first.id } });

    // The user copied something else meanwhile: left alone, but the copy still expires.
    s.events.length = 0;
    await s.call('tokens.copy', { id: second.id });
    s.clipboard.copyFromElsewhere('a shopping list');
    await s.time.advance(30_000);
    expect(s.clipboard.text).toBe('a shopping list');
    expect(s.clipboard.clears).toBe(1);
    expect(s.events).toEqual([{ event: 'clipboard.cleared', payload: { id: second.id } }]);

    // The copy is in the token's audit trail.
    const details = await s.call('tokens.details', { id: first.id });
    expect(details.audit.map((e) => e.action)).toContain('copy');
  });

  it('a second copy ends the first: one clear, for the value now on the clipboard', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    const [a, b] = await s.addSamples();
    if (!a || !b) throw new Error('samples missing');
    await s.call('tokens.copy', { id: a.id });
    await s.time.advance(10_000);
    await s.call('tokens.copy', { id: b.id });
    expect(s.events).toEqual([{ event: 'clipboard.cleared', payload: { id: a.id } }]);
    await s.time.advance(20_000); // the first copy's deadline passes: nothing happens
    expect(s.clipboard.text).toBe(SAMPLE_TOKENS[1].token);
    await s.time.advance(10_000);
    expect(s.clipboard.text).toBe('');
    expect(s.clipboard.clears).toBe(1);
  });

  it('reveal returns the value and when to hide it; edit and remove work', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    const [first, second] = await s.addSamples();
    if (!first || !second) throw new Error('samples missing');

    expect(await s.call('tokens.reveal', { id: first.id })).toEqual({
      value: SAMPLE_TOKENS[0].token,
      hidesInSeconds: DEFAULT_SETTINGS.revealSeconds,
    });

    const edited = await s.call('tokens.edit', { id: first.id, patch: { name: 'Renamed zq1', token: 'ghp_NEWvalue0123456789abcdefghijklmnopqrs' } });
    expect(edited.name).toBe('Renamed zq1');
    noValueIn(edited);
    expect(JSON.stringify(edited)).not.toContain('ghp_NEWvalue');
    expect((await s.call('tokens.reveal', { id: first.id })).value).toBe('ghp_NEWvalue0123456789abcdefghijklmnopqrs');

    expect(await s.call('tokens.remove', { id: second.id })).toBeNull();
    expect((await s.fail('tokens.details', { id: second.id })).code).toBe('NOT_FOUND');
    expect(await s.call('tokens.list', {})).toHaveLength(SAMPLE_TOKENS.length - 1);
  });

  it('locks (event, clipboard cleared, calls refused) and unlocks only with the right password', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    const [first] = await s.addSamples();
    if (!first) throw new Error('samples missing');
    await s.call('tokens.copy', { id: first.id });

    expect(await s.call('vault.lock', {})).toBeNull();
    expect(s.events).toContainEqual({ event: 'vault.locked', payload: { reason: 'user' } });
    expect(s.clipboard.text).toBe('');
    expect(s.time.pending).toBe(0); // neither the clipboard nor the idle timer is left running
    expect((await s.fail('tokens.list', {})).code).toBe('VAULT_LOCKED');
    expect((await s.fail('tokens.copy', { id: first.id })).code).toBe('VAULT_LOCKED');
    expect(await s.call('vault.status', {})).toMatchObject({ exists: true, unlocked: false });

    const wrong = await s.fail('vault.unlock', { password: 'not the password' });
    expect(wrong.code).toBe('WRONG_PASSWORD');
    expect(wrong.message).not.toContain('not the password');
    await s.call('vault.unlock', { password: TEST_PASSWORD });
    expect(await s.call('tokens.list', {})).toHaveLength(SAMPLE_TOKENS.length);
  });

  it('locks from main (suspend, screen lock) with the reason, only when unlocked', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    await s.service.lock('suspend');
    await s.service.lock('screen-lock'); // already locked: no second event
    expect(s.events).toEqual([{ event: 'vault.locked', payload: { reason: 'suspend' } }]);
    expect((await s.fail('tokens.list', {})).code).toBe('VAULT_LOCKED');
  });

  it('auto-locks after the idle minutes; activity postpones it', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    await s.call('settings.set', { autoLockMinutes: 5 });
    const minute = 60_000;

    await s.time.advance(4 * minute);
    await s.call('app.activity', {}); // the renderer saw input at minute 4
    await s.time.advance(4 * minute); // minute 8: only 4 idle minutes
    expect((await s.call('vault.status', {})).unlocked).toBe(true);
    await s.call('tokens.list', {}); // any call counts as activity (minute 8)
    await s.time.advance(5 * minute - 1);
    expect((await s.call('vault.status', {})).unlocked).toBe(true);
    expect(s.events).toEqual([]);
    await s.time.advance(1);
    expect((await s.call('vault.status', {})).unlocked).toBe(false);
    expect(s.events).toEqual([{ event: 'vault.locked', payload: { reason: 'idle' } }]);
    expect(s.time.pending).toBe(0);

    // vault.status itself is not activity: polling the status must not keep the vault open.
    await s.call('vault.unlock', { password: TEST_PASSWORD });
    for (let i = 0; i < 5; i += 1) {
      await s.time.advance(minute);
      await s.call('vault.status', {});
    }
    expect((await s.call('vault.status', {})).unlocked).toBe(false);
  });

  it('a shorter auto-lock setting applies to the running countdown at once', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    await s.time.advance(3 * 60_000);
    await s.call('settings.set', { autoLockMinutes: 2 }); // a call is activity: 2 minutes from now
    await s.time.advance(2 * 60_000);
    expect((await s.call('vault.status', {})).unlocked).toBe(false);
  });

  it('settings: validated (bad value → BAD_INPUT, nothing written), persisted across stores', async () => {
    const s = setup();
    expect(await s.call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    for (const bad of [
      { autoLockMinutes: 0 },
      { autoLockMinutes: 1.5 },
      { clipboardClearSeconds: '30' },
      { theme: 'neon' },
      { unknownSetting: true },
      { revealSeconds: 10_000 },
    ]) {
      expect((await s.fail('settings.set', bad)).code).toBe('BAD_INPUT');
    }
    expect(existsSync(s.settingsPath)).toBe(false);

    const next = await s.call('settings.set', { clipboardClearSeconds: 45, theme: 'dark' });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, clipboardClearSeconds: 45, theme: 'dark' });
    const written = readFileSync(s.settingsPath, 'utf8');
    expect((await s.fail('settings.set', { theme: 'neon' })).code).toBe('BAD_INPUT');
    expect(readFileSync(s.settingsPath, 'utf8')).toBe(written);
    expect(new SettingsStore(s.settingsPath).get()).toEqual(next);

    // The copy delay follows the setting.
    await s.call('vault.create', { password: TEST_PASSWORD });
    const [first] = await s.addSamples();
    if (!first) throw new Error('samples missing');
    expect(await s.call('tokens.copy', { id: first.id })).toEqual({ clearsInSeconds: 45 });
  });

  it('quick unlock through the keychain port', async () => {
    const s = setup();
    expect((await s.call('keychain.status', {})).enabled).toBe(false); // no vault yet
    await s.call('vault.create', { password: TEST_PASSWORD });
    expect((await s.call('keychain.enable', {})).enabled).toBe(true);
    expect((await s.call('vault.status', {})).quickUnlock).toBe(true);
    await s.call('vault.lock', {});
    await s.call('vault.unlockWithKeychain', {});
    expect((await s.call('vault.status', {})).unlocked).toBe(true);
    // A password change re-keys and keeps the app's own slot: quick unlock still works after it.
    expect(await s.call('vault.changePassword', { current: TEST_PASSWORD, next: 'the app changed it' })).toEqual({ dropped: [] });
    await s.call('vault.lock', {});
    await s.call('vault.unlockWithKeychain', {});
    await s.call('vault.changePassword', { current: 'the app changed it', next: TEST_PASSWORD });
    expect((await s.fail('keychain.disable', {})).code).toBe('BAD_INPUT'); // the re-key needs the password
    expect((await s.call('keychain.disable', { password: TEST_PASSWORD })).enabled).toBe(false);
    await s.call('vault.lock', {});
    expect((await s.fail('vault.unlockWithKeychain', {})).code).toBe('KEYCHAIN_NOT_ENABLED');
  });

  it('opens a token page only by token id; no URL or platform is accepted (policy: token-page-opener.test.ts)', async () => {
    const { fail } = setup();
    expect((await fail('app.openTokenPage', { platform: 'github' })).code).toBe('BAD_INPUT');
    expect((await fail('app.openTokenPage', { id: 'x', url: 'https://evil.example' })).code).toBe('BAD_INPUT');
  });

  it('unknown channels and malformed payloads are BAD_INPUT envelopes, never a throw', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    const cases: [unknown, unknown][] = [
      ['no.such.channel', {}],
      ['__proto__', {}],
      ['toString', {}],
      ['constructor', {}],
      ['hasOwnProperty', {}],
      [42, {}],
      [null, {}],
      [undefined, undefined],
      ['tokens.list', { extra: 1 }],
      ['tokens.list', 'a string'],
      ['tokens.list', [1, 2]],
      ['tokens.details', {}],
      ['tokens.details', { id: 5 }],
      ['tokens.details', { id: '' }],
      ['tokens.details', { id: 'x'.repeat(65) }],
      ['tokens.add', { platform: 'github' }],
      ['tokens.add', { platform: 'myspace', account: 'a', name: 'n', token: 't' }],
      ['tokens.edit', { id: 'abc' }],
      ['vault.unlock', { password: '' }],
      ['vault.unlock', { password: 'x'.repeat(2000) }],
      ['settings.set', null],
      ['vault.changePassword', { current: TEST_PASSWORD }],
    ];
    for (const [channel, payload] of cases) {
      const r = await s.raw(channel, payload);
      expect(r, `${String(channel)} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    // The vault is untouched by all of that.
    expect((await s.call('vault.status', {})).unlocked).toBe(true);
  });

  it('an unexpected failure becomes INTERNAL with a generic message', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    (s.service.handlers as unknown as Record<string, () => Promise<unknown>>)['tokens.list'] = () =>
      Promise.reject(new Error(`disk said no about ${SAMPLE_TOKENS[0].token}`));
    const err = await s.fail('tokens.list', {});
    expect(err.code).toBe('INTERNAL');
    expect(err.message).not.toContain(SAMPLE_TOKENS[0].token);
  });

  it('dispose locks, clears a copied value and closes the file', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    const [first] = await s.addSamples();
    if (!first) throw new Error('samples missing');
    await s.call('tokens.copy', { id: first.id });
    await s.service.dispose();
    expect(s.clipboard.text).toBe('');
    expect(s.events).toContainEqual({ event: 'vault.locked', payload: { reason: 'user' } });
    expect(await s.call('vault.status', {})).toMatchObject({ exists: true, unlocked: false });
  });

  it('tokens.add and tokens.edit carry platformMismatchOk through IPC; without it a value of another platform is refused', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    const gl = 'glpat-' + 'W'.repeat(20);
    const refused = await s.fail('tokens.add', { platform: 'github', account: 'a', name: 'n', token: gl });
    expect(refused).toEqual({ code: 'PLATFORM_MISMATCH', message: 'This looks like a GitLab personal access token, not a GitHub token.' });
    expect((await s.fail('tokens.add', { platform: 'github', account: 'a', name: 'n', token: gl, platformMismatchOk: 'yes' })).code).toBe('BAD_INPUT');
    const added = await s.call('tokens.add', { platform: 'github', account: 'a', name: 'n', token: gl, platformMismatchOk: true });
    expect(added).not.toHaveProperty('platformMismatchOk');
    expect((await s.fail('tokens.edit', { id: added.id, patch: { platform: 'brass' } })).code).toBe('PLATFORM_MISMATCH');
    expect((await s.call('tokens.edit', { id: added.id, patch: { platform: 'brass', platformMismatchOk: true } })).platform).toBe('brass');
  });
});
