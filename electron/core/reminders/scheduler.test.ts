import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../../../shared/domain/reminder-policy';
import type { Timers } from '../ports';
import { FakeTime } from '../test-support/fake-time';
import { tempDir } from '../test-support/temp-vault';
import { FileFiredStore, type FiredReminderStore } from './fired-store';
import type { ReminderNotification } from './reminder-text';
import { MAX_WAIT_MS, ReminderScheduler, type ReminderSourceToken } from './scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('patvault-reminders-')));
afterEach(() => cleanup());

/** Distinctive label text, so a leak into locked notifications is easy to catch. */
const label = (n: string) => ({
  name: `Deploy key ${n}`,
  platform: `Platformo ${n}`,
  account: `acct-${n}@example`,
  client: `Client Corp ${n}`,
});
const tok = (id: string, expiresAt: string | null, reminderDays: readonly number[] | null = null): ReminderSourceToken => ({
  id,
  expiresAt,
  reminderDays,
  label: label(id),
});

interface Shown extends ReminderNotification {
  readonly at: string;
}

/** A scheduler over a fake clock, recording timers' waits and notifications with their time. */
function setup(opts: {
  start: string;
  zone?: string;
  tokens: ReminderSourceToken[];
  locked?: boolean;
  policy?: ReminderPolicy;
  fired?: FiredReminderStore;
}) {
  const time = new FakeTime(opts.start);
  const waits: number[] = [];
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      waits.push(ms);
      return time.setTimeout(fn, ms);
    },
    clearTimeout: (h) => time.clearTimeout(h),
  };
  const state = {
    locked: opts.locked ?? false,
    timeZone: opts.zone ?? 'Europe/Paris',
    policy: opts.policy ?? DEFAULT_REMINDER_POLICY,
    tokens: opts.tokens,
  };
  const storePath = join(dir, 'reminders-fired.json');
  const fired = opts.fired ?? new FileFiredStore(storePath, { clock: time });
  const shown: Shown[] = [];
  const onError = vi.fn();
  const make = (store: FiredReminderStore) =>
    new ReminderScheduler({
      clock: time,
      timers,
      source: () => ({ ...state }),
      fired: store,
      notify: (n) => shown.push({ ...n, at: time.now().toISOString() }),
      onError,
    });
  const scheduler = make(fired);
  /** Advances to an absolute instant, firing timers on the way. */
  const until = (iso: string) => time.advance(Date.parse(iso) - time.now().getTime());
  /** A fresh scheduler over a fresh store on the same file: an app restart. */
  const restart = () => make(new FileFiredStore(storePath, { clock: time }));
  return { time, waits, state, fired, shown, scheduler, until, restart, onError };
}

describe('ReminderScheduler: timing', () => {
  it('fires the 7-day and 1-day reminders at 09:00 local, each exactly once', async () => {
    const t = setup({ start: '2026-11-20T00:00:00Z', tokens: [tok('a1', '2026-12-01')] });
    t.scheduler.start();
    await t.until('2026-11-24T07:59:59.999Z');
    expect(t.shown).toEqual([]);
    await t.until('2026-11-24T08:00:00.000Z'); // 09:00 in Paris (winter time)
    await t.until('2026-11-30T07:59:59.999Z');
    expect(t.shown).toEqual([
      {
        at: '2026-11-24T08:00:00.000Z',
        title: 'Token expires in 7 days',
        body: 'Deploy key a1 — Platformo a1 / acct-a1@example (Client Corp a1), on 2026-12-01',
        tokenId: 'a1',
      },
    ]);
    await t.until('2026-12-20T00:00:00Z');
    expect(t.shown.map((n) => [n.at, n.title])).toEqual([
      ['2026-11-24T08:00:00.000Z', 'Token expires in 7 days'],
      ['2026-11-30T08:00:00.000Z', 'Token expires tomorrow'],
    ]);
    t.scheduler.poke();
    expect(t.shown).toHaveLength(2);
  });

  it('never waits more than an hour, and stop() leaves no timer', async () => {
    const t = setup({ start: '2026-01-01T00:00:00Z', tokens: [tok('a1', '2026-12-01')] });
    t.scheduler.start();
    await t.time.advance(3 * DAY);
    expect(t.waits.length).toBeGreaterThan(70);
    expect(Math.max(...t.waits)).toBe(MAX_WAIT_MS);
    expect(MAX_WAIT_MS).toBeLessThanOrEqual(HOUR);
    t.scheduler.stop();
    expect(t.time.pending).toBe(0);
    t.scheduler.poke(); // stopped: no evaluation, no timer
    expect(t.time.pending).toBe(0);
  });

  it('waits exactly until a reminder due within the hour', () => {
    const t = setup({ start: '2026-11-24T07:35:00Z', tokens: [tok('a1', '2026-12-01')] });
    t.scheduler.start();
    expect(t.waits).toEqual([25 * 60_000]);
  });

  it('does not fire again after a restart over the same fired-store file', async () => {
    const t = setup({ start: '2026-11-20T00:00:00Z', tokens: [tok('a1', '2026-12-01')] });
    t.scheduler.start();
    await t.until('2026-11-25T00:00:00Z');
    expect(t.shown).toHaveLength(1);
    t.scheduler.stop();

    const again = t.restart();
    again.start();
    await t.until('2026-11-29T00:00:00Z');
    expect(t.shown).toHaveLength(1);
    await t.until('2026-12-01T00:00:00Z');
    expect(t.shown.map((n) => n.title)).toEqual(['Token expires in 7 days', 'Token expires tomorrow']);
    again.stop();
    const third = t.restart();
    third.start();
    expect(t.shown).toHaveLength(2);
    third.stop();
  });

  it('a missed window (asleep past both reminders) shows one notification, once, and marks both', async () => {
    const t = setup({ start: '2026-11-20T00:00:00Z', tokens: [tok('a1', '2026-12-01')] });
    t.scheduler.start();
    t.time.skip(Date.parse('2026-11-30T15:00:00Z') - Date.parse('2026-11-20T00:00:00Z')); // asleep: no timer ran
    expect(t.shown).toEqual([]);
    t.scheduler.poke(); // resume
    expect(t.shown).toEqual([
      expect.objectContaining({ at: '2026-11-30T15:00:00.000Z', title: 'Token expires tomorrow', tokenId: 'a1' }),
    ]);
    expect(t.fired.has('a1|2026-12-01|7')).toBe(true);
    expect(t.fired.has('a1|2026-12-01|1')).toBe(true);
    await t.until('2026-12-05T00:00:00Z');
    t.scheduler.poke();
    expect(t.shown).toHaveLength(1);
  });

  it('reminders missed while the app was closed fire at start', () => {
    const t = setup({ start: '2026-11-26T12:00:00Z', tokens: [tok('a1', '2026-12-01')] });
    t.scheduler.start();
    expect(t.shown.map((n) => n.title)).toEqual(['Token expires in 5 days']);
  });

  it('shows a missed reminder up to the day after expiry; later, nothing is shown or stored', () => {
    const dayAfter = setup({ start: '2026-12-02T20:00:00Z', tokens: [tok('a1', '2026-12-01')] });
    dayAfter.scheduler.start();
    expect(dayAfter.shown.map((n) => n.title)).toEqual(['Token expired yesterday']);
    dayAfter.scheduler.stop();
    cleanup();
    ({ dir, cleanup } = tempDir('patvault-reminders-'));

    const later = setup({ start: '2026-12-02T23:00:00Z', tokens: [tok('a1', '2026-12-01')] }); // Dec 3, 00:00 in Paris
    later.scheduler.start();
    later.scheduler.poke();
    expect(later.shown).toEqual([]);
    expect((later.fired as FileFiredStore).list()).toEqual([]);
    later.scheduler.stop();
  });

  it('fires at different UTC instants in Tokyo and Los Angeles for the same token', async () => {
    const at: Record<string, string[]> = {};
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles']) {
      cleanup();
      ({ dir, cleanup } = tempDir('patvault-reminders-'));
      const t = setup({ start: '2026-11-20T00:00:00Z', zone, tokens: [tok('a1', '2026-12-01')] });
      t.scheduler.start();
      await t.until('2026-12-02T00:00:00Z');
      t.scheduler.stop();
      at[zone] = t.shown.map((n) => n.at);
    }
    expect(at).toEqual({
      'Asia/Tokyo': ['2026-11-24T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
      'America/Los_Angeles': ['2026-11-24T17:00:00.000Z', '2026-11-30T17:00:00.000Z'],
    });
  });

  it.each([
    ['Europe/Paris', '2026-03-20T00:00:00Z', '2026-04-02', ['2026-03-26T08:00:00.000Z', '2026-04-01T07:00:00.000Z']],
    ['Europe/Paris', '2026-10-20T00:00:00Z', '2026-10-30', ['2026-10-23T07:00:00.000Z', '2026-10-29T08:00:00.000Z']],
    ['America/New_York', '2026-03-01T00:00:00Z', '2026-03-12', ['2026-03-05T14:00:00.000Z', '2026-03-11T13:00:00.000Z']],
    ['America/New_York', '2026-10-25T00:00:00Z', '2026-11-05', ['2026-10-29T13:00:00.000Z', '2026-11-04T14:00:00.000Z']],
  ])('across DST in %s (from %s): 09:00 local on both sides', async (zone, start, expiresAt, expected) => {
    const t = setup({ start, zone, tokens: [tok('a1', expiresAt)] });
    t.scheduler.start();
    await t.until(`${expiresAt}T23:00:00Z`);
    t.scheduler.stop();
    expect(t.shown.map((n) => n.at)).toEqual(expected);
    expect(t.shown.map((n) => DateTime.fromISO(n.at, { zone }).toFormat('HH:mm'))).toEqual(['09:00', '09:00']);
  });

  it('an unknown time zone falls back to UTC and says so', () => {
    const t = setup({ start: '2026-11-24T09:00:00Z', zone: 'Mars/Olympus_Mons', tokens: [tok('a1', '2026-12-01')] });
    t.scheduler.start();
    expect(t.shown.map((n) => n.at)).toEqual(['2026-11-24T09:00:00.000Z']);
    expect(t.onError).toHaveBeenCalledWith(expect.any(RangeError));
  });
});

describe('ReminderScheduler: policy and data', () => {
  it('a token list overrides the global one, [] disables, no expiry never fires', async () => {
    const t = setup({
      start: '2026-11-01T00:00:00Z',
      zone: 'UTC',
      policy: { days: [7, 1], hour: 9 },
      tokens: [tok('glob', '2026-12-01'), tok('own3', '2026-12-04', [3]), tok('none', '2026-12-01', []), tok('never', null)],
    });
    t.scheduler.start();
    await t.until('2026-12-10T00:00:00Z');
    expect(t.shown.map((n) => [n.at, n.tokenId, n.title])).toEqual([
      ['2026-11-24T09:00:00.000Z', 'glob', 'Token expires in 7 days'],
      ['2026-11-30T09:00:00.000Z', 'glob', 'Token expires tomorrow'],
      ['2026-12-01T09:00:00.000Z', 'own3', 'Token expires in 3 days'],
    ]);
  });

  it('a changed expiry date drops the old reminders and fires the new ones', async () => {
    const t = setup({ start: '2026-11-20T00:00:00Z', zone: 'UTC', tokens: [tok('a1', '2026-12-01')] });
    t.scheduler.start();
    await t.until('2026-11-25T00:00:00Z');
    expect(t.shown.map((n) => n.body)).toEqual([expect.stringContaining('on 2026-12-01')]);
    t.state.tokens = [tok('a1', '2027-01-15')]; // renewed
    t.scheduler.poke();
    await t.until('2027-01-20T00:00:00Z');
    expect(t.shown.map((n) => [n.at, n.title, n.body.slice(-13)])).toEqual([
      ['2026-11-24T09:00:00.000Z', 'Token expires in 7 days', 'on 2026-12-01'],
      ['2027-01-08T09:00:00.000Z', 'Token expires in 7 days', 'on 2027-01-15'],
      ['2027-01-14T09:00:00.000Z', 'Token expires tomorrow', 'on 2027-01-15'],
    ]);
  });

  it('several due at once make one grouped notification, naming them only when unlocked', () => {
    const tokens = [tok('a1', '2026-12-03'), tok('b2', '2026-12-01'), tok('c3', '2026-12-02')];
    const t = setup({ start: '2026-11-30T12:00:00Z', zone: 'UTC', tokens });
    t.scheduler.start();
    expect(t.shown).toEqual([
      {
        at: '2026-11-30T12:00:00.000Z',
        title: '3 tokens expire within 3 days',
        body: 'Deploy key b2, Deploy key c3 and Deploy key a1; the first on 2026-12-01, the last on 2026-12-03.',
        tokenId: null,
      },
    ]);
  });
});

describe('ReminderScheduler: locked vault', () => {
  const leaks = (n: ReminderNotification, ids: string[]) =>
    ids.flatMap((id) => Object.values(label(id)).filter((s) => JSON.stringify(n).includes(s)));

  it('a single reminder says when, never what; a click opens nothing in particular', () => {
    const t = setup({ start: '2026-11-24T12:00:00Z', locked: true, tokens: [tok('zq7', '2026-12-01')] });
    t.scheduler.start();
    expect(t.shown).toHaveLength(1);
    const n = t.shown[0]!;
    expect(n).toMatchObject({ title: 'Token expires in 7 days', tokenId: null });
    expect(n.body).toContain('2026-12-01');
    expect(leaks(n, ['zq7'])).toEqual([]);
    expect(JSON.stringify(n)).not.toMatch(/zq7/);
  });

  it('a group says how many and when, never what', () => {
    const tokens = [tok('zq7', '2026-12-01'), tok('zq8', '2026-12-01'), tok('zq9', '2026-12-05')];
    const t = setup({ start: '2026-11-30T12:00:00Z', locked: true, zone: 'UTC', tokens });
    t.scheduler.start();
    expect(t.shown).toEqual([
      {
        at: '2026-11-30T12:00:00.000Z',
        title: '3 tokens expire within 5 days',
        body: 'The first on 2026-12-01, the last on 2026-12-05. Unlock PAT Vault to see which.',
        tokenId: null,
      },
    ]);
    expect(leaks(t.shown[0]!, ['zq7', 'zq8', 'zq9'])).toEqual([]);
  });

  it('unlocking later does not repeat what fired while locked', () => {
    const t = setup({ start: '2026-11-24T12:00:00Z', locked: true, tokens: [tok('zq7', '2026-12-01')] });
    t.scheduler.start();
    t.state.locked = false;
    t.scheduler.poke();
    expect(t.shown).toHaveLength(1);
  });
});

describe('ReminderScheduler: at most once', () => {
  /** A store that logs its calls into the same list as the notifier. */
  function loggingStore(log: string[], failAdd = false): FiredReminderStore & { keys: Set<string> } {
    const keys = new Set<string>();
    return {
      keys,
      has: (k) => keys.has(k),
      add: (ks) => {
        if (failAdd) throw new Error('disk full');
        log.push(`add ${ks.join(',')}`);
        for (const k of ks) keys.add(k);
      },
    };
  }

  it('records the reminder as fired before notifying', () => {
    const log: string[] = [];
    const fired = loggingStore(log);
    const t = setup({ start: '2026-11-24T12:00:00Z', tokens: [tok('a1', '2026-12-01')], fired });
    const scheduler = new ReminderScheduler({
      clock: t.time,
      timers: t.time,
      source: () => ({ ...t.state }),
      fired,
      notify: (n) => log.push(`notify ${n.tokenId}`),
    });
    scheduler.start();
    expect(log).toEqual(['add a1|2026-12-01|7', 'notify a1']);
    scheduler.stop();
  });

  it('a crash while notifying (after recording) does not repeat it at the next start', () => {
    const log: string[] = [];
    const fired = loggingStore(log);
    const onError = vi.fn();
    const t = setup({ start: '2026-11-24T12:00:00Z', tokens: [tok('a1', '2026-12-01')], fired });
    const crashing = new ReminderScheduler({
      clock: t.time,
      timers: t.time,
      source: () => ({ ...t.state }),
      fired,
      notify: () => {
        throw new Error('notifier died');
      },
      onError,
    });
    crashing.start();
    crashing.stop();
    expect(onError).toHaveBeenCalled();
    const next = new ReminderScheduler({
      clock: t.time,
      timers: t.time,
      source: () => ({ ...t.state }),
      fired,
      notify: (n) => log.push(`notify ${n.tokenId}`),
    });
    next.start();
    next.stop();
    expect(log).toEqual(['add a1|2026-12-01|7']);
  });

  it('when the store cannot record, nothing is shown (at most once) and it retries later', async () => {
    const log: string[] = [];
    const onError = vi.fn();
    const t = setup({ start: '2026-11-24T12:00:00Z', tokens: [tok('a1', '2026-12-01')] });
    const s = new ReminderScheduler({
      clock: t.time,
      timers: t.time,
      source: () => ({ ...t.state }),
      fired: loggingStore(log, true),
      notify: (n) => log.push(`notify ${n.tokenId}`),
      onError,
    });
    s.start();
    await t.time.advance(2 * HOUR);
    s.stop();
    expect(log).toEqual([]);
    expect(onError.mock.calls.length).toBeGreaterThanOrEqual(3); // at start and at each hourly retry
  });

  it('a failing source is survived and retried within the hour', async () => {
    const t = setup({ start: '2026-11-24T12:00:00Z', tokens: [tok('a1', '2026-12-01')] });
    let broken = true;
    const s = new ReminderScheduler({
      clock: t.time,
      timers: t.time,
      source: () => {
        if (broken) throw new Error('vault busy');
        return { ...t.state };
      },
      fired: t.fired,
      notify: (n) => t.shown.push({ ...n, at: t.time.now().toISOString() }),
      onError: t.onError,
    });
    expect(() => s.start()).not.toThrow();
    expect(t.time.pending).toBe(1);
    broken = false;
    await t.time.advance(HOUR);
    expect(t.shown).toHaveLength(1);
    s.stop();
  });
});
