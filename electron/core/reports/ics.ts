/**
 * The expiry calendar (RFC 5545): one all-day event per token that expires, on its expiry day,
 * with one display alarm per reminder. Import it into any calendar app; importing a newer
 * export updates the events instead of adding copies, because each event's UID is made from
 * the token id and the expiry date (a new expiry is a new event).
 */
import { AppError } from '../../../shared/errors';
import type { TokenView } from '../../../shared/domain/token';
import { escapeText, foldLine, icsDate, icsNextDate, icsUtc, isCalendarDay } from './ics-text';
import { platformLabel } from './labels';

/** What the calendar needs besides the tokens. */
export interface IcsOptions {
  readonly now: Date;
  readonly title: string;
  /** Whole days before the expiry day for tokens without their own list; already checked. */
  readonly reminderDaysBefore: readonly number[];
}

/** The calendar text and how many events it holds. */
export interface IcsResult {
  readonly content: string;
  readonly events: number;
}

const PRODID = '-//PAT Vault//Token inventory//EN';

/** A property line: name (with parameters) and an already-encoded value. */
type Line = readonly [name: string, value: string];

/** The whole calendar. Tokens without an expiry have no event. */
export function icsInventory(views: readonly TokenView[], o: IcsOptions): IcsResult {
  const lines: Line[] = [
    ['BEGIN', 'VCALENDAR'],
    ['VERSION', '2.0'],
    ['PRODID', PRODID],
    ['CALSCALE', 'GREGORIAN'],
    ['METHOD', 'PUBLISH'],
    ['X-WR-CALNAME', escapeText(o.title)],
  ];
  let events = 0;
  for (const v of views) {
    // A revoked token is dead on purpose: no event, no alarm (it gets no reminders in the app either).
    if (v.expiresAt === null || v.status === 'revoked') continue;
    lines.push(...eventLines(v, v.expiresAt, o));
    events++;
  }
  lines.push(['END', 'VCALENDAR']);
  return { content: lines.map(([name, value]) => foldLine(`${name}:${value}`)).join(''), events };
}

function eventLines(v: TokenView, expiresAt: string, o: IcsOptions): Line[] {
  // The vault only stores real dates; anything else here is a bug upstream, not a day to guess.
  if (!isCalendarDay(expiresAt)) throw new AppError('BAD_INPUT', `Token ${v.id} has an unreadable expiry date; it cannot go in a calendar.`);
  const where = `${platformLabel(v)} / ${v.account}`;
  const lines: Line[] = [
    ['BEGIN', 'VEVENT'],
    ['UID', `${v.id}-${expiresAt}@patvault`],
    ['DTSTAMP', icsUtc(o.now)],
    ['DTSTART;VALUE=DATE', icsDate(expiresAt)],
    ['DTEND;VALUE=DATE', icsNextDate(expiresAt)],
    ['SUMMARY', escapeText(`Token expires: ${v.name} (${where})`)],
    ['DESCRIPTION', escapeText(description(v, expiresAt))],
    // A reminder, not a meeting: it must not show the day as busy.
    ['TRANSP', 'TRANSPARENT'],
  ];
  // A token's own reminder list (even an empty one) wins over the global one, as in the app
  // (shared/domain/reminder-policy.ts, effectiveReminderDays).
  for (const days of v.reminderDays ?? o.reminderDaysBefore) {
    lines.push(
      ['BEGIN', 'VALARM'],
      ['ACTION', 'DISPLAY'],
      ['TRIGGER', days === 0 ? 'PT0S' : `-P${days}D`],
      ['DESCRIPTION', escapeText(`${v.name} (${where}) ${whenText(days)}`)],
      ['END', 'VALARM'],
    );
  }
  lines.push(['END', 'VEVENT']);
  return lines;
}

/** Event details: who and what the token is for. Never its value or notes. */
function description(v: TokenView, expiresAt: string): string {
  return [
    `Client: ${v.client ?? 'none'}`,
    `Platform: ${platformLabel(v)}`,
    `Account: ${v.account}`,
    ...(v.username !== null ? [`Username: ${v.username}`] : []),
    `Scopes: ${v.scopes.length > 0 ? v.scopes.join(', ') : 'none recorded'}`,
    v.expirySource === 'user' || v.expiry === null
      ? `Expires: ${expiresAt} (works through the end of that day, local time)`
      : `Expires: ${expiresAt} (stops working at ${v.expiry.replace('T', ' ').slice(0, 16)} UTC, as ${v.expirySource === 'token' ? 'the token itself says' : 'the platform reported'})`,
    `Token id: ${v.id}`,
  ].join('\n');
}

function whenText(days: number): string {
  if (days === 0) return 'expires today';
  return days === 1 ? 'expires tomorrow' : `expires in ${days} days`;
}
