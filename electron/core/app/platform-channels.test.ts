/**
 * The platform channels (check, check-all with progress, revoke, rotate, snippets, platform
 * capabilities) through `dispatch`, responses checked against the contract: real vault, real
 * HTTP port, loopback mock servers standing in for GitHub and GitLab (accounts point their
 * base URL at them). No response carries a token value; each server sees only its own token.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, EventName, EventPayload, Request, Response } from '../../../shared/ipc/contract';
import { MemoryKeyProtector } from '../keychain/memory-protector';
import { createHostLimiter } from '../platforms/http';
import { startMockServer, type MockServer } from '../platforms/test-support/mock-server';
import { FakeClipboard } from '../test-support/fake-clipboard';
import { FakeTime } from '../test-support/fake-time';
import { FAST_KDF, TEST_PASSWORD, tempDir } from '../test-support/temp-vault';
import { AppService } from './app-service';
import { dispatch } from './dispatch';
import { SettingsStore } from '../settings/settings-store';

type Emitted = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

const GH = 'ghp_' + 'A'.repeat(36);
const GL = 'glpat-' + 'C'.repeat(20);
const BRASS = '12|pat-' + 'D'.repeat(40);
const JEL = 'e'.repeat(40);
const ACCOUNT_PASSWORD = 'jelastic-account-pw-123';

let github: MockServer;
let gitlab: MockServer;
const cleanups: (() => void | Promise<void>)[] = [];

beforeEach(async () => {
  github = await startMockServer();
  gitlab = await startMockServer();
});
afterEach(async () => {
  for (const t of [GL, BRASS, JEL]) expect(github.requestsCarrying(t)).toEqual([]);
  for (const t of [GH, BRASS, JEL]) expect(gitlab.requestsCarrying(t)).toEqual([]);
  for (const c of cleanups.splice(0)) await c();
  await github.close();
  await gitlab.close();
});

async function setup() {
  const { dir, cleanup } = tempDir('patvault-ops-');
  const clipboard = new FakeClipboard();
  const time = new FakeTime();
  const events: Emitted[] = [];
  const service = new AppService({
    vaultPath: join(dir, 'vault.sqlite'),
    settings: new SettingsStore(join(dir, 'settings.json')),
    clipboard,
    keyProtector: new MemoryKeyProtector(),
    emit: (event, payload) => events.push({ event, payload } as Emitted),
    clock: time,
    timers: time,
    kdf: FAST_KDF,
    platformOps: { limiter: createHostLimiter(), timeoutMs: 2000, retryBudgetMs: 0 },
  });
  cleanups.push(async () => {
    await service.dispose();
    cleanup();
  });
  const raw = (channel: unknown, payload: unknown) => dispatch(service, channel, payload, { checkResponse: true });
  async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
    const r = await raw(channel, request);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    // Nothing that crosses IPC here carries a token value.
    for (const v of [GH, GL, BRASS, JEL, ACCOUNT_PASSWORD]) expect(JSON.stringify(r.value)).not.toContain(v);
    return r.value as Response<C>;
  }
  async function fail(channel: Channel, payload: unknown) {
    const r = await raw(channel, payload);
    if (r.ok) throw new Error(`${channel} succeeded but should have failed`);
    return r.error;
  }
  await call('vault.create', { password: TEST_PASSWORD });
  const add = (platform: string, token: string, baseUrl: string | null, name = platform) =>
    call('tokens.add', { platform, account: `${platform}-acct`, name, token, baseUrl } as Request<'tokens.add'>);
  return { service, clipboard, time, events, call, fail, add };
}

describe('platform channels', () => {
  it('platforms.list tells what each platform can do', async () => {
    const s = await setup();
    const list = await s.call('platforms.list', {});
    const by = new Map(list.map((p) => [p.id, p]));
    expect(by.get('github')).toMatchObject({ check: true, revoke: 'api', rotate: false, needsBaseUrl: false });
    expect(by.get('gitlab')).toMatchObject({ revoke: 'api', rotate: true, rotateExpiry: true, needsPassword: { revoke: false, rotate: false } });
    expect(by.get('jelastic')).toMatchObject({ revoke: 'api', rotate: true, rotateExpiry: false, needsPassword: { revoke: true, rotate: true }, needsBaseUrl: true });
    expect(by.get('brass')).toMatchObject({ revoke: 'guided', rotate: false });
    expect(by.get('custom')).toMatchObject({ check: true, revoke: 'guided', rotate: false, needsBaseUrl: false });
  });

  it('platforms.custom.*: define, list, use for a check, edit, refuse removal while used', async () => {
    const s = await setup();
    const TOKEN = 'acme-' + 'Z'.repeat(30);
    const saved = await s.call('platforms.custom.save', {
      definition: { name: 'Acme', baseUrl: github.url, auth: { kind: 'query', name: 'api_key' }, checkPath: '/v1/me' },
    });
    expect(saved).toMatchObject({ name: 'Acme', validStatus: 200, tokens: 0 });
    expect(await s.fail('platforms.custom.save', { definition: { name: 'acme', baseUrl: github.url, auth: { kind: 'bearer' } } })).toMatchObject({
      code: 'BAD_INPUT',
      message: 'A custom platform named "Acme" already exists.',
    });
    expect(await s.fail('platforms.custom.save', { definition: { name: 'X', baseUrl: 'ftp://x', auth: { kind: 'bearer' } } })).toMatchObject({ code: 'BAD_INPUT' });
    github.route('GET', '/v1/me', { json: {} });
    const t = await s.call('tokens.add', { platform: 'custom', customPlatform: saved.id, account: 'acme', name: 'ops', token: TOKEN });
    expect(t).toMatchObject({ customPlatformId: saved.id, customPlatformName: 'Acme' });
    expect((await s.call('tokens.check', { id: t.id })).status).toBe('active');
    expect(github.requests.map((r) => [r.path, r.query['api_key']])).toEqual([['/v1/me', TOKEN]]);
    const edited = await s.call('platforms.custom.save', { id: saved.id, definition: { name: 'Acme 2', baseUrl: github.url, auth: { kind: 'bearer' } } });
    expect(edited).toMatchObject({ id: saved.id, name: 'Acme 2', tokens: 1 });
    expect(await s.fail('platforms.custom.remove', { id: saved.id })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/used by 1 token/) });
    await s.call('tokens.remove', { id: t.id });
    await s.call('platforms.custom.remove', { id: saved.id });
    expect(await s.call('platforms.custom.list', {})).toEqual([]);
    expect(github.requestsCarrying(TOKEN)).toHaveLength(1);
    expect(gitlab.requestsCarrying(TOKEN)).toEqual([]);
  });

  it('tokens.check stores and returns the result (owner, scopes); the token went only to its host', async () => {
    const s = await setup();
    github.route('GET', '/user', { json: { login: 'octocat' }, headers: { 'x-oauth-scopes': 'repo' } });
    const t = await s.add('github', GH, github.url);
    const view = await s.call('tokens.check', { id: t.id });
    expect(view).toMatchObject({ status: 'active', scopes: ['repo'], lastCheck: { result: 'active', owner: 'octocat' } });
    expect(github.requests[0]?.headers['authorization']).toBe(`Bearer ${GH}`);
    expect((await s.call('tokens.list', {}))[0]?.lastCheck?.owner).toBe('octocat');
  });

  it('tokens.checkAll checks every token and emits progress after each', async () => {
    const s = await setup();
    github.route('GET', '/user', { json: { login: 'o' }, headers: { 'x-oauth-scopes': '' } });
    gitlab.route('GET', '/api/v4/personal_access_tokens/self', { status: 401, json: { message: '401 Unauthorized' } });
    await s.add('github', GH, github.url);
    await s.add('gitlab', GL, `${gitlab.url}/api/v4`);
    await s.add('jelastic', JEL, null); // no base URL: unknown, nothing sent
    expect(await s.call('tokens.checkAll', {})).toEqual({ checked: 3 });
    const progress = s.events.filter((e) => e.event === 'tokens.checkProgress').map((e) => e.payload);
    expect(progress[0]).toEqual({ done: 0, total: 3 });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
    expect(progress.map((p) => (p as { done: number }).done)).toEqual([0, 1, 2, 3]);
    const statuses = Object.fromEntries((await s.call('tokens.list', {})).map((t) => [t.platform, t.status]));
    expect(statuses).toEqual({ github: 'active', gitlab: 'invalid', jelastic: 'unknown' });
  });

  it('tokens.revoke: API revoke marks it revoked; guided needs the user to confirm', async () => {
    const s = await setup();
    gitlab.route('DELETE', '/api/v4/personal_access_tokens/self', { status: 204 });
    const gl = await s.add('gitlab', GL, `${gitlab.url}/api/v4`);
    const r = await s.call('tokens.revoke', { id: gl.id });
    expect(r).toMatchObject({ mode: 'api', confirmed: true, pageUrl: null, token: { status: 'revoked' } });

    const br = await s.add('brass', BRASS, null);
    const first = await s.call('tokens.revoke', { id: br.id });
    expect(first).toMatchObject({ mode: 'guided', confirmed: false, token: { status: 'unknown' } });
    expect(first.pageUrl).toMatch(/^https:\/\//);
    const second = await s.call('tokens.revoke', { id: br.id, confirmedGuided: true });
    expect(second).toMatchObject({ mode: 'guided', confirmed: true, token: { status: 'revoked' } });
  });

  it('a platform that needs the account password refuses without it; the password is never echoed', async () => {
    const s = await setup();
    const j = await s.add('jelastic', JEL, 'http://127.0.0.1:9');
    const noPw = await s.fail('tokens.revoke', { id: j.id });
    expect(noPw).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/password/) });
    expect((await s.fail('tokens.rotate', { id: j.id })).message).toMatch(/password/);
    // With a password, against a closed port: the failure message names no password.
    const offline = await s.fail('tokens.revoke', { id: j.id, password: ACCOUNT_PASSWORD });
    expect(offline.message).not.toContain(ACCOUNT_PASSWORD);
    const details = await s.call('tokens.details', { id: j.id });
    expect(JSON.stringify(details)).not.toContain(ACCOUNT_PASSWORD);
    // Requests are strict: an unknown field is refused.
    expect((await s.fail('tokens.rotate', { id: j.id, value: 'x' })).code).toBe('BAD_INPUT');
  });

  it('a rotation the vault could not store (locked mid-request) keeps the new value and saves it at the next unlock', async () => {
    const s = await setup();
    const NEW = 'glpat-' + 'L'.repeat(20);
    // The idle timer, a suspend or the user locks while the platform is answering.
    gitlab.route('POST', '/api/v4/personal_access_tokens/self/rotate', async () => {
      await s.service.lock('idle');
      return { json: { token: NEW, expires_at: '2027-03-01' } };
    });
    const gl = await s.add('gitlab', GL, `${gitlab.url}/api/v4`);
    const err = await s.fail('tokens.rotate', { id: gl.id });
    expect(err).toMatchObject({ code: 'ROTATION_NOT_SAVED', message: expect.stringMatching(/GitLab rotated the token.*saves it as soon as the vault is unlocked/) });
    expect(JSON.stringify(err)).not.toContain(NEW);
    await s.call('vault.unlock', { password: TEST_PASSWORD });
    // The first call after unlock stores it, audited as a rotation; the old value is history.
    const listed = await s.call('tokens.list', {});
    // GitLab's date: it stops at 00:00 UTC on 2027-03-01, so (tests run in UTC) Feb 28 is its last day.
    expect(listed.find((t) => t.id === gl.id)).toMatchObject({ expiresAt: '2027-02-28', expiry: '2027-03-01T00:00:00.000Z' });
    expect((await s.call('tokens.reveal', { id: gl.id })).value).toBe(NEW);
    const details = await s.call('tokens.details', { id: gl.id });
    expect(details.audit.filter((a) => a.action === 'rotate')).toHaveLength(1);
  });

  it('tokens.rotate returns the view, never the new value; the new expiry is the one GitLab reported', async () => {
    const s = await setup();
    const NEW = 'glpat-' + 'N'.repeat(20);
    gitlab.route('POST', '/api/v4/personal_access_tokens/self/rotate', { json: { token: NEW, expires_at: '2027-02-01' } });
    const gl = await s.add('gitlab', GL, `${gitlab.url}/api/v4`);
    const { token: view, expiryCapped } = await s.call('tokens.rotate', { id: gl.id });
    expect(expiryCapped).toBeNull();
    expect(view).toMatchObject({ expiresAt: '2027-01-31', expiry: '2027-02-01T00:00:00.000Z', expirySource: 'platform', expiryRaw: '2027-02-01' });
    expect(JSON.stringify(view)).not.toContain(NEW);
    expect((await s.call('tokens.reveal', { id: gl.id })).value).toBe(NEW);
    const gh = await s.add('github', GH, github.url);
    expect((await s.fail('tokens.rotate', { id: gh.id })).message).toMatch(/cannot rotate/);
  });

  it('tokens.rotate sends a chosen expiresAt as is and says when GitLab capped it; a malformed one is refused', async () => {
    const s = await setup();
    const NEW = 'glpat-' + 'K'.repeat(20);
    let n = 0;
    gitlab.route('POST', '/api/v4/personal_access_tokens/self/rotate', () =>
      n++ === 0 ? { status: 400, json: { message: '400 Bad request - Expires at must be before 2026-11-01' } } : { json: { token: NEW, expires_at: '2026-11-01' } },
    );
    const gl = await s.add('gitlab', GL, `${gitlab.url}/api/v4`);
    expect((await s.fail('tokens.rotate', { id: gl.id, expiresAt: '2026-02-30' })).code).toBe('BAD_INPUT');
    expect(gitlab.requests).toEqual([]);
    const r = await s.call('tokens.rotate', { id: gl.id, expiresAt: '2030-01-01' });
    expect(gitlab.requests.map((q) => (q.json as { expires_at: string }).expires_at)).toEqual(['2030-01-01', '2026-11-01']);
    expect(r.expiryCapped).toEqual({ asked: '2030-01-01', sent: '2026-11-01' });
  });

  it('a rotation without an answer: ROTATION_UNCONFIRMED, the view carries the mark, another rotation is refused', async () => {
    const s = await setup();
    gitlab.route('POST', '/api/v4/personal_access_tokens/self/rotate', { status: 502, text: 'Bad Gateway' });
    const gl = await s.add('gitlab', GL, `${gitlab.url}/api/v4`);
    expect(await s.fail('tokens.rotate', { id: gl.id })).toMatchObject({ code: 'ROTATION_UNCONFIRMED', message: expect.stringMatching(/Do not rotate again/) });
    const listed = (await s.call('tokens.list', {})).find((t) => t.id === gl.id);
    expect(listed?.rotationUnconfirmed?.reason).toMatch(/No answer to the rotation \(server error 502\)/);
    expect((await s.fail('tokens.rotate', { id: gl.id })).code).toBe('ROTATION_UNCONFIRMED');
    expect(gitlab.requests).toHaveLength(1);
  });

  it('tokens.copySnippet writes the platform scheme to the clipboard, clears it later, errors without a base URL', async () => {
    const s = await setup();
    const gh = await s.add('github', GH, null);
    expect(await s.call('tokens.copySnippet', { id: gh.id, kind: 'header' })).toEqual({ clearsInSeconds: 30 });
    expect(s.clipboard.text).toBe(`Authorization: Bearer ${GH}`);
    await s.call('tokens.copySnippet', { id: gh.id, kind: 'curl' });
    expect(s.clipboard.text).toBe(`curl -H 'Authorization: Bearer ${GH}' 'https://api.github.com'`);
    const j = await s.add('jelastic', JEL, 'https://app.jelastic.example.com');
    await s.call('tokens.copySnippet', { id: j.id, kind: 'curl' });
    expect(s.clipboard.text).toBe(`curl 'https://app.jelastic.example.com/?session=${JEL}'`);
    await s.call('tokens.copySnippet', { id: j.id, kind: 'header' });
    expect(s.clipboard.text).toBe(`session=${JEL}`);
    await s.time.advance(30_000);
    await new Promise((r) => setTimeout(r, 10));
    expect(s.clipboard.text).toBe('');

    const io = await s.add('iobeya', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig', null);
    expect(await s.fail('tokens.copySnippet', { id: io.id, kind: 'curl' })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Base URL/) });
  });

  it('tokens.copySnippet for a custom platform uses its stored auth placement and base URL', async () => {
    const s = await setup();
    const TOKEN = 'acme-' + 'S'.repeat(30);
    const acme = await s.call('platforms.custom.save', {
      definition: { name: 'Acme', baseUrl: 'https://api.acme.example', auth: { kind: 'header', name: 'X-Acme-Key', prefix: 'key ' } },
    });
    const t = await s.call('tokens.add', { platform: 'custom', customPlatform: acme.id, account: 'acme', name: 'ops', token: TOKEN });
    await s.call('tokens.copySnippet', { id: t.id, kind: 'header' });
    expect(s.clipboard.text).toBe(`X-Acme-Key: key ${TOKEN}`);
    await s.call('tokens.copySnippet', { id: t.id, kind: 'curl' });
    expect(s.clipboard.text).toBe(`curl -H 'X-Acme-Key: key ${TOKEN}' 'https://api.acme.example'`);
    // A custom token with no platform chosen says why, and copies nothing.
    const bare = await s.call('tokens.add', { platform: 'custom', account: 'acme', name: 'bare', token: `${TOKEN}2` });
    expect(await s.fail('tokens.copySnippet', { id: bare.id, kind: 'header' })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/no custom platform assigned/) });
    expect(s.clipboard.text).not.toContain(`${TOKEN}2`);
  });
});
