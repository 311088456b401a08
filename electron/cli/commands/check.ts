/**
 * Platform commands: `check` (through the core's token-ops, which bind each request to the
 * token's own host), `revoke` and `rotate` (./token-changes.ts), `platforms` (the presets, no
 * vault) and `detect` (offline recognition of a token read from standard input, no vault).
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
import { listPresets } from '../../core/platforms/registry';
import { checkToken, checkTokens, type OperationExtra } from '../../core/platforms/token-ops';
import type { Vault } from '../../core/vault/vault';
import { platformJson, platformTable } from '../format/platforms';
import { describeExpiry, shortTimestamp } from '../format/relative-date';
import { checkTable, tokenJson } from '../format/tokens';
import { promptHidden } from '../io/password';
import { ProgressBar } from '../io/progress';
import { parseDate, run } from './parsers';
import { revoke, rotate } from './token-changes';
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
function targets(v: Vault, ids: readonly string[], all: boolean): string[] {
  const full = all ? v.tokens.list().map((t) => t.id) : ids.map((id) => v.tokens.get(id).id);
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
  /** What the value looks like ("GitHub classic personal access token", "JSON Web Token"), or null. */
  readonly label: string | null;
  /** The format's stable id ("github-classic", "gitlab-deploy", "jwt", "iobeya-jwt"), or null. */
  readonly kind: string | null;
  /** False for formats that are not personal access tokens (GitHub OAuth/app tokens, GitLab deploy/runner… tokens, a JWT of unknown origin); null when unknown. */
  readonly personalAccessToken: boolean | null;
  /** Read offline from a JWT: expiry day (UTC), expiry instant (ISO, UTC), issue instant, subject, issuer, scopes. */
  readonly expiresAt: string | null;
  readonly expiresAtInstant: string | null;
  readonly issuedAt: string | null;
  readonly subject: string | null;
  readonly issuer: string | null;
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
  // A JWT of unknown origin names no platform: any platform may issue JWTs.
  const platforms = [...new Set([...(d?.platform ? [d.platform] : []), ...matchingPlatforms(value)])];
  return {
    platforms,
    label: d?.label ?? null,
    kind: d?.kind ?? null,
    personalAccessToken: d?.personalAccessToken ?? null,
    expiresAt: d?.expiresAt ?? null,
    expiresAtInstant: d?.expiresAtInstant ?? null,
    issuedAt: d?.issuedAt ?? null,
    subject: d?.subject ?? null,
    issuer: d?.issuer ?? null,
    scopes: [...(d?.scopes ?? [])],
  };
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
  if (d.expiresAt !== null) rows.push(['expires', `${describeExpiry(d.expiresAtInstant ?? d.expiresAt)}${d.expiresAtInstant !== null ? ` — stops ${shortTimestamp(d.expiresAtInstant)}` : ''}`]);
  if (d.issuedAt !== null) rows.push(['issued', shortTimestamp(d.issuedAt)]);
  if (d.subject !== null) rows.push(['subject', d.subject]);
  if (d.issuer !== null) rows.push(['issuer', d.issuer]);
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
