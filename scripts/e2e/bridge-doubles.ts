/**
 * The bridge's test doubles for the app's ports: a clipboard that remembers what was copied,
 * file dialogs answered from a queue the test fills, a notifier that records what it showed
 * (and keeps each click handler), and a clock the test can set.
 */
import type { Clipboard, Clock, FileDialogs, FileFilter, Notifier } from '../../electron/core/ports';

/** Clipboard adapter for tests: behaves like a clipboard and remembers every secret written. */
export class RecordingClipboard implements Clipboard {
  /** Every value passed to writeSecret, in order. */
  readonly writes: string[] = [];
  /** How many times the clipboard was cleared. */
  clears = 0;
  private text = '';

  writeSecret(text: string): void {
    this.writes.push(text);
    this.text = text;
  }

  readText(): string {
    return this.text;
  }

  clear(): void {
    this.clears++;
    this.text = '';
  }

  /** What a test endpoint reports. */
  snapshot(): { current: string; writes: string[]; clears: number } {
    return { current: this.text, writes: [...this.writes], clears: this.clears };
  }
}

/** One dialog the app opened. */
export interface DialogCall {
  readonly kind: 'save' | 'open';
  readonly title: string;
  /** The file name offered (save dialogs); null for open dialogs. */
  readonly defaultName: string | null;
}

/**
 * File dialogs for tests: each call takes the next queued answer (a path, or null for
 * "cancelled"); with nothing queued it answers null, as a user closing the dialog would.
 */
export class QueuedFileDialogs implements FileDialogs {
  readonly calls: DialogCall[] = [];
  private readonly queue: (string | null)[] = [];

  /** Queues the answer of the next dialog, save or open. */
  enqueue(path: string | null): void {
    this.queue.push(path);
  }

  async saveFile(o: { title: string; defaultName: string; filters: readonly FileFilter[] }): Promise<string | null> {
    this.calls.push({ kind: 'save', title: o.title, defaultName: o.defaultName });
    return this.queue.shift() ?? null;
  }

  async openFile(o: { title: string; filters: readonly FileFilter[] }): Promise<string | null> {
    this.calls.push({ kind: 'open', title: o.title, defaultName: null });
    return this.queue.shift() ?? null;
  }
}

/** A notification as shown. */
interface Shown {
  readonly title: string;
  readonly body: string;
  readonly onClick?: (() => void) | undefined;
}

/** A notifier that records every notification and keeps its click handler for the test to run. */
export class RecordingNotifier implements Notifier {
  private readonly shown: Shown[] = [];

  notify(n: { title: string; body: string; onClick?: () => void }): void {
    this.shown.push({ title: n.title, body: n.body, onClick: n.onClick });
  }

  /** What was shown, in order (no handlers). */
  list(): { title: string; body: string }[] {
    return this.shown.map(({ title, body }) => ({ title, body }));
  }

  /** Clicks notification `index`; false when there is none or it has no click handler. */
  click(index: number): boolean {
    const n = this.shown[index];
    if (n?.onClick === undefined) return false;
    n.onClick();
    return true;
  }
}

/**
 * A clock that follows the system's until a test sets it, then stands still at the time set
 * (until set again, or back to the system's with null): reminders, file names and audit times
 * are then exactly what the test chose.
 */
export class SettableClock implements Clock {
  private fixed: number | null = null;

  now(): Date {
    return new Date(this.fixed ?? Date.now());
  }

  /** Stops the clock at `at`; null lets it follow the system's again. */
  set(at: Date | null): void {
    this.fixed = at === null ? null : at.getTime();
  }
}
