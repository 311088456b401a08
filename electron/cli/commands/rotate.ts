/**
 * `rotate ID`: a new value through the platform's API (GitLab, Jelastic), stored in the vault
 * and never printed — except when the vault could not store it: then it is printed once, since
 * the old value is dead and this process ends.
 */
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import type { TokenView } from '../../../shared/domain/token';
import { gitlabRotationDate } from '../../../shared/domain/gitlab-dates';
import { presetFor } from '../../core/platforms/registry';
import { rotateToken, rotationRefusal, type RotateResult } from '../../core/platforms/rotate-token';
import { RotationNotSaved } from '../../core/platforms/rotation-recovery';
import type { PlatformPreset } from '../../core/platforms/types';
import { describeToken, shortId } from '../format/tokens';
import { confirmed, withAccount, type AccountOptions } from './account-prompts';
import { parseDate, run } from './parsers';
import type { Cli } from '../context';

interface RotateOptions extends AccountOptions {
  /** The new token's expiry (YYYY-MM-DD, the platform's own date), instead of keeping the old one. */
  readonly expires?: string;
}

async function rotate(cli: Cli, o: RotateOptions, id: string): Promise<void> {
  try {
    await rotateAndSave(cli, o, id);
  } catch (e) {
    if (!(e instanceof RotationNotSaved)) throw e;
    // The platform's old value is dead and this process ends now: the new value is printed
    // once (stdout, for the user to store), else it would be lost with the process.
    cli.note(`patvault: ${e.message}.`);
    cli.note(`The new value follows on standard output, once: store it now, e.g. patvault edit ${shortId(e.tokenId)} --value-stdin once the vault can be written.`);
    cli.out(`${e.newValue()}\n`);
    throw new AppError('ROTATION_NOT_SAVED', 'Rotated on the platform but not saved in the vault; the new value was printed above.');
  }
}

/**
 * The confirmation question: what stops working and, where the rotation takes an expiry
 * (GitLab only), the date the new token gets — the same default the core sends.
 */
function rotateQuestion(target: TokenView, preset: PlatformPreset, expires: string | undefined, now: Date): string {
  const base = `Rotate ${describeToken(target)}? The current value stops working.`;
  if (preset.rotate?.takesExpiry !== true) return base;
  const date = expires ?? gitlabRotationDate(target, now);
  const kept = expires === undefined ? ' (the current expiry, kept)' : '';
  return `${base} The new token expires on ${date}${kept}; ${preset.name} stops it at 00:00 UTC that day.`;
}

async function rotateAndSave(cli: Cli, o: RotateOptions, id: string): Promise<void> {
  const { view, expiryCapped } = await cli.withUnlocked(async (v): Promise<RotateResult> => {
    const target = v.tokens.get(id);
    const preset = presetFor(target.platform);
    // No rotate API, an unconfirmed last rotation, an expiry the platform cannot take: said
    // before anything is asked or sent.
    const refused = rotationRefusal(v, target.id, o.expires);
    if (refused !== null || !preset?.rotate) throw refused ?? new AppError('BAD_INPUT', 'Not rotated.');
    if (!(await confirmed(cli, o.yes, rotateQuestion(target, preset, o.expires, cli.clock.now())))) {
      throw new AppError('BAD_INPUT', 'Not rotated.');
    }
    const asked = o.expires !== undefined ? { expiresAt: o.expires } : {};
    return withAccount(cli, preset, preset.rotate.needsPassword, o, (account) => rotateToken(v, target.id, { ...account, ...asked }));
  });
  if (expiryCapped) {
    cli.note(`patvault: the platform refused ${expiryCapped.asked} as beyond its maximum token lifetime; the new token expires on ${expiryCapped.sent} instead.`);
  }
  cli.out(`rotated ${view.id} ${view.name}; the new value is in the vault (patvault get ${shortId(view.id)})\n`);
}

/** Registers `rotate`. */
export function registerRotate(program: Command): void {
  program
    .command('rotate')
    .summary("replace a token's value through its platform's API (never printed)")
    .description(
      "Rotate a token through its platform's API (GitLab, Jelastic): the new value replaces the old one in the " +
        'vault and is never printed (patvault get ID shows it). Asks y/N on a terminal unless --yes; Jelastic asks ' +
        'for the account password, and the login when the token itself cannot do it, as revoke does. GitLab: the ' +
        'new token keeps the current expiry unless --expires gives another date (GitLab stops a token at 00:00 UTC ' +
        'on its date; a date beyond the instance maximum is capped to it, with a note). A rotation that gets no ' +
        'answer is marked unconfirmed (exit 1, ROTATION_UNCONFIRMED) and is not repeated until a check shows the ' +
        'old value still works.',
    )
    .argument('<id>', 'token id or unique prefix')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--expires <date>', "the new token's expiry, YYYY-MM-DD (GitLab; default: the current expiry)", parseDate)
    .option('--token-id <id>', 'Jelastic token id')
    .option('--login <name>', 'Jelastic: sign in with this account login (and the password) instead of using the token')
    .action(run(rotate));
}
