/**
 * `detect [--json]`: recognises a token read from standard input (hidden prompt on a
 * terminal), offline and without a vault: the suggested platforms and what a JWT says.
 * Nothing is sent anywhere, and the value is never echoed.
 */
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { detectToken, matchingPlatforms } from '../../../shared/domain/detect';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import { platformName } from '../format/platforms';
import { describeExpiry, shortTimestamp } from '../format/relative-date';
import { promptHidden } from '../io/password';
import { run } from './parsers';
import type { Cli } from '../context';

/** Terminal-safe text: control characters become "?". */
const printable = (s: string): string => s.replace(/[\u0000-\u001f\u007f]/g, '?');

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
    ['platform', d.platforms.length > 0 ? d.platforms.map((p) => `${p} (${platformName(p)})`).join(', ') : '-'],
    ['format', d.label ?? '-'],
  ];
  if (d.expiresAt !== null) rows.push(['expires', `${describeExpiry(d.expiresAtInstant ?? d.expiresAt)}${d.expiresAtInstant !== null ? ` — stops ${shortTimestamp(d.expiresAtInstant)}` : ''}`]);
  if (d.issuedAt !== null) rows.push(['issued', shortTimestamp(d.issuedAt)]);
  if (d.subject !== null) rows.push(['subject', d.subject]);
  if (d.issuer !== null) rows.push(['issuer', d.issuer]);
  if (d.scopes.length > 0) rows.push(['scopes', d.scopes.join(', ')]);
  cli.out(rows.map(([k, val]) => `${`${k}:`.padEnd(10)}${printable(val)}\n`).join(''));
}

/** Registers `detect`. */
export function registerDetect(program: Command): void {
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
