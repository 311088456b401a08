/**
 * Test helper: one fake time source that is both the Clock and the Timers of the code under
 * test, so moving time forward fires due timers in order with the clock set to their due time.
 */
import type { Clock, Timers } from '../ports';

interface FakeTimer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

/** A settable clock with timers that fire only when `advance` passes their due time. */
export class FakeTime implements Clock, Timers {
  private t: number;
  private seq = 0;
  private readonly timers = new Map<number, FakeTimer>();

  constructor(iso = '2026-05-01T09:00:00Z') {
    this.t = new Date(iso).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), seq: id, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers still waiting. */
  get pending(): number {
    return this.timers.size;
  }

  /**
   * Moves time forward by `ms`, firing each due timer at its own time (earliest first), and
   * lets promise callbacks run after each, so async work a timer starts completes too.
   */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const next = [...this.timers.entries()]
        .filter(([, timer]) => timer.at <= end)
        .sort(([, a], [, b]) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      const [id, timer] = next;
      this.timers.delete(id);
      this.t = timer.at;
      timer.fn();
      await settle();
    }
    this.t = end;
    await settle();
  }

  /** Moves the clock alone (no timers fire): "the user was active at this time". */
  skip(ms: number): void {
    this.t += ms;
  }
}

/** Waits until queued promise callbacks and I/O callbacks have run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
