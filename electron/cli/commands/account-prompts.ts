/**
 * What `revoke` and `rotate` ask before they change a token on its platform: the y/N question,
 * and what the account gives (Jelastic) — the password, hidden on a terminal or the line after
 * the master password with --password-stdin; and, when the token itself cannot do it (expired,
 * or its API set lacks the method), the login: `--login NAME`, else asked on a terminal once
 * the platform says so. Both are used for this one command and never stored or printed.
 */
import { AppError, isAppError } from '../../../shared/errors';
import type { OperationExtra } from '../../core/platforms/token-ops';
import type { PlatformPreset } from '../../core/platforms/types';
import { confirm } from '../io/password';
import type { Cli } from '../context';

/** The account options of `revoke` and `rotate`, and their --yes. */
export interface AccountOptions {
  readonly tokenId?: string;
  readonly login?: string;
  readonly yes?: boolean;
}

/** The account password (Jelastic): hidden prompt, or the line after the master password. Used once. */
function accountPassword(cli: Cli, preset: PlatformPreset): Promise<string> {
  return cli.input.secret(
    `${preset.name} account password`,
    `${preset.name} account password: `,
    `no terminal to ask for the ${preset.name} account password; use --password-stdin (the line after the master password)`,
  );
}

/**
 * The account login, once the platform said the token itself cannot do it: asked (visibly) on a
 * terminal; without one, the platform's words and what to add.
 */
async function accountLogin(cli: Cli, preset: PlatformPreset, why: string): Promise<string> {
  if (!cli.input.isTerminal || cli.input.fromStdin) throw new AppError('NEEDS_SIGN_IN', `${why.replace(/\.$/, '')}; run again with --login NAME`);
  cli.note(why);
  process.stderr.write(`${preset.name} account login: `);
  const login = ((await cli.input.lines.next()) ?? '').trim();
  if (login === '') throw new AppError('NEEDS_SIGN_IN', 'No account login given: nothing was changed.');
  return login;
}

/**
 * Runs `op` with the password (when needed) and `--login`; when the platform answers
 * NEEDS_SIGN_IN and no login was given, asks for one and runs it once more.
 */
export async function withAccount<T>(
  cli: Cli,
  preset: PlatformPreset,
  needsPassword: boolean,
  o: AccountOptions,
  op: (account: OperationExtra) => Promise<T>,
): Promise<T> {
  const password = needsPassword ? await accountPassword(cli, preset) : undefined;
  const base = { ...(o.tokenId !== undefined ? { platformTokenId: o.tokenId } : {}), ...(password !== undefined ? { password } : {}) };
  if (o.login !== undefined) return op({ ...base, login: o.login });
  try {
    return await op(base);
  } catch (e) {
    if (!isAppError(e) || e.code !== 'NEEDS_SIGN_IN') throw e;
    return op({ ...base, login: await accountLogin(cli, preset, e.message) });
  }
}

/** Asks y/N on a terminal unless --yes; scripts (no terminal) are not asked. */
export async function confirmed(cli: Cli, yes: boolean | undefined, question: string): Promise<boolean> {
  if (yes || !cli.input.isTerminal) return true;
  return confirm(question, cli.input.lines);
}
