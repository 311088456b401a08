/** Test helper: a clipboard in memory that records what was written, read and cleared. */
import type { Clipboard } from '../ports';

/** In-memory Clipboard; `async` makes every call resolve later, like Electron's. */
export class FakeClipboard implements Clipboard {
  text = '';
  /** Every secret written, in order. */
  readonly secrets: string[] = [];
  clears = 0;

  constructor(private readonly async = true) {}

  writeSecret(text: string): void | Promise<void> {
    return this.later(() => {
      this.text = text;
      this.secrets.push(text);
    });
  }

  readText(): string | Promise<string> {
    return this.later(() => this.text);
  }

  clear(): void | Promise<void> {
    return this.later(() => {
      this.text = '';
      this.clears += 1;
    });
  }

  /** Another application (or the user) puts something else on the clipboard. */
  copyFromElsewhere(text: string): void {
    this.text = text;
  }

  private later<T>(fn: () => T): T | Promise<T> {
    return this.async ? Promise.resolve().then(fn) : fn();
  }
}
