/**
 * Shared by the scheduler tests: distinctive token labels (so a leak into a locked
 * notification is easy to catch) and a scheduler over a fake clock and a real fired-store
 * file in a fresh temp folder per test.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../../../shared/domain/reminder-policy';
import type { Timers } from '../ports';
import { FakeTime } from '../test-support/fake-time';
import { tempDir } from '../test-support/temp-vault';
import { FileFiredStore, type FiredReminderStore } from './fired-store';
import type { ReminderNotification } from './reminder-text';
import { ReminderScheduler, type ReminderSourceToken } from './scheduler';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;


/** Distinctive label text, so a leak into locked notifications is easy to catch. */
export const label = (n: string) => ({
  name: `Deploy key ${n}`,
  platform: `Platformo ${n}`,
  account: `acct-${n}@example`,
  client: `Client Corp ${n}`,
});
export const tok = (id: string, expiresAt: string | null, reminderDays: readonly number[] | null = null): ReminderSourceToken => ({
  id,
  expiry: expiresAt,
  reminderDays,
  label: label(id),
});

export interface Shown extends ReminderNotification {
  readonly at: string;
}

/** Options of one scheduler under test. */
export interface SetupOptions {
  start: string;
  zone?: string;
  tokens: ReminderSourceToken[];
  locked?: boolean;
  /** "Name the token in notifications": on here unless a test says otherwise. */
  nameTokens?: boolean;
  policy?: ReminderPolicy;
  fired?: FiredReminderStore;
  /** The fired-store file in the test's folder (a different name starts from nothing). */
  storeName?: string;
}

/** A scheduler over a fake clock in `dir`, recording timers' waits and notifications with their time. */
function setupIn(dir: string, opts: SetupOptions) {
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
    nameTokens: opts.nameTokens ?? true,
    timeZone: opts.zone ?? 'Europe/Paris',
    policy: opts.policy ?? DEFAULT_REMINDER_POLICY,
    tokens: opts.tokens,
  };
  const storePath = join(dir, opts.storeName ?? 'reminders-fired.json');
  const fired = opts.fired ?? new FileFiredStore(storePath, { clock: time });
  const shown: Shown[] = [];
  const onError: Mock<(e: unknown) => void> = vi.fn();
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


/** Call at the top of a test file: a fresh folder per test, and `setup` building schedulers in it. */
export function reminderHarness(): (opts: SetupOptions) => ReturnType<typeof setupIn> {
  let dir = '';
  let cleanup = (): void => undefined;
  beforeEach(() => ({ dir, cleanup } = tempDir('patvault-reminders-')));
  afterEach(() => cleanup());
  return (opts) => setupIn(dir, opts);
}
