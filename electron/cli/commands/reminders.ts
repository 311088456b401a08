/**
 * `patvault reminders [--within 30d] [--json] [--client NAME]`: the tokens whose expiry date
 * falls within the window, and those already past it (they need renewing), soonest first, with
 * the reminders still to come. Days, status and reminder instants come from the same functions
 * the app's status column and notifications use, in the system's time zone, so the CLI and the
 * app never disagree about "tomorrow".
 */
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { DEFAULT_REMINDER_POLICY, effectiveReminderDays, type ReminderPolicy } from '../../../shared/domain/reminder-policy';
import { daysUntil, expiryLastDay, systemTimeZone } from '../../../shared/domain/expiry';
import { EXPIRING_WITHIN_DAYS, computeStatus, type TokenStatus } from '../../../shared/domain/status';
import type { TokenView } from '../../../shared/domain/token';
import { reminderSchedule } from '../../core/reminders/schedule';
import { isKnownTimeZone } from '../../../shared/domain/expiry';
import { describeExpiry } from '../format/relative-date';
import { renderTable } from '../format/table';
import { shortId } from '../format/tokens';
import { parseWithinDays, run } from './parsers';
import type { Cli } from '../context';
import { peekSettings, reminderPolicyFrom, settingsPathFor } from '../../core/settings/settings-store';

/** Default window: a month ahead, long enough to get a renewal through someone else's process. */
export const DEFAULT_WITHIN_DAYS = 30;

/**
 * One line of `reminders --json`. The field names are a promise to scripts: fields may be
 * added, never renamed or removed.
 */
export interface ReminderRow {
  readonly id: string;
  readonly name: string;
  /** Platform id, as `list --json` gives it. */
  readonly platform: string;
  readonly account: string;
  readonly client: string | null;
  /** YYYY-MM-DD, the last day the token works (local time). */
  readonly expiresAt: string;
  /** Calendar days from today to expiresAt: 0 = today, negative = already expired. */
  readonly daysLeft: number;
  readonly status: TokenStatus;
  /** Days before expiry reminders fire for this token: its own list, else the policy's ([] = none). */
  readonly reminderDays: number[];
  /** The next reminder, local time with its UTC offset (2026-11-24T09:00:00+01:00), or null when none is left. */
  readonly nextReminderAt: string | null;
}

// Fixed locale: the same order on every machine.
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The rows for `views` at `now` in `timeZone`: tokens whose expiry is at most `withinDays`
 * away, including every one already past it, soonest (i.e. longest expired) first, then by
 * name and id. Tokens without a readable expiry are left out: nothing reminds of them; so
 * are revoked ones (dead on purpose: they get no reminders, as in the app).
 */
export function reminderRows(
  views: readonly TokenView[],
  now: Date,
  withinDays: number,
  timeZone: string,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): ReminderRow[] {
  const rows: ReminderRow[] = [];
  for (const v of views) {
    const daysLeft = daysUntil(v.expiry, now, timeZone);
    const lastDay = expiryLastDay(v.expiry, timeZone);
    if (lastDay === null || daysLeft === null || daysLeft > withinDays) continue;
    // Recomputed at this same `now` and zone: the vault's status was taken a moment earlier.
    const status = computeStatus(v, now, EXPIRING_WITHIN_DAYS, timeZone);
    if (status === 'revoked') continue;
    const reminderDays = [...effectiveReminderDays(policy, v.reminderDays)];
    const next = reminderSchedule({ id: v.id, expiry: v.expiry, reminderDays: v.reminderDays }, policy, timeZone).find(
      (r) => r.dueAt.getTime() > now.getTime(),
    );
    rows.push({
      id: v.id,
      name: v.name,
      platform: v.platform,
      account: v.account,
      client: v.client,
      expiresAt: lastDay,
      daysLeft,
      status,
      reminderDays,
      nextReminderAt: next ? localIso(next.dueAt, timeZone) : null,
    });
  }
  return rows.sort(
    (a, b) => a.daysLeft - b.daysLeft || byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** `d` as local time in `zone` with a numeric offset, "+00:00" included (no "Z": one shape for scripts). */
function localIso(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** "in 30 days", "today", "tomorrow": the window in words. */
function windowWords(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? 'within 1 day' : `within ${days} days`;
}

/** The closing line: "3 tokens expire within 30 days (1 already expired)." */
export function reminderSummary(rows: readonly ReminderRow[], withinDays: number): string {
  if (rows.length === 0) return `No token expires ${windowWords(withinDays)}.`;
  const expired = rows.filter((r) => r.daysLeft < 0).length;
  const verb = rows.length === 1 ? 'token expires' : 'tokens expire';
  return `${rows.length} ${verb} ${windowWords(withinDays)}${expired > 0 ? ` (${expired} already expired)` : ''}.`;
}

/** The human table; reminder days as "7d 1d", the next reminder in local time without seconds. */
export function reminderTable(rows: readonly ReminderRow[], views: ReadonlyMap<string, TokenView>, now: Date, timeZone: string): string {
  return renderTable(
    [
      { header: 'ID' },
      { header: 'PLATFORM', max: 20 },
      { header: 'ACCOUNT', max: 30 },
      { header: 'CLIENT', max: 24 },
      { header: 'NAME', max: 40 },
      { header: 'EXPIRES' },
      { header: 'STATUS' },
      { header: 'REMINDERS' },
      { header: 'NEXT REMINDER' },
    ],
    rows.map((r) => [
      shortId(r.id),
      views.get(r.id)?.customPlatformName ?? r.platform,
      r.account,
      r.client ?? '-',
      r.name,
      describeExpiry(views.get(r.id)?.expiry ?? r.expiresAt, now, timeZone),
      r.status,
      r.reminderDays.length === 0 ? 'none' : r.reminderDays.map((d) => `${d}d`).join(' '),
      r.nextReminderAt === null ? '-' : r.nextReminderAt.slice(0, 16).replace('T', ' '),
    ]),
  );
}

interface RemindersOptions {
  readonly within?: number;
  readonly json?: boolean;
  readonly client?: string;
}

async function reminders(cli: Cli, opts: RemindersOptions): Promise<void> {
  const within = opts.within ?? DEFAULT_WITHIN_DAYS;
  // Names and accounts are sealed, so this unlocks like `list`.
  const views = await cli.withUnlocked((v) => v.tokens.list({ client: opts.client }));
  const now = cli.clock.now();
  // The zone the app's scheduler is given; UTC if the system's has no name luxon knows.
  const system = systemTimeZone();
  const zone = isKnownTimeZone(system) ? system : 'UTC';
  // The app's reminder policy (its settings file beside the vault), so both name the same days.
  const rows = reminderRows(views, now, within, zone, reminderPolicyFrom(peekSettings(settingsPathFor(cli.vaultPath))));
  if (opts.json) {
    cli.json(rows);
    return;
  }
  if (rows.length > 0) cli.out(reminderTable(rows, new Map(views.map((v) => [v.id, v])), now, zone));
  cli.out(`${reminderSummary(rows, within)}\n`);
}

/** Registers `reminders`. */
export function registerReminders(program: Command): void {
  program
    .command('reminders')
    .description('tokens expiring within a window (and those already expired), soonest first, with their next reminder')
    .option('--within <period>', `window: days (30, 30d) or weeks (4w), 0 to 3650 (default ${DEFAULT_WITHIN_DAYS}d)`, parseWithinDays)
    .option('--client <name>', 'only tokens of this client (case-insensitive)')
    .option('--json', 'print a JSON array')
    .action(run(reminders));
}
