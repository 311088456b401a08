/**
 * `revoke` and `rotate`: through the core's token-ops (each request bound to the token's own
 * host), or guided — the user revokes on the token's page, which is printed (the CLI never
 * opens a browser), then confirms.
 *
 * What the account gives (Jelastic): the password, hidden on a terminal or the line after the
 * master password with --password-stdin; and, when the token itself cannot do it (expired, or
 * its API set lacks the method), the login — `--login NAME`, else asked on a terminal once the
 * platform says so. Both are used for this one command and never stored or printed.
 */
import { AppError, isAppError } from '../../../shared/errors';
import { PLATFORMS } from '../../../shared/domain/platform-ids';
import type { TokenView } from '../../../shared/domain/token';
import { tokenPageFor } from '../../../shared/domain/token-pages';
import { presetFor } from '../../core/platforms/registry';
import { revokeToken, type OperationExtra, type RevokeResult } from '../../core/platforms/token-ops';
import { rotateToken, rotationRefusal, type RotateResult } from '../../core/platforms/rotate-token';
import { gitlabRotationDate } from '../../../shared/domain/gitlab-dates';
import { RotationNotSaved } from '../../core/platforms/rotation-recovery';
import type { PlatformPreset } from '../../core/platforms/types';
import type { Vault } from '../../core/vault/vault';
import { shortId } from '../format/tokens';
import { confirm } from '../io/password';
import type { Cli } from '../context';

const platformName = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.name]));
const nameOf = (id: string): string => platformName.get(id) ?? id;

/** Platform specifics typed on the command line, for one token. */
export interface ChangeOptions {
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
async function withAccount<T>(
  cli: Cli,
  preset: PlatformPreset,
  needsPassword: boolean,
  o: ChangeOptions,
  op: (account: OperationExtra) => Promise<T>,
): Promise<T> {
  const password = needsPassword ? await accountPassword(cli, preset) : undefined;
  const base = { ...(o.tokenId !== undefined ? { tokenId: o.tokenId } : {}), ...(password !== undefined ? { password } : {}) };
  if (o.login !== undefined) return op({ ...base, login: o.login });
  try {
    return await op(base);
  } catch (e) {
    if (!isAppError(e) || e.code !== 'NEEDS_SIGN_IN') throw e;
    return op({ ...base, login: await accountLogin(cli, preset, e.message) });
  }
}

/** Asks y/N on a terminal unless --yes; scripts (no terminal) are not asked. */
async function confirmed(cli: Cli, yes: boolean | undefined, question: string): Promise<boolean> {
  if (yes || !cli.input.isTerminal) return true;
  return confirm(question, cli.input.lines);
}

const describeToken = (t: TokenView): string => `${shortId(t.id)} "${t.name}" (${nameOf(t.platform)} / ${t.account})`;

/** Where the user revokes by hand: the token's page (with where to click on it), or the platform's dashboard. */
function guidedPlace(target: TokenView, preset: PlatformPreset | undefined): { page: string | null; where: string } {
  const name = preset?.name ?? nameOf(target.platform);
  if (target.platform === 'custom') {
    const page = preset?.tokenPageUrl ?? null;
    return { page, where: page ?? `${name}'s dashboard` };
  }
  const p = tokenPageFor(target.platform, target.baseUrl);
  if (p === null) return { page: null, where: `${name}'s dashboard` };
  return { page: p.url, where: p.where === null ? p.url : `${p.url} (${p.where})` };
}

export interface RevokeOptions extends ChangeOptions {
  readonly confirmRevoked?: boolean;
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

/** `patvault revoke ID`. */
export async function revoke(cli: Cli, o: RevokeOptions, id: string): Promise<void> {
  const line = await cli.withUnlocked(async (v): Promise<string> => {
    const target = v.tokens.get(id);
    const preset = presetFor(target.platform);
    const name = preset?.name ?? nameOf(target.platform);
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

export interface RotateOptions extends ChangeOptions {
  /** The new token's expiry (YYYY-MM-DD, the platform's own date), instead of keeping the old one. */
  readonly expires?: string;
}

/** `patvault rotate ID`. */
export async function rotate(cli: Cli, o: RotateOptions, id: string): Promise<void> {
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
function rotateQuestion(target: TokenView, preset: PlatformPreset, expires: string | undefined): string {
  const base = `Rotate ${describeToken(target)}? The current value stops working.`;
  if (preset.rotate?.takesExpiry !== true) return base;
  const date = expires ?? gitlabRotationDate(target, new Date());
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
    if (!(await confirmed(cli, o.yes, rotateQuestion(target, preset, o.expires)))) {
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
