/**
 * Drives renewal reminders: evaluates what is due, records it as fired, then shows one
 * notification. Everything it touches is an injected port (clock, timers, the token source,
 * the fired store, the notifier), so tests run it on a fake clock and main wires Electron in.
 */
import type { ReminderPolicy } from '../../../shared/domain/reminder-policy';
import { daysUntil, expiryLastDay } from '../../../shared/domain/expiry';
import type { Clock, Timers } from '../ports';
import type { FiredReminderStore } from './fired-store';
import { reminderNotification, type DueReminder, type ReminderLabel, type ReminderNotification } from './reminder-text';
import { reminderSchedule, type ScheduleToken } from './schedule';
import { isKnownTimeZone } from '../../../shared/domain/expiry';

/** A token as the source gives it. `label` only while unlocked; ignored while locked anyway. */
export interface ReminderSourceToken extends ScheduleToken {
  readonly label?: ReminderLabel;
}

/** What the scheduler reads at each evaluation (cheap: plaintext ids and dates, plus labels when unlocked). */
export interface ReminderSnapshot {
  readonly locked: boolean;
  /** IANA zone, e.g. 'Europe/Paris'; an unknown one falls back to UTC (late beats never). */
  readonly timeZone: string;
  readonly policy: ReminderPolicy;
  readonly tokens: readonly ReminderSourceToken[];
  /** The user's "name the token in notifications" (off unless true; never while locked). */
  readonly nameTokens?: boolean;
}

/** The scheduler's ports. */
export interface ReminderSchedulerDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly source: () => ReminderSnapshot;
  readonly fired: FiredReminderStore;
  readonly notify: (n: ReminderNotification) => void;
  /** Told about failures the scheduler survives (bad zone, store or notifier errors). Never a token value. */
  readonly onError?: (e: unknown) => void;
}

/**
 * Longest single wait. Timers do not run while the machine sleeps and setTimeout cannot
 * exceed 2^31−1 ms (~24.8 days), so the scheduler re-evaluates at least hourly; main also
 * pokes it on resume.
 */
export const MAX_WAIT_MS = 60 * 60 * 1000;

/**
 * Reminders are shown until the end of the day after expiry ("expired yesterday": the token
 * just died and something may be failing). Past that they are never shown: a stack of stale
 * "expired" notifications after a long holiday is noise, and the needs-attention list and tray
 * badge already say it. Such reminders are not even written to the fired store — their keys
 * carry a past expiry date, so nothing can ever fire for them, and writing them would only
 * churn the file against its 30-day pruning.
 */
export const SHOW_UNTIL_DAYS_AFTER_EXPIRY = 1;

/** Fires each renewal reminder once, at its time or at the next evaluation after it. */
export class ReminderScheduler {
  private handle: unknown = null;
  private running = false;
  private evaluating = false;
  private again = false;

  constructor(private readonly deps: ReminderSchedulerDeps) {}

  /** Evaluates now (firing anything missed while the app was closed) and keeps evaluating. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.evaluate();
  }

  /** Stops; no timer is left pending. */
  stop(): void {
    this.running = false;
    this.clearTimer();
  }

  /** Re-evaluates now: call on resume from sleep, lock/unlock, a vault or settings change. */
  poke(): void {
    if (this.running) this.evaluate();
  }

  private evaluate(): void {
    // A notifier that pokes back synchronously gets one more pass, not a nested one.
    if (this.evaluating) {
      this.again = true;
      return;
    }
    this.evaluating = true;
    let next: number | null = null;
    try {
      do {
        this.again = false;
        next = this.fireDue();
      } while (this.again && this.running);
    } catch (e) {
      this.report(e);
    } finally {
      this.evaluating = false;
    }
    this.arm(next);
  }

  /** Fires what is due now; returns the next due instant (ms since epoch), or null. */
  private fireDue(): number | null {
    const { clock, fired } = this.deps;
    const now = clock.now();
    const snap = this.deps.source();
    let zone = snap.timeZone;
    if (!isKnownTimeZone(zone)) {
      this.report(new RangeError(`unknown time zone ${JSON.stringify(zone)}; reminders use UTC`));
      zone = 'UTC';
    }
    const show: DueReminder[] = [];
    const mark: string[] = [];
    let next: number | null = null;
    for (const token of snap.tokens) {
      if (token.expiry === null) continue;
      const schedule = reminderSchedule(token, snap.policy, zone);
      if (schedule.length === 0) continue;
      // The status function's count, in the same zone: a notice and the status column agree.
      const daysLeft = daysUntil(token.expiry, now, zone);
      if (daysLeft === null || daysLeft < -SHOW_UNTIL_DAYS_AFTER_EXPIRY) continue;
      const due: string[] = [];
      for (const r of schedule) {
        if (fired.has(r.key)) continue;
        const at = r.dueAt.getTime();
        if (at <= now.getTime()) due.push(r.key);
        else if (next === null || at < next) next = at;
      }
      if (due.length === 0) continue;
      // Several missed (asleep through the 7- and the 1-day): one notice saying how it stands
      // now (daysLeft is today's, not the reminder's), and all of them marked.
      mark.push(...due);
      show.push({ tokenId: token.id, expiresAt: expiryLastDay(token.expiry, zone) ?? token.expiry, daysLeft, label: token.label ?? null });
    }
    if (mark.length === 0) return next;
    try {
      // Recorded BEFORE notifying: a crash in between loses a notice rather than repeating it.
      fired.add(mark);
    } catch (e) {
      // Not recorded → not shown (at most once); the next evaluation tries again.
      this.report(e);
      return next;
    }
    const n = reminderNotification(show, snap.locked, snap.nameTokens === true);
    if (n) {
      try {
        this.deps.notify(n);
      } catch (e) {
        this.report(e);
      }
    }
    return next;
  }

  private arm(next: number | null): void {
    this.clearTimer();
    if (!this.running) return;
    const wait = next === null ? MAX_WAIT_MS : Math.min(Math.max(next - this.deps.clock.now().getTime(), 1), MAX_WAIT_MS);
    this.handle = this.deps.timers.setTimeout(() => {
      this.handle = null;
      this.evaluate();
    }, wait);
  }

  private clearTimer(): void {
    if (this.handle !== null) this.deps.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private report(e: unknown): void {
    try {
      this.deps.onError?.(e);
    } catch {
      // a failing logger must not stop reminders
    }
  }
}
