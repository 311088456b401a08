/**
 * What `add` and `edit` share: the token field options as commander hands them over, how the
 * token value is read, and how their checks fail (before the password is asked for; a value in
 * another platform's format).
 */
import { AppError, isAppError } from '../../../shared/errors';
import { describeZodError } from '../../../shared/domain/token-input';
import type { YwhAccess, YwhRole, YwhScope } from '../../../shared/domain/yeswehack';
import { promptHidden } from '../io/password';
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
