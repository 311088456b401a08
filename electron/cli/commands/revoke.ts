/**
 * `revoke ID`: through the core's token-ops (each request bound to the token's own host), or
 * guided — the user revokes on the token's page, which is printed (the CLI never opens a
 * browser), then confirms. Never printed: a token value, an account password.
 */
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import type { TokenView } from '../../../shared/domain/token';
import { tokenPageFor } from '../../../shared/domain/token-pages';
import { presetFor } from '../../core/platforms/registry';
import { revokeToken, type RevokeResult } from '../../core/platforms/token-ops';
import type { PlatformPreset } from '../../core/platforms/types';
import type { Vault } from '../../core/vault/vault';
import { platformName } from '../format/platforms';
import { describeToken } from '../format/tokens';
import { confirm } from '../io/password';
import { confirmed, withAccount, type AccountOptions } from './account-prompts';
import { run } from './parsers';
import type { Cli } from '../context';

interface RevokeOptions extends AccountOptions {
  readonly confirmRevoked?: boolean;
}

/** Where the user revokes by hand: the token's page (with where to click on it), or the platform's dashboard. */
function guidedPlace(target: TokenView, preset: PlatformPreset | undefined): { page: string | null; where: string } {
  const name = preset?.name ?? platformName(target.platform);
  if (target.platform === 'custom') {
    const page = preset?.tokenPageUrl ?? null;
    return { page, where: page ?? `${name}'s dashboard` };
  }
  const p = tokenPageFor(target.platform, target.baseUrl);
  if (p === null) return { page: null, where: `${name}'s dashboard` };
  return { page: p.url, where: p.where === null ? p.url : `${p.url} (${p.where})` };
}

/**
 * Guided revoke: the user revokes at `where`, then says so. `alreadyDone` (--yes or
 * --confirm-revoked for a platform without an API; only --confirm-revoked when the API fell
 * back) skips the question.
 */
async function guided(cli: Cli, v: Vault, target: TokenView, intro: string, where: string, alreadyDone: boolean, flag: string): Promise<RevokeResult> {
  if (!alreadyDone) {
    if (!cli.input.isTerminal) throw new AppError('BAD_INPUT', `guided revoke needs confirmation: revoke it at ${where}, then run again with ${flag}`);
    cli.note(intro);
    if (!(await confirm('Did you revoke it there?', cli.input.lines))) throw new AppError('BAD_INPUT', 'Not marked revoked.');
  }
  return revokeToken(v, target.id, { confirmedGuided: true });
}

async function revoke(cli: Cli, o: RevokeOptions, id: string): Promise<void> {
  const line = await cli.withUnlocked(async (v): Promise<string> => {
    const target = v.tokens.get(id);
    const preset = presetFor(target.platform);
    const name = preset?.name ?? platformName(target.platform);
    const { page, where } = guidedPlace(target, preset);
    if (preset?.revoke) {
      const api = preset.revoke;
      if (!(await confirmed(cli, o.yes, `Revoke ${describeToken(target)} through the ${name} API?`))) throw new AppError('BAD_INPUT', 'Not revoked.');
      const r = await withAccount(cli, preset, api.needsPassword, o, (account) => revokeToken(v, target.id, account));
      if (r.mode === 'api') return `revoked ${r.view.id} ${r.view.name} (through the ${name} API)`;
      // The API could not (a server without it): the user revokes on the page, then confirms.
      const why = r.reason ?? `${name} could not revoke it through its API`;
      const intro = `${why}.\n${page !== null ? `Revoke ${describeToken(target)} at ${where}` : `Open ${name}'s dashboard and revoke ${describeToken(target)} there`}`;
      const done = await guided(cli, v, target, intro, where, o.confirmRevoked === true, '--confirm-revoked');
      return `revoked ${done.view.id} ${done.view.name} (guided: revoked by you at ${where})`;
    }
    const intro = page !== null ? `${name} has no revoke API: revoke ${describeToken(target)} at ${where}` : `${name} has no revoke API: open ${name}'s dashboard and revoke ${describeToken(target)} there`;
    const r = await guided(cli, v, target, intro, where, o.yes === true || o.confirmRevoked === true, '--yes');
    return `revoked ${r.view.id} ${r.view.name} (guided: revoked by you at ${where})`;
  });
  cli.out(`${line}\n`);
}

/** Registers `revoke`. */
export function registerRevoke(program: Command): void {
  program
    .command('revoke')
    .summary('revoke a token on its platform (API, or guided) and mark it revoked')
    .description(
      'Revoke a token. GitHub, GitLab and Jelastic: through their API, after a y/N question on a terminal ' +
        '(unless --yes); Jelastic asks for the account password (hidden; with --password-stdin the line after the ' +
        'master password), and for the account login when the token itself cannot do it (expired, or not allowed): ' +
        'then it signs in, revokes and signs out. Other platforms, and a GitHub Enterprise Server without the ' +
        "revoke API: guided — revoke it on the token's page shown, then confirm (--yes, or --confirm-revoked).",
    )
    .argument('<id>', 'token id or unique prefix')
    .option('-y, --yes', 'do not ask; for a platform without a revoke API: it is already revoked there')
    .option('--confirm-revoked', 'guided revoke (also when the API fell back to it): it is already revoked on the platform')
    .option('--token-id <id>', 'Jelastic token id')
    .option('--login <name>', 'Jelastic: sign in with this account login (and the password) instead of using the token')
    .action(run(revoke));
}
