/**
 * The rollback warning through the app service (issue 12 item 4): a vault file put back from
 * an older copy unlocks, and vault.status carries the banner's warning with when the newer
 * one was seen; a normal reopen, and a vault that moved forward, carry none. The record is a
 * 0600 file beside the settings, without a secret.
 */
import { copyFileSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Channel, EventName, EventPayload, Request, Response } from '../../../shared/ipc/contract';
import { MemoryKeyProtector } from '../keychain/memory-protector';
import { FakeClipboard } from '../test-support/fake-clipboard';
import { FakeTime } from '../test-support/fake-time';
import { FAST_KDF, TEST_PASSWORD, tempDir } from '../test-support/temp-vault';
import { SettingsStore } from '../settings/settings-store';
import { AppService } from './app-service';
import { dispatch } from './dispatch';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** An app session on `dir`'s vault; `done` disposes it (closing the file). */
function session(dir: string, time: FakeTime) {
  const s = new AppService({
    vaultPath: join(dir, 'vault.sqlite'),
    settings: new SettingsStore(join(dir, 'settings.json')),
    clipboard: new FakeClipboard(),
    keyProtector: new MemoryKeyProtector(),
    emit: <E extends EventName>(_event: E, _payload: EventPayload<E>) => undefined,
    clock: time,
    timers: time,
    kdf: FAST_KDF,
  });
  const call = async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
    const r = await dispatch(s, channel, request, { checkResponse: true });
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as Response<C>;
  };
  return { call, done: () => s.dispose() };
}

const addToken = (call: ReturnType<typeof session>['call'], n: number) =>
  call('tokens.add', { platform: 'github', account: 'acme', name: `token ${n}`, token: `ghp_${String(n).padStart(36, 'r')}` });

it('an older copy of the vault unlocks with a warning; a normal reopen has none', async () => {
  const { dir, cleanup } = tempDir('patvault-rollback-');
  cleanups.push(cleanup);
  const vault = join(dir, 'vault.sqlite');
  const time = new FakeTime('2026-11-20T12:00:00Z');
  const at = (iso: string): void => time.skip(Date.parse(iso) - time.now().getTime());

  const first = session(dir, time);
  await first.call('vault.create', { password: TEST_PASSWORD });
  await addToken(first.call, 1);
  await first.done();
  const old = join(dir, 'old-copy.sqlite');
  copyFileSync(vault, old); // closed: the file alone holds everything

  at('2026-11-25T08:30:00Z');
  const second = session(dir, time);
  await second.call('vault.unlock', { password: TEST_PASSWORD });
  expect((await second.call('vault.status', {})).rollback ?? null).toBeNull(); // moved forward since: no warning
  await addToken(second.call, 2);
  await addToken(second.call, 3);
  await second.done();
  const newer = join(dir, 'newer-copy.sqlite');
  copyFileSync(vault, newer);

  // The record: beside the settings, owner-only, numbers and a hash, no secret.
  const [name] = readdirSync(join(dir, 'seen'));
  const recordFile = join(dir, 'seen', name!);
  expect(statSync(recordFile).mode & 0o777).toBe(0o600);
  const record = JSON.parse(readFileSync(recordFile, 'utf8')) as Record<string, unknown>;
  expect(Object.keys(record).sort()).toEqual(['auditSeq', 'manifestHash', 'seenAt', 'v', 'vaultId']);
  expect(record['seenAt']).toBe('2026-11-25T08:30:00.000Z');
  const seenSeq = record['auditSeq'] as number;

  // The old copy put back in place of the vault.
  at('2026-11-26T09:00:00Z');
  for (const f of [vault, `${vault}-wal`, `${vault}-shm`]) rmSync(f, { force: true });
  copyFileSync(old, vault);
  const third = session(dir, time);
  expect((await third.call('vault.status', {})).rollback ?? null).toBeNull(); // locked: nothing to say yet
  await third.call('vault.unlock', { password: TEST_PASSWORD });
  const status = await third.call('vault.status', {});
  expect(status.unlocked).toBe(true);
  expect(status.rollback).toMatchObject({ lastSeenAt: '2026-11-25T08:30:00.000Z', lastSeq: seenSeq });
  expect(status.rollback!.nowSeq).toBeLessThan(seenSeq);
  expect(status.rollback!.message).toBe(
    `This vault is older than the copy last seen on 2026-11-25 (audit entry ${seenSeq}, now ${status.rollback!.nowSeq}): a newer version may have been replaced.`,
  );
  expect(await third.call('tokens.list', {})).toHaveLength(1); // it works, only older
  // A write on the old copy does not lower the record, nor silence the warning.
  await addToken(third.call, 4);
  expect((await third.call('vault.status', {})).rollback).not.toBeNull();
  await third.call('vault.lock', {});
  expect((await third.call('vault.status', {})).rollback ?? null).toBeNull();
  await third.done();
  expect((JSON.parse(readFileSync(recordFile, 'utf8')) as { auditSeq: number }).auditSeq).toBe(seenSeq);

  // The newer file back: a normal reopen, no warning.
  for (const f of [vault, `${vault}-wal`, `${vault}-shm`]) rmSync(f, { force: true });
  copyFileSync(newer, vault);
  const fourth = session(dir, time);
  await fourth.call('vault.unlock', { password: TEST_PASSWORD });
  expect((await fourth.call('vault.status', {})).rollback ?? null).toBeNull();
  await fourth.done();
});
