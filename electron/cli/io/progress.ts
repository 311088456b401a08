/**
 * A one-line progress bar on standard error, for terminals only: `checking 37/120 ▕█████░░░░░▏`,
 * redrawn in place with a carriage return and cleared at the end. Without a terminal it draws
 * nothing, so scripts and logs get no control characters.
 */

/** Cells of the bar. */
const BAR_WIDTH = 20;
/** At most one redraw per this many milliseconds (the last state is always drawn). */
const MIN_REDRAW_MS = 50;

/** The text of the bar for `done` of `total` (no control characters). */
export function progressLine(label: string, done: number, total: number, width = BAR_WIDTH): string {
  const ratio = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const full = Math.round(ratio * width);
  return `${label} ${done}/${total} ▕${'█'.repeat(full)}${'░'.repeat(width - full)}▏`;
}

/** Where the bar is drawn: standard error, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  write(text: string): unknown;
}

/** A progress bar; a no-op when `stream` is not a terminal. */
export class ProgressBar {
  private drawn = false;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether anything is drawn at all. */
  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  /** Redraws the bar (throttled, except for the first and the last state). */
  update(done: number, total: number): void {
    if (!this.enabled) return;
    const t = this.now();
    if (this.drawn && done < total && t - this.lastDraw < MIN_REDRAW_MS) return;
    this.lastDraw = t;
    this.drawn = true;
    this.stream.write(`\r${progressLine(this.label, done, total)}\x1b[K`);
  }

  /** Erases the bar, leaving the cursor at the start of an empty line. */
  clear(): void {
    if (!this.drawn) return;
    this.drawn = false;
    this.stream.write('\r\x1b[K');
  }
}
