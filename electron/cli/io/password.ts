/**
 * Secrets from the user: a hidden prompt on a terminal, or lines of standard input
 * (`--password-stdin`). Standard input is read once, lazily, into one buffer, so the
 * password line and the token-value line that follows it come from the same stream in
 * order, and nothing is read that no command asked for (a script's pipe may stay open).
 *
 * Nothing here echoes, logs or puts a secret in an error message.
 */
import { AppError } from '../../../shared/errors';

/** Longest line accepted from standard input: far above any token (16 KiB) or password. */
const MAX_LINE_CHARS = 1024 * 1024;

/** Thrown when the user presses Ctrl-C at a hidden prompt; the CLI exits 130 like a shell. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** Reads standard input line by line on demand; "\n" or "\r\n" end a line. */
export class StdinLines {
  private buffer = '';
  private ended = false;

  constructor(private readonly stdin: NodeJS.ReadStream = process.stdin) {}

  /** The next line without its line ending, or `null` at the end of input. */
  async next(): Promise<string | null> {
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        return line.endsWith('\r') ? line.slice(0, -1) : line;
      }
      if (this.ended) {
        if (this.buffer === '') return null;
        const last = this.buffer;
        this.buffer = '';
        return last.endsWith('\r') ? last.slice(0, -1) : last;
      }
      if (this.buffer.length > MAX_LINE_CHARS) {
        throw new AppError('BAD_INPUT', 'A line on standard input is too long (more than 1 MiB).');
      }
      await this.more();
    }
  }

  /**
   * Everything left on standard input, to its end, or BAD_INPUT when it is longer than
   * `maxChars` (checked as it arrives, so an endless pipe cannot fill memory).
   */
  async rest(maxChars: number, what: string): Promise<string> {
    while (!this.ended) {
      if (this.buffer.length > maxChars) break;
      await this.more();
    }
    if (this.buffer.length > maxChars) throw new AppError('BAD_INPUT', `The ${what} on standard input are longer than ${maxChars} characters.`);
    const all = this.buffer;
    this.buffer = '';
    return all;
  }

  /** Waits for the next chunk (or the end), then pauses again so the process can exit. */
  private more(): Promise<void> {
    const stdin = this.stdin;
    if (stdin.readableEnded || stdin.destroyed) {
      this.ended = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = (): void => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        stdin.off('error', onEnd);
        stdin.pause();
        // A paused pipe still holds the process open until the writer closes it; a script
        // that keeps its pipe open must not make us hang after the lines we needed.
        (stdin as Partial<Unrefable>).unref?.();
        resolve();
      };
      const onData = (chunk: string | Buffer): void => {
        this.buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
        finish();
      };
      // A read error is treated like the end of input: the caller then reports what is missing.
      const onEnd = (): void => {
        this.ended = true;
        finish();
      };
      stdin.setEncoding('utf8');
      stdin.on('data', onData);
      stdin.once('end', onEnd);
      stdin.once('error', onEnd);
      (stdin as Partial<Unrefable>).ref?.();
      stdin.resume();
    });
  }
}

/** Pipes and terminals (net.Socket) can stop holding the event loop open; files cannot. */
interface Unrefable {
  ref(): void;
  unref(): void;
}

/**
 * Asks for a secret on the terminal without echoing it: raw mode, so we see each key and
 * print nothing. Supports Backspace and Ctrl-U; Ctrl-C aborts (Interrupted), Ctrl-D on an
 * empty line aborts as end of input.
 */
export function promptHidden(prompt: string, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const out = process.stderr;
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    const restore = (): void => {
      stdin.setRawMode(false);
    };
    // If the process dies while the prompt is up, the terminal must not stay in raw mode.
    process.once('exit', restore);
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.pause();
      (stdin as Partial<Unrefable>).unref?.();
      restore();
      process.off('exit', restore);
      out.write('\n');
    };
    const onData = (chunk: string | Buffer): void => {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(chars.join(''));
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Interrupted());
          return;
        }
        if (ch === '\u0004') {
          if (chars.length > 0) continue;
          finish();
          reject(new AppError('BAD_INPUT', 'No input given (end of input at the prompt).'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') chars.pop();
        else if (ch === '\u0015') chars = [];
        else if (ch >= ' ') chars.push(ch);
      }
    };
    // Raw mode before the prompt appears: keys typed (or pasted) right after it must not echo.
    stdin.setRawMode(true);
    out.write(prompt);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    (stdin as Partial<Unrefable>).ref?.();
    stdin.resume();
  });
}

/** Asks a visible yes/no question on the terminal; only "y"/"yes" mean yes. */
export async function confirm(question: string, lines: StdinLines): Promise<boolean> {
  process.stderr.write(`${question} [y/N] `);
  const answer = await lines.next();
  return answer !== null && /^\s*y(es)?\s*$/i.test(answer);
}

/**
 * Where a command's secrets come from. With `fromStdin`, each secret is the next line of
 * standard input; otherwise a hidden prompt on the terminal, and without one, an error that
 * says what to do.
 */
export class SecretInput {
  readonly lines: StdinLines;

  constructor(
    readonly fromStdin: boolean,
    private readonly stdin: NodeJS.ReadStream = process.stdin,
  ) {
    this.lines = new StdinLines(stdin);
  }

  /** True when standard input is a terminal we can prompt on. */
  get isTerminal(): boolean {
    return this.stdin.isTTY === true;
  }

  /** The next line of standard input, or an error naming what was expected. */
  async line(what: string): Promise<string> {
    const line = await this.lines.next();
    if (line === null) throw new AppError('BAD_INPUT', `Standard input ended before the ${what} line.`);
    return line;
  }

  /**
   * A secret: the next stdin line with `--password-stdin`, else a hidden prompt. `noTerminal`
   * is the one-line error when there is neither.
   */
  async secret(what: string, prompt: string, noTerminal: string): Promise<string> {
    if (this.fromStdin) return this.line(what);
    if (!this.isTerminal) throw new AppError('BAD_INPUT', noTerminal);
    return promptHidden(prompt, this.stdin);
  }

  /** The master password (see `secret`). */
  masterPassword(prompt = 'Master password: '): Promise<string> {
    return this.secret('master password', prompt, NO_TERMINAL);
  }
}

/** The error when a password is needed but cannot be asked for. */
export const NO_TERMINAL = 'no terminal to ask for the master password; use --password-stdin';
