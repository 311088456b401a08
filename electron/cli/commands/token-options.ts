/**
 * What `add` and `edit` share: the token field options as commander hands them over, how the
 * token value is read, and how their checks fail (before the password is asked for; a value in
 * another platform's format).
 */
import { AppError, isAppError } from '../../../shared/errors';
import { describeZodError } from '../../../shared/domain/token-input';
import { LIMITS } from '../../../shared/domain/limits';
import type { YwhAccess, YwhRole, YwhScope } from '../../../shared/domain/yeswehack';
import type { Command } from 'commander';
import { promptHidden } from '../io/password';
import { readInputFile } from '../io/read-input-file';
import type { Cli } from '../context';

/** The token fields `add` takes (all required ones given) and `edit` changes (any of them). */
export interface TokenFieldOptions {
  readonly platform?: string;
  readonly account: string;
  readonly client?: string;
  readonly username?: string;
  readonly name: string;
  readonly scopes?: string[];
  readonly expires?: string;
  readonly notes?: string;
  readonly baseUrl?: string;
  readonly customPlatform?: string;
  readonly program?: string;
  readonly tokenId?: string;
  /** Checked by commander's choices (a usage error naming the accepted values). */
  readonly ywhRole?: YwhRole | '';
  readonly ywhScope?: YwhScope | '';
  readonly ywhAccess?: YwhAccess | '';
  readonly remind?: number[] | 'default';
  readonly platformMismatchOk?: boolean;
  /** Notes from standard input (to its end) or a file, kept out of `ps` and shell history. */
  readonly notesStdin?: boolean;
  readonly notesFile?: string;
}

/** --notes-stdin and --notes-file, which `add` and `edit` both take. */
export function addNotesOptions(cmd: Command): Command {
  return cmd
    .option('--notes-stdin', 'read the notes from standard input, to its end (after the password and value lines)')
    .option('--notes-file <file>', 'read the notes from a file (UTF-8)')
    .hook('preAction', (c) => {
      const o = c.opts<TokenFieldOptions>();
      const given = [o.notes !== undefined, o.notesStdin === true, o.notesFile !== undefined].filter(Boolean).length;
      if (given > 1) c.error('error: give the notes one way only: --notes, --notes-stdin or --notes-file', { exitCode: 2 });
    });
}

/** Files end with a newline the user did not mean as part of the notes. */
function withoutFinalNewline(text: string): string {
  return text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
}

/**
 * The notes of --notes-file, read before any password is asked for: a plain file of bounded
 * size, UTF-8, its final newline dropped; refused like import's files ("-", not a file, too
 * large, unreadable), never quoting the content.
 */
export function notesFromFile(file: string): string {
  const bytes = readInputFile(file, LIMITS.notesMaxChars * 4, '--notes-file reads a file (use --notes-stdin for standard input)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('BAD_INPUT', `${file} is not UTF-8 text.`);
  }
  return withoutFinalNewline(text);
}

/**
 * The notes of --notes-stdin: the rest of standard input after the lines the command needs
 * (master password with --password-stdin, then the token value), to its end, final newline
 * dropped. On a terminal it is typed visibly and ended with Ctrl-D.
 */
export async function notesFromStdin(cli: Cli): Promise<string> {
  if (cli.input.isTerminal && !cli.input.fromStdin) process.stderr.write('Notes (end with Ctrl-D on an empty line):\n');
  return withoutFinalNewline(await cli.input.lines.rest(LIMITS.notesMaxChars + 2, 'notes'));
}

/**
 * A token value: the next stdin line with --password-stdin (after the password), a hidden
 * prompt on a terminal, or — after quick unlock without a terminal — the first stdin line.
 */
export async function tokenValue(cli: Cli, prompt: string): Promise<string> {
  if (cli.input.fromStdin || !cli.input.isTerminal) return cli.input.line('token value');
  return promptHidden(prompt);
}

/**
 * The core's PLATFORM_MISMATCH (the value's format is another platform's; it names both) as
 * one line that also names the way through for a user who knows better.
 */
export async function withMismatchHint<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!isAppError(e) || e.code !== 'PLATFORM_MISMATCH') throw e;
    throw new AppError('PLATFORM_MISMATCH', `${e.message} Nothing was saved; to save it with this platform anyway, add --platform-mismatch-ok.`);
  }
}

/** Checks fields with the core's own schema before the password is asked for. */
export function precheck(result: { success: true } | { success: false; error: Parameters<typeof describeZodError>[0] }): void {
  if (!result.success) throw new AppError('BAD_INPUT', describeZodError(result.error));
}
