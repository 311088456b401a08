/**
 * Platform commands: `check`, `revoke`, `rotate` (through the core's token-ops, which bind
 * each request to the token's own host), `platforms` (the presets, no vault) and `detect`
 * (offline recognition of a token read from standard input, no vault).
 *
 * Never printed: a token value (old or new), an account password. `rotate` says where the
 * new value is instead of showing it. The CLI never opens a browser: guided revokes print
 * the page to go to.
 */
import { CommanderError, type Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { detectToken, matchingPlatforms } from '../../../shared/domain/detect';
import { PLATFORMS, type PlatformId } from '../../../shared/domain/platform-ids';
import type { TokenView } from '../../../shared/domain/token';
import { listPresets, presetFor } from '../../core/platforms/registry';
import { checkToken, checkTokens, revokeToken, type OperationExtra } from '../../core/platforms/token-ops';
import { rotateToken, type RotateResult } from '../../core/platforms/rotate-token';
import { gitlabRotationDate } from '../../../shared/domain/gitlab-dates';
import { RotationNotSaved } from '../../core/platforms/rotation-recovery';
import type { PlatformPreset } from '../../core/platforms/types';
import type { TokenVault } from '../../core/vault/token-vault';
import { platformJson, platformTable } from '../format/platforms';
import { describeExpiry } from '../format/relative-date';
import { checkTable, shortId, tokenJson } from '../format/tokens';
import { confirm, promptHidden } from '../io/password';
import { ProgressBar } from '../io/progress';
import { parseDate, run } from './parsers';
import type { Cli } from '../context';

/** Bad usage found after parsing: exit 2 with the usage line, like commander's own errors. */
const usage = (message: string): CommanderError => new CommanderError(2, 'patvault.usage', message);

const platformName = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.name]));
const nameOf = (id: string): string => platformName.get(id) ?? id;

/** Terminal-safe text: control characters become "?". */
const printable = (s: string): string => s.replace(/[\u0000-\u001f\u007f]/g, '?');

/** Platform specifics typed on the command line, for one token. */
interface ExtraOptions {
  readonly program?: string;
  readonly tokenId?: string;
}

function extraOf(o: ExtraOptions): OperationExtra | undefined {
  const extra = {
    ...(o.program !== undefined ? { programSlug: o.program } : {}),
    ...(o.tokenId !== undefined ? { tokenId: o.tokenId } : {}),
  };
  return Object.keys(extra).length > 0 ? extra : undefined;
}

// ─── check ───────────────────────────────────────────────────────────────────────────────

interface CheckOptions extends ExtraOptions {
  readonly all?: boolean;
  readonly json?: boolean;
}

/** The tokens named (each id or prefix resolved, duplicates dropped), or every token. */
function targets(v: TokenVault, ids: readonly string[], all: boolean): string[] {
  const full = all ? v.listTokens().map((t) => t.id) : ids.map((id) => v.getToken(id).id);
  return [...new Set(full)];
}

async function check(cli: Cli, o: CheckOptions, ids: string[]): Promise<void> {
  if ((ids.length > 0) === (o.all === true)) throw usage('check: give token IDs or --all (exactly one of the two)');
  const extra = extraOf(o);
  if (extra !== undefined && (o.all || ids.length !== 1)) throw usage('check: --program and --token-id apply to a single token ID');
  const bar = new ProgressBar('checking');
  const views = await cli.withUnlocked(async (v): Promise<TokenView[]> => {
    const list = targets(v, ids, o.all === true);
    if (list.length === 0) return [];
    bar.update(0, list.length);
    try {
      if (extra !== undefined) {
        const one = await checkToken(v, list[0] as string, extra);
        bar.update(1, 1);
        return [one];
      }
      return await checkTokens(v, list, { onProgress: (done, total) => bar.update(done, total) });
    } finally {
      bar.clear();
    }
  });
  if (o.json) cli.json(views.map(tokenJson));
  else if (views.length === 0) cli.note('no tokens');
  else cli.out(checkTable(views));
}

// ─── revoke and rotate ───────────────────────────────────────────────────────────────────

/**
 * The account password an operation needs (Jelastic): hidden prompt on a terminal, or with
 * --password-stdin the line after the master password. Used once, never stored or printed.
 */
function accountPassword(cli: Cli, preset: PlatformPreset): Promise<string> {
  return cli.input.secret(
    `${preset.name} account password`,
    `${preset.name} account password: `,
    `no terminal to ask for the ${preset.name} account password; use --password-stdin (the line after the master password)`,
  );
}

/** Asks y/N on a terminal unless --yes; scripts (no terminal) are not asked. */
async function confirmed(cli: Cli, yes: boolean | undefined, question: string): Promise<boolean> {
  if (yes || !cli.input.isTerminal) return true;
  return confirm(question, cli.input.lines);
}

const describeToken = (t: TokenView): string => `${shortId(t.id)} "${t.name}" (${nameOf(t.platform)} / ${t.account})`;

interface RevokeOptions extends ExtraOptions {
  readonly yes?: boolean;
  readonly confirmRevoked?: boolean;
}

async function revoke(cli: Cli, o: RevokeOptions, id: string): Promise<void> {
  const line = await cli.withUnlocked(async (v): Promise<string> => {
    const target = v.getToken(id);
    const preset = presetFor(target.platform);
    const extra = extraOf(o);
    if (preset?.revoke) {
      if (!(await confirmed(cli, o.yes, `Revoke ${describeToken(target)} through the ${preset.name} API?`))) {
        throw new AppError('BAD_INPUT', 'Not revoked.');
      }
      const password = preset.revoke.needsPassword ? await accountPassword(cli, preset) : undefined;
      const r = await revokeToken(v, target.id, { ...extra, ...(password !== undefined ? { password } : {}) });
      return `revoked ${r.view.id} ${r.view.name} (through the ${preset.name} API)`;
    }
    // Guided: the user revokes on the platform; we only record it once they say so.
    const name = preset?.name ?? nameOf(target.platform);
    const page = preset?.tokenPageUrl ?? null;
    const where = page ?? `${name}'s dashboard`;
    if (!(o.yes || o.confirmRevoked)) {
      if (!cli.input.isTerminal) {
        throw new AppError('BAD_INPUT', `guided revoke needs confirmation: revoke it at ${where}, then run again with --yes`);
      }
      cli.note(page !== null ? `${name} has no revoke API: revoke ${describeToken(target)} at ${page}` : `${name} has no revoke API: open ${name}'s dashboard and revoke ${describeToken(target)} there`);
      if (!(await confirm('Did you revoke it there?', cli.input.lines))) throw new AppError('BAD_INPUT', 'Not marked revoked.');
    }
    const r = await revokeToken(v, target.id, { ...extra, confirmedGuided: true });
    return `revoked ${r.view.id} ${r.view.name} (guided: revoked by you at ${where})`;
  });
  cli.out(`${line}\n`);
}

interface RotateOptions extends ExtraOptions {
  readonly yes?: boolean;
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

/** The confirmation question: what stops working, and (GitLab) the expiry the new token gets. */
function rotateQuestion(target: TokenView, preset: PlatformPreset, expires: string | undefined): string {
  const base = `Rotate ${describeToken(target)}? The current value stops working.`;
  if (preset.rotate?.takesExpiry !== true) return base;
  const date = expires ?? gitlabRotationDate(target, new Date());
  const kept = expires === undefined ? ' (the current expiry, kept)' : '';
  return `${base} The new token expires on ${date}${kept}; ${preset.name} stops it at 00:00 UTC that day.`;
}

async function rotateAndSave(cli: Cli, o: RotateOptions, id: string): Promise<void> {
  const result = await cli.withUnlocked(async (v): Promise<RotateResult> => {
    const target = v.getToken(id);
    const preset = presetFor(target.platform);
    const extra = { ...extraOf(o), ...(o.expires !== undefined ? { expiresAt: o.expires } : {}) };
    // No rotate API, a token whose last rotation is unconfirmed, an expiry the platform cannot
    // take: the core refuses before anything is asked or sent.
    if (!preset?.rotate || target.rotationUnconfirmed !== null || (o.expires !== undefined && preset.rotate.takesExpiry !== true)) {
      return rotateToken(v, target.id, extra);
    }
    if (!(await confirmed(cli, o.yes, rotateQuestion(target, preset, o.expires)))) {
      throw new AppError('BAD_INPUT', 'Not rotated.');
    }
    const password = preset.rotate.needsPassword ? await accountPassword(cli, preset) : undefined;
    return rotateToken(v, target.id, { ...extra, ...(password !== undefined ? { password } : {}) });
  });
  const { view, expiryCapped } = result;
  if (expiryCapped) {
    cli.note(`patvault: the platform refused ${expiryCapped.asked} as beyond its maximum token lifetime; the new token expires on ${expiryCapped.sent} instead.`);
  }
  cli.out(`rotated ${view.id} ${view.name}; the new value is in the vault (patvault get ${shortId(view.id)})\n`);
}

// ─── platforms and detect (no vault) ─────────────────────────────────────────────────────

function platforms(cli: Cli, o: { json?: boolean }): Promise<void> {
  const presets = listPresets();
  if (o.json) cli.json(presets.map(platformJson));
  else cli.out(platformTable(presets));
  return Promise.resolve();
}

/** What `detect --json` prints. */
export interface DetectJson {
  /** Suggested platforms, best first; empty when the format is unknown. */
  readonly platforms: readonly PlatformId[];
  /** What the value looks like ("GitHub classic token"), or null. */
  readonly label: string | null;
  /** Read offline from a JWT: expiry day, subject, scopes. */
  readonly expiresAt: string | null;
  readonly subject: string | null;
  readonly scopes: readonly string[];
}

/** The token to detect: a hidden prompt on a terminal, else the first line of standard input. */
async function tokenToDetect(cli: Cli): Promise<string> {
  const raw = cli.input.isTerminal ? await promptHidden('Token (hidden): ') : await cli.input.lines.next();
  const value = (raw ?? '').trim();
  if (value === '') throw new AppError('BAD_INPUT', 'no token given: put it on the first line of standard input');
  return value;
}

function detection(value: string): DetectJson {
  const d = detectToken(value);
  const platforms = [...new Set([...(d?.platform ? [d.platform] : []), ...matchingPlatforms(value)])];
  return { platforms, label: d?.label ?? null, expiresAt: d?.expiresAt ?? null, subject: d?.subject ?? null, scopes: [...(d?.scopes ?? [])] };
}

async function detect(cli: Cli, o: { json?: boolean }): Promise<void> {
  const d = detection(await tokenToDetect(cli));
  if (o.json) {
    cli.json(d);
    return;
  }
  if (d.platforms.length === 0 && d.label === null) {
    cli.out('no known format\n');
    return;
  }
  const rows: [string, string][] = [
    ['platform', d.platforms.length > 0 ? d.platforms.map((p) => `${p} (${nameOf(p)})`).join(', ') : '-'],
    ['format', d.label ?? '-'],
  ];
  if (d.expiresAt !== null) rows.push(['expires', describeExpiry(d.expiresAt)]);
  if (d.subject !== null) rows.push(['subject', d.subject]);
  if (d.scopes.length > 0) rows.push(['scopes', d.scopes.join(', ')]);
  cli.out(rows.map(([k, val]) => `${`${k}:`.padEnd(10)}${printable(val)}\n`).join(''));
}

/** Registers `check`, `revoke`, `rotate`, `platforms`, `detect`. */
export function registerPlatformOps(program: Command): void {
  program
    .command('check')
    .summary("check tokens against their platforms and record the result")
    .description(
      'Check tokens against their platforms (through each token\'s own base URL) and record the result. ' +
        'Give token IDs or --all. A progress bar is drawn on standard error when it is a terminal. Exits 0 when ' +
        'every check ran, whatever it found (offline means status unknown, with the reason).',
    )
    .argument('[ids...]', 'token ids or unique prefixes')
    .option('--all', 'check every token in the vault')
    .option('--json', 'print a JSON array of the tokens (as list --json)')
    .option('--program <slug>', 'YesWeHack program slug to check against (single token)')
    .option('--token-id <id>', 'Jelastic token id (single token)')
    .action(run(check));

  program
    .command('revoke')
    .summary('revoke a token on its platform (API, or guided) and mark it revoked')
    .description(
      'Revoke a token. GitHub, GitLab and Jelastic: through their API, after a y/N question on a terminal ' +
        '(unless --yes); Jelastic asks for the account password (hidden; with --password-stdin the line after the ' +
        'master password). Other platforms: guided — revoke it on the page shown, then confirm (or give --yes).',
    )
    .argument('<id>', 'token id or unique prefix')
    .option('-y, --yes', 'do not ask; for a guided revoke: it is already revoked on the platform')
    .option('--confirm-revoked', 'guided revoke: it is already revoked on the platform (same as --yes)')
    .option('--token-id <id>', 'Jelastic token id')
    .action(run(revoke));

  program
    .command('rotate')
    .summary("replace a token's value through its platform's API (never printed)")
    .description(
      "Rotate a token through its platform's API (GitLab, Jelastic): the new value replaces the old one in the " +
        'vault and is never printed (patvault get ID shows it). Asks y/N on a terminal unless --yes; Jelastic asks ' +
        'for the account password as revoke does. GitLab: the new token keeps the current expiry unless --expires ' +
        'gives another date (GitLab stops a token at 00:00 UTC on its date; a date beyond the instance maximum is ' +
        'capped to it, with a note). A rotation that gets no answer is marked unconfirmed (exit 1, ' +
        'ROTATION_UNCONFIRMED) and is not repeated until a check shows the old value still works.',
    )
    .argument('<id>', 'token id or unique prefix')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--expires <date>', "the new token's expiry, YYYY-MM-DD (GitLab; default: the current expiry)", parseDate)
    .option('--token-id <id>', 'Jelastic token id')
    .action(run(rotate));

  program
    .command('platforms')
    .description('list the built-in platforms and what each supports (no vault needed)')
    .option('--json', 'print a JSON array')
    .action(run(platforms));

  program
    .command('detect')
    .summary('recognise a token read from standard input, offline (no vault needed)')
    .description(
      'Recognise a token offline: reads it from the first line of standard input (hidden prompt on a terminal; ' +
        'never echoed), prints the suggested platform(s) and what a JWT says (expiry, subject, scopes), or ' +
        '"no known format". Nothing is sent anywhere.',
    )
    .option('--json', 'print a JSON object')
    .action(run(detect));
}
