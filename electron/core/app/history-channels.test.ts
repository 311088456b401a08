/**
 * A token's value history over IPC, through `dispatch` with every response checked against
 * the contract: `tokens.details` lists dates and reasons and never a value; only
 * `tokens.revealHistory`, validated by its zod schema, returns one earlier value, audited.
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

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup() {
  const { dir, cleanup } = tempDir('patvault-history-');
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
  async function fail(channel: Channel, payload: unknown): Promise<{ code: string; message: string }> {
    const r = await raw(channel, payload);
    if (r.ok) throw new Error(`${channel} succeeded but should have failed`);
    return r.error;
  }
  return { service, time, call, fail };
}

const FIRST = 'ghp_IPCHISTORYfirstVALUEipcHISTORYfirst1';
const SECOND = 'ghp_IPCHISTORYsecondVALUEipcHISTORYsec02';

/** A vault with one token whose value was typed over once. */
async function withEditedToken() {
  const s = setup();
  await s.call('vault.create', { password: TEST_PASSWORD });
  const { id } = await s.call('tokens.add', { platform: 'github', account: 'octo', name: 'CI', token: FIRST });
  await s.call('tokens.edit', { id, patch: { token: SECOND } });
  return { ...s, id };
}

describe('value history over IPC', () => {
  it('tokens.add for an iObeya user who has a token answers replaced, and the old value is in its history', async () => {
    const s = setup();
    await s.call('vault.create', { password: TEST_PASSWORD });
    const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = (n: string) => `${b64url({ alg: 'RS256' })}.${b64url({ iss: 'https://acme.iobeya.com', sub: 'jane' })}.sig${n}`;
    const user = { platform: 'iobeya', account: 'acme', baseUrl: 'https://acme.api.iobeya.com/v1' } as const;
    const first = await s.call('tokens.add', { ...user, name: 'boards', token: jwt('1') });
    expect(first.replaced).toBe(false);
    const second = await s.call('tokens.add', { ...user, name: 'boards 2', token: jwt('2') });
    expect(second).toMatchObject({ id: first.id, name: 'boards 2', replaced: true });
    expect(await s.call('tokens.list', {})).toHaveLength(1);
    const details = await s.call('tokens.details', { id: first.id });
    expect(details.history).toEqual([{ at: expect.any(String), reason: 'replaced' }]);
    expect(JSON.stringify(details)).not.toContain(jwt('1'));
  });

  it('details list when and why each earlier value was kept, never the value', async () => {
    const s = await withEditedToken();
    const details = await s.call('tokens.details', { id: s.id });
    expect(details.history).toEqual([{ at: expect.any(String), reason: 'edited' }]);
    expect(JSON.stringify(details)).not.toContain(FIRST);
    expect(JSON.stringify(details)).not.toContain(SECOND);
  });

  it('revealHistory returns that one value with the reveal delay, audited as a reveal', async () => {
    const s = await withEditedToken();
    const { history } = await s.call('tokens.details', { id: s.id });
    const shown = await s.call('tokens.revealHistory', { id: s.id, index: 0, at: history[0]!.at });
    expect(shown).toEqual({ value: FIRST, hidesInSeconds: 30 });
    const { audit } = await s.call('tokens.details', { id: s.id });
    expect(audit.at(-1)).toMatchObject({ action: 'reveal', detail: expect.stringMatching(/^earlier value 1 \(edited by hand, kept /) });
  });

  it('a malformed request is refused by the schema, naming the field, with nothing revealed or audited', async () => {
    const s = await withEditedToken();
    const before = (await s.call('tokens.details', { id: s.id })).audit.length;
    const cases: [unknown, RegExp][] = [
      [{ id: s.id, index: -1, at: 'x' }, /^index: /],
      [{ id: s.id, index: 0.5, at: 'x' }, /^index: /],
      [{ id: s.id, index: '0', at: 'x' }, /^index: /],
      [{ id: s.id, index: 0 }, /^at: /],
      [{ id: s.id, index: 0, at: 'x', value: 'y' }, /value/],
    ];
    for (const [bad, message] of cases) {
      const e = await s.fail('tokens.revealHistory', bad);
      expect(e).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(message) });
      expect(e.message).not.toContain(FIRST);
    }
    expect((await s.call('tokens.details', { id: s.id })).audit).toHaveLength(before);
  });

  it('an unknown token, an entry that is not there, or a locked vault: a clear error and no value', async () => {
    const s = await withEditedToken();
    const { history } = await s.call('tokens.details', { id: s.id });
    expect(await s.fail('tokens.revealHistory', { id: 'ffffffff', index: 0, at: history[0]!.at })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/No token/) });
    expect(await s.fail('tokens.revealHistory', { id: s.id, index: 1, at: history[0]!.at })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no longer where it was/) });
    expect(await s.fail('tokens.revealHistory', { id: s.id, index: 0, at: '2000-01-01T00:00:00.000Z' })).toMatchObject({ code: 'NOT_FOUND' });
    await s.call('vault.lock', {});
    expect(await s.fail('tokens.revealHistory', { id: s.id, index: 0, at: history[0]!.at })).toMatchObject({
      code: 'VAULT_LOCKED',
      message: 'The vault is locked. Unlock it first.',
    });
  });
});
