/**
 * Locks the vault after a stretch without user activity. Activity is reported by the
 * renderer (input events, throttled) and by every IPC call; suspend and screen lock are
 * reported by main (powerMonitor) and lock at once.
 */
import type { Clock, Timers } from '../ports';

/** Idle timer that calls `lock` after `minutes()` minutes without `touch()`. */
export class AutoLock {
  private handle: unknown = null;
  private last = 0;

  constructor(
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly minutes: () => number,
    private readonly lock: () => void,
  ) {}

  /** Starts (or restarts) the countdown; call on unlock and on activity. */
  touch(): void {
    this.last = this.clock.now().getTime();
    if (this.handle === null) this.schedule(this.minutes() * 60_000);
  }

  /**
   * Re-reads the idle minutes (after a settings change): a running countdown is moved to the
   * new deadline at once, so shortening the time takes effect without waiting out the old one.
   */
  reschedule(): void {
    if (this.handle === null) return;
    this.timers.clearTimeout(this.handle);
    this.handle = null;
    const idle = this.clock.now().getTime() - this.last;
    const limit = this.minutes() * 60_000;
    if (idle >= limit) this.lock();
    else this.schedule(limit - idle);
  }

  /** Whether a countdown is running. */
  get isRunning(): boolean {
    return this.handle !== null;
  }

  /** Stops the countdown (after lock). */
  stop(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(ms: number): void {
    this.handle = this.timers.setTimeout(() => this.check(), Math.max(ms, 1_000));
  }

  // Checks at the deadline instead of re-arming on every touch: activity costs nothing.
  private check(): void {
    this.handle = null;
    const idle = this.clock.now().getTime() - this.last;
    const limit = this.minutes() * 60_000;
    if (idle >= limit) this.lock();
    else this.schedule(limit - idle);
  }
}
