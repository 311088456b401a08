/**
 * Option-value parsers. A value that cannot be read at all (a letter where a number goes)
 * is bad usage (exit 2, via commander's InvalidArgumentError); a well-formed value the vault
 * refuses (a date that does not exist, a KDF below the floor) is left to the core (exit 1).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { Cli } from '../context';
import { calendarDayStart } from '../../../shared/domain/expiry';

/** "a, b,,c" → ["a", "b", "c"]; "" → [] (no scopes). */
export function parseScopes(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A whole number ≥ 1. */
export function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a whole number of at least 1.');
  }
  return Number(value);
}

/** MiB (decimals allowed, e.g. 19 or 46.5) → KiB, as the core stores memory cost. */
export function parseMiBToKiB(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new InvalidArgumentError('expected a number of MiB, e.g. 64.');
  return Math.round(Number(value) * 1024);
}

/**
 * Reminder days: "14,3,1" → [14, 3, 1]; "none" → [] (never remind); "default" → 'default'
 * (the app's policy; not null, which commander would replace by the raw text). Numbers are
 * checked by the core (0–365, at most 10).
 */
export function parseReminderDays(value: string): number[] | 'default' {
  const v = value.trim().toLowerCase();
  if (v === 'default') return 'default';
  if (v === 'none' || v === '') return [];
  const parts = v.split(',').map((s) => s.trim());
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) throw new InvalidArgumentError('expected days before expiry like 14,3,1, or none, or default.');
  return parts.map(Number);
}

/** The longest `--within` window: ten years, as far as any expiry date is worth looking. */
export const MAX_WITHIN_DAYS = 3650;

/** A window in days: "30", "30d" or "4w" (weeks of 7 days), 0 to 3650 days. */
export function parseWithinDays(value: string): number {
  const m = /^(\d{1,5})\s*([dw]?)$/i.exec(value.trim());
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : Number.NaN;
  if (!Number.isInteger(days) || days > MAX_WITHIN_DAYS) {
    throw new InvalidArgumentError(`expected days like 30, 30d or 4w, from 0 to ${MAX_WITHIN_DAYS} days.`);
  }
  return days;
}

/** A calendar date that exists, YYYY-MM-DD (the new expiry `rotate --expires` asks the platform for). */
export function parseDate(value: string): string {
  const v = value.trim();
  if (calendarDayStart(v) === null) throw new InvalidArgumentError('expected a date that exists, written YYYY-MM-DD.');
  return v;
}

/** "" means "clear" for optional text fields of `edit`. */
export const emptyToNull = (s: string): string | null => (s.trim() === '' ? null : s);

/** "none" clears an expiry; anything else is passed on for the core to check. */
export const expiryValue = (s: string): string | null => (s.trim().toLowerCase() === 'none' ? null : s);

/**
 * Wraps a command handler: builds the Cli from the global options (commander passes the
 * Command last) and hands over the positional arguments and this command's options.
 */
export function run<A extends unknown[], O>(
  handler: (cli: Cli, opts: O, ...args: A) => Promise<void>,
): (...params: unknown[]) => Promise<void> {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const opts = params[params.length - 2] as O;
    const args = params.slice(0, -2) as A;
    await handler(new Cli(command.optsWithGlobals()), opts, ...args);
  };
}
