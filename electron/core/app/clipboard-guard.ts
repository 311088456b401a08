/**
 * Copy without exposure: the value goes from the vault straight to the clipboard in main,
 * and is cleared after a delay if the clipboard still holds it (if the user copied something
 * else meanwhile, that is left alone).
 */
import type { Clipboard, Timers } from '../ports';

/** Writes secrets to the clipboard and clears them later. */
export class ClipboardGuard {
  private pending: { handle: unknown; value: string; onCleared: () => void } | null = null;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly timers: Timers,
  ) {}

  /** Copies `value`; clears it after `seconds` if still there, then calls `onCleared`. */
  copy(value: string, seconds: number, onCleared: () => void = () => undefined): void {
    this.cancel();
    this.clipboard.writeSecret(value);
    const handle = this.timers.setTimeout(() => this.clearIfUnchanged(), seconds * 1000);
    this.pending = { handle, value, onCleared };
  }

  /** Clears now if the clipboard still holds the copied value (on lock and quit). */
  clearIfUnchanged(): void {
    const p = this.pending;
    if (!p) return;
    this.timers.clearTimeout(p.handle);
    this.pending = null;
    if (this.clipboard.readText() === p.value) this.clipboard.clear();
    p.onCleared();
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = null;
  }
}
