/**
 * The app's `shell.openExternal` policy through `dispatch`, as main calls it: the window sends a
 * token id; the page is rebuilt from the stored account and checked; the host's opener receives
 * only that https URL. Real vault (KDF at the floor), a recording opener in place of the shell.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Request, Response } from '../../../shared/ipc/contract';
import { MemoryKeyProtector } from '../keychain/memory-protector';
import { FakeClipboard } from '../test-support/fake-clipboard';
import { FakeTime } from '../test-support/fake-time';
import { FAST_KDF, TEST_PASSWORD, tempDir } from '../test-support/temp-vault';
import { AppService } from './app-service';
import { dispatch } from './dispatch';
import { SettingsStore } from '../settings/settings-store';
import { openableTokenPage } from './token-page-opener';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(opener: ((url: string) => boolean) | undefined) {
  const { dir, cleanup } = tempDir('patvault-page-');
  const time = new FakeTime();
  const service = new AppService({
    vaultPath: join(dir, 'vault.sqlite'),
    settings: new SettingsStore(join(dir, 'settings.json')),
    clipboard: new FakeClipboard(),
    keyProtector: new MemoryKeyProtector(),
    emit: () => undefined,
    clock: time,
    timers: time,
    kdf: FAST_KDF,
    ...(opener ? { openTokenPage: opener } : {}),
  });
  cleanups.push(async () => {
    await service.dispose();
    cleanup();
  });
  const raw = (channel: unknown, payload: unknown) => dispatch(service, channel, payload, { checkResponse: true });
  async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
    const r = await raw(channel, request);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    return r.value as Response<C>;
  }
  await call('vault.create', { password: TEST_PASSWORD });
  let n = 0;
  const add = async (platform: string, baseUrl: string | null, extra: Record<string, unknown> = {}) =>
    (await call('tokens.add', { platform, account: 'acct', name: `t${++n}`, token: `tok-${n}-${'x'.repeat(24)}`, baseUrl, ...extra } as Request<'tokens.add'>)).id;
  return { service, raw, call, add };
}

describe('app.openTokenPage: the window names a token, main builds and checks the page', () => {
  it('opens the per-account page of self-hosted GitLab, GitHub Enterprise Server, Jelastic and iObeya, and the fixed ones', async () => {
    const opened: string[] = [];
    const s = await setup((url) => opened.push(url) > 0);
    const ids = [
      await s.add('gitlab', 'https://git.acme.example/gitlab/api/v4'),
      await s.add('github', 'https://ghe.acme.example/api/v3'),
      await s.add('jelastic', 'https://app.jelastic.example.com'),
      await s.add('iobeya', 'https://acme.api.iobeya.com/v1'),
      await s.add('github', null),
      await s.add('yeswehack', null),
    ];
    for (const id of ids) expect(await s.call('app.openTokenPage', { id })).toEqual({ opened: true });
    expect(opened).toEqual([
      'https://git.acme.example/gitlab/-/user_settings/personal_access_tokens',
      'https://ghe.acme.example/settings/tokens',
      'https://app.jelastic.example.com/',
      'https://acme.iobeya.com/',
      'https://github.com/settings/tokens',
      'https://yeswehack.com/',
    ]);
  });

  it('opens nothing for a custom platform (its page is the user’s text), an account without a page, or a loopback account', async () => {
    const opened: string[] = [];
    const s = await setup((url) => opened.push(url) > 0);
    const acme = await s.call('platforms.custom.save', {
      definition: { name: 'Acme', baseUrl: 'https://api.acme.example', auth: { kind: 'bearer' }, tokenPageUrl: 'https://acme.example/tokens' },
    } as Request<'platforms.custom.save'>);
    const custom = await s.add('custom', null, { customPlatform: acme.id });
    const noPage = await s.add('jelastic', 'https://api.jelastic.example.com');
    const loopback = await s.add('gitlab', 'http://127.0.0.1:8080/api/v4');
    for (const id of [custom, noPage, loopback]) expect(await s.call('app.openTokenPage', { id })).toEqual({ opened: false });
    expect(opened).toEqual([]);
  });

  it('takes only a token id: a URL or a platform in the request is refused before anything opens', async () => {
    const opened: string[] = [];
    const s = await setup((url) => opened.push(url) > 0);
    const id = await s.add('github', null);
    for (const bad of [{ id, url: 'https://evil.example' }, { platform: 'github' }, { id: '' }, {}]) {
      const r = await s.raw('app.openTokenPage', bad);
      expect(r.ok ? null : r.error.code).toBe('BAD_INPUT');
    }
    const unknown = await s.raw('app.openTokenPage', { id: 'nope' });
    expect(unknown.ok).toBe(false);
    expect(opened).toEqual([]);
  });

  it('without a host that can open pages (e2e bridge, tests), or with the vault locked, nothing opens', async () => {
    const s = await setup(undefined);
    const id = await s.add('github', null);
    expect(await s.call('app.openTokenPage', { id })).toEqual({ opened: false });
    await s.call('vault.lock', {});
    const r = await s.raw('app.openTokenPage', { id });
    expect(r.ok ? null : r.error.code).toBe('VAULT_LOCKED');
  });
});

describe('openableTokenPage: a template’s page is opened only when the second rule agrees', () => {
  it('every built-in page passes; a custom one never does', () => {
    expect(openableTokenPage({ platform: 'gitlab', baseUrl: 'https://git.acme.example/api/v4' })?.url).toBe(
      'https://git.acme.example/-/user_settings/personal_access_tokens',
    );
    expect(openableTokenPage({ platform: 'brass', baseUrl: null })?.url).toBe('https://getbrass.co/');
    expect(openableTokenPage({ platform: 'custom', baseUrl: 'https://acme.example' })).toBeNull();
  });
});
