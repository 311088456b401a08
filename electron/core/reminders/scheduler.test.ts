/** The scheduler's timing and policy, on a fake clock: when reminders fire, and which. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { FileFiredStore } from './fired-store';
import { MAX_WAIT_MS } from './scheduler';
import { DAY, HOUR, reminderHarness, tok } from './scheduler-test-kit';

const setup = reminderHarness();
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

    const later = setup({ start: '2026-12-02T23:00:00Z', tokens: [tok('a1', '2026-12-01')], storeName: 'later.json' }); // Dec 3, 00:00 in Paris
    later.scheduler.start();
    later.scheduler.poke();
    expect(later.shown).toEqual([]);
    expect((later.fired as FileFiredStore).list()).toEqual([]);
    later.scheduler.stop();
  });

  it('fires at different UTC instants in Tokyo and Los Angeles for the same token', async () => {
    const at: Record<string, string[]> = {};
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles']) {
      const t = setup({ start: '2026-11-20T00:00:00Z', zone, tokens: [tok('a1', '2026-12-01')], storeName: `${zone.replace('/', '-')}.json` });
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
