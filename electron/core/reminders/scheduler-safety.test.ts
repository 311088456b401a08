/** The scheduler's promises while locked (names nothing) and its at-most-once guarantee. */
import { describe, expect, it, vi } from 'vitest';
import type { FiredReminderStore } from './fired-store';
import type { ReminderNotification } from './reminder-text';
import { ReminderScheduler } from './scheduler';
import { HOUR, label, reminderHarness, tok } from './scheduler-test-kit';

const setup = reminderHarness();

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
