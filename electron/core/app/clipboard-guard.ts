/**
 * Copy without exposure: the value goes from the vault straight to the clipboard in main,
 * and is cleared after a delay if the clipboard still holds it (if the user copied something
 * else meanwhile, that is left alone).
 *
 * Clipboard calls may be asynchronous (Electron's are), so they run one at a time, in order:
 * otherwise a clear that read the old value could land after a newer copy and wipe it.
 */
import type { Clipboard, Timers } from '../ports';

interface Pending {
  readonly handle: unknown;
  readonly value: string;
  readonly onCleared: () => void;
}

/** Writes secrets to the clipboard and clears them later. */
export class ClipboardGuard {
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clipboard: Clipboard,
    private readonly timers: Timers,
  ) {}

  /**
   * Copies `value`; after `seconds`, clears it if still there and calls `onCleared`. A copy
   * that replaces an earlier one ends the earlier one (its `onCleared` runs: that value is
   * no longer ours to clear).
   */
  copy(value: string, seconds: number, onCleared: () => void = () => undefined): Promise<void> {
    return this.serial(async () => {
      await this.clipboard.writeSecret(value);
      // Only after a successful write: a failed copy leaves the earlier one to be cleared.
      const previous = this.pending;
      this.cancelTimer();
      const handle = this.timers.setTimeout(() => void this.clearIfUnchanged().catch(() => undefined), seconds * 1000);
      this.pending = { handle, value, onCleared };
      previous?.onCleared();
    });
  }

  /** Clears now if the clipboard still holds the copied value (on lock, quit, and the timer). */
  clearIfUnchanged(): Promise<void> {
    // Taken synchronously, so a lock forgets the pending value at once even if the clear waits.
    const p = this.pending;
    if (!p) return this.queue.then(() => undefined);
    this.cancelTimer();
    return this.serial(async () => {
      try {
        if ((await this.clipboard.readText()) === p.value) await this.clipboard.clear();
      } finally {
        p.onCleared();
      }
    });
  }

  /** Whether a copied value is waiting to be cleared. */
  get isPending(): boolean {
    return this.pending !== null;
  }

  private cancelTimer(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = null;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
