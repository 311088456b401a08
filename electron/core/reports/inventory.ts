/**
 * The inventory as a report: the token list as CSV, JSON, a printable HTML page or an expiry
 * calendar (.ics), for every token or one client's. Token values and notes never get here: the
 * input is `TokenView`s, and every format reads the fields it shows one by one (never a
 * spread), so a field added to the view later stays out until someone adds it here on purpose.
 */
import { AppError } from '../../../shared/errors';
import { DEFAULT_REMINDER_DAYS, parseReminderPolicy } from '../../../shared/domain/reminder-policy';
import type { TokenView } from '../../../shared/domain/token';
import { csvInventory } from './csv';
import { suggestedFileName } from './file-name';
import { htmlInventory } from './html';
import { icsInventory } from './ics';
import { selectClient } from './select-client';
import { jsonInventory } from './token-json';

/** The formats, JSON first as the CLI's default. */
export const INVENTORY_FORMATS = ['json', 'csv', 'html', 'ics'] as const;

/** One export format. */
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

/** What a report is made for. */
export interface InventoryOptions {
  /** The moment of the export: status words, "days left", the calendar's DTSTAMP, the file name. */
  readonly now: Date;
  /** Only the tokens held for this client (trimmed, case ignored); unknown client: BAD_INPUT. */
  readonly client?: string | undefined;
  /**
   * Calendar alarms, in whole days before the expiry day, for tokens without their own list
   * (the global reminder policy). Default [7, 1]; [] for none.
   */
  readonly reminderDaysBefore?: readonly number[] | undefined;
  /** Heading of the page and name of the calendar. */
  readonly title?: string | undefined;
}

/** A finished report, ready to save or print. */
export interface InventoryReport {
  readonly content: string;
  /** Tokens in the export; for a calendar, events written (tokens with an expiry). */
  readonly count: number;
  readonly mediaType: string;
  readonly extension: string;
  readonly suggestedFileName: string;
}

const MEDIA_TYPES: Readonly<Record<InventoryFormat, string>> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8; header=present',
  html: 'text/html; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
};

/**
 * The inventory of `views` (all, or one client's) in `format`; pure, nothing recorded (the
 * audited export is `exportInventory`, export-inventory.ts). Throws BAD_INPUT on bad options.
 */
export function renderInventory(views: readonly TokenView[], format: InventoryFormat, opts: InventoryOptions): InventoryReport {
  if (!(INVENTORY_FORMATS as readonly string[]).includes(format)) {
    throw new AppError('BAD_INPUT', `Unknown export format "${String(format)}" (known: ${INVENTORY_FORMATS.join(', ')}).`);
  }
  if (!(opts.now instanceof Date) || Number.isNaN(opts.now.getTime())) throw new AppError('BAD_INPUT', 'The export date is not a valid date.');
  // Checked like the app's own reminder setting (0–365, at most 10), so the calendar and the
  // notifications can never disagree about what a valid reminder is.
  const reminders = parseReminderPolicy({ days: [...(opts.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS)] }).days;
  const { views: chosen, client } = selectClient(views, opts.client);
  const title = opts.title?.trim() || (client === null ? 'Token inventory' : `Token inventory: ${client}`);
  const made = render(format, chosen, { now: opts.now, client, title, reminders });
  return {
    content: made.content,
    count: made.count,
    mediaType: MEDIA_TYPES[format],
    extension: format,
    suggestedFileName: suggestedFileName(opts.now, client, format),
  };
}

interface RenderOptions {
  readonly now: Date;
  readonly client: string | null;
  readonly title: string;
  readonly reminders: readonly number[];
}

function render(format: InventoryFormat, views: readonly TokenView[], o: RenderOptions): { content: string; count: number } {
  switch (format) {
    case 'json':
      return { content: jsonInventory(views), count: views.length };
    case 'csv':
      return { content: csvInventory(views), count: views.length };
    case 'html':
      return { content: htmlInventory(views, o), count: views.length };
    case 'ics': {
      const r = icsInventory(views, { now: o.now, title: o.title, reminderDaysBefore: o.reminders });
      return { content: r.content, count: r.events };
    }
    default:
      return missingCase(format);
  }
}

function missingCase(x: never): never {
  throw new AppError('BAD_INPUT', `Unknown export format "${String(x)}".`);
}
