/**
 * Reminders through the app service: a real vault, a fake clock, a recording notifier and a
 * real fired-store file. Fires at the right local moment once, survives a restart without
 * repeating, says nothing identifying while locked, and a click opens the token.
 */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Channel, EventName, EventPayload, Request, Response } from '../../../shared/ipc/contract';
import { MemoryKeyProtector } from '../keychain/memory-protector';
import type { Notifier } from '../ports';
import { FileFiredStore } from '../reminders/fired-store';
import { FakeClipboard } from '../test-support/fake-clipboard';
import { FakeTime } from '../test-support/fake-time';
import { FAST_KDF, TEST_PASSWORD, tempDir } from '../test-support/temp-vault';
import { AppService } from './app-service';
import { dispatch } from './dispatch';
import { SettingsStore } from '../settings/settings-store';

type Shown = { title: string; body: string; onClick?: () => void };
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function service(dir: string, time: FakeTime, shown: Shown[], events: { event: EventName; payload: unknown }[], badges: number[]) {
  const notifier: Notifier = { notify: (n) => void shown.push(n) };
  const s = new AppService({
    vaultPath: join(dir, 'vault.sqlite'),
    settings: new SettingsStore(join(dir, 'settings.json')),
    clipboard: new FakeClipboard(),
    keyProtector: new MemoryKeyProtector(),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ event, payload }),
    clock: time,
    timers: time,
    kdf: FAST_KDF,
    reminders: { fired: new FileFiredStore(join(dir, 'reminders.json'), { clock: time }), notifier, timeZone: () => 'Europe/Paris', badge: (n) => void badges.push(n) },
  });
  cleanups.push(() => s.dispose());
  const call = async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
    const r = await dispatch(s, channel, request, { checkResponse: true });
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as Response<C>;
  };
  return { s, call };
}

it('fires 7 and 1 days before at 09:00 Paris time, once, across a restart; locked text names nothing; a click opens the token', async () => {
  const { dir, cleanup } = tempDir('patvault-reminders-');
  cleanups.push(cleanup);
  const time = new FakeTime('2026-11-20T12:00:00Z');
  const shown: Shown[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const badges: number[] = [];
  const app = service(dir, time, shown, events, badges);
  await app.call('vault.create', { password: TEST_PASSWORD });
  await app.call('settings.set', { nameTokensInNotifications: true });
  const t = await app.call('tokens.add', { platform: 'github', account: 'acme-account-q7', client: 'Client Q7', name: 'deploy-q7', token: 'ghp_' + 'q'.repeat(36), expiresAt: '2026-12-01' });
  expect(shown).toEqual([]); // 11 days left: nothing due yet

  // 7 days before = 2026-11-24 09:00 Paris = 08:00 UTC.
  await time.advance(new Date('2026-11-24T07:59:00Z').getTime() - time.now().getTime());
  expect(shown).toEqual([]);
  await app.call('vault.unlock', { password: TEST_PASSWORD }); // auto-lock locked it meanwhile
  await time.advance(60_000);
  expect(shown).toHaveLength(1);
  expect(shown[0]?.title).toMatch(/7 days/);
  expect(shown[0]?.body).toMatch(/deploy-q7/);
  shown[0]?.onClick?.();
  expect(events.filter((e) => e.event === 'reminders.openToken')).toEqual([{ event: 'reminders.openToken', payload: { tokenId: t.id } }]);

  // Restart: a new service over the same files does not fire it again.
  await app.s.dispose();
  service(dir, time, shown, events, badges); // disposed by the cleanups
  await time.advance(3_600_000);
  expect(shown).toHaveLength(1);

  // Locked at the 1-day reminder (2026-11-30 09:00 Paris): a count and a date, nothing else.
  await time.advance(new Date('2026-11-30T08:00:00Z').getTime() - time.now().getTime());
  expect(shown).toHaveLength(2);
  const locked = `${shown[1]?.title} ${shown[1]?.body}`;
  for (const secret of ['deploy-q7', 'acme-account-q7', 'Client Q7', 'GitHub', 'github']) expect(locked).not.toContain(secret);
  expect(badges.at(-1)).toBe(1);
});

it('by default an unlocked reminder names nothing: "A token expires in 7 days", and a click still opens it', async () => {
  const { dir, cleanup } = tempDir('patvault-reminders-');
  cleanups.push(cleanup);
  const time = new FakeTime('2026-11-20T12:00:00Z');
  const shown: Shown[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const app = service(dir, time, shown, events, []);
  await app.call('vault.create', { password: TEST_PASSWORD });
  expect((await app.call('settings.get', {})).nameTokensInNotifications).toBe(false);
  const t = await app.call('tokens.add', { platform: 'github', account: 'acme-account-q8', client: 'Client Q8', name: 'deploy-q8', token: 'ghp_' + 'r'.repeat(36), expiresAt: '2026-12-01' });
  await time.advance(new Date('2026-11-24T07:59:00Z').getTime() - time.now().getTime());
  await app.call('vault.unlock', { password: TEST_PASSWORD });
  await time.advance(60_000);
  expect(shown.map((n) => [n.title, n.body])).toEqual([['A token expires in 7 days', 'On 2026-12-01. Open PAT Vault to see which.']]);
  for (const secret of ['deploy-q8', 'acme-account-q8', 'Client Q8', 'GitHub', 'github']) expect(`${shown[0]?.title} ${shown[0]?.body}`).not.toContain(secret);
  shown[0]?.onClick?.();
  expect(events.filter((e) => e.event === 'reminders.openToken')).toEqual([{ event: 'reminders.openToken', payload: { tokenId: t.id } }]);
});
