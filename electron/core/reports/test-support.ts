/**
 * For this folder's tests only: token views with every field set, and readers for each
 * format built on independent parsers (csv-parse, parse5, ical.js), so tests compare what a
 * user's tools would read, not our own strings.
 */
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { TokenView } from '../../../shared/domain/token';

/**
 * A view with every field the exports read filled in; `over` replaces fields. Fields added to
 * TokenView later may be missing here: no export reads a field it does not list.
 */
export function view(over: Partial<TokenView> = {}): TokenView {
  const base: Partial<TokenView> = {
    id: '0123456789abcdef0123456789abcdef',
    platform: 'github',
    account: 'octocat',
    accountId: 'fedcba9876543210fedcba9876543210',
    client: 'Acme',
    username: 'octo',
    baseUrl: null,
    name: 'CI deploy',
    scopes: ['repo', 'read:org'],
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-02-03T04:05:06.000Z',
    expiresAt: '2027-03-04',
    lastCheck: { at: '2026-11-20T08:30:00.000Z', result: 'active', owner: 'octocat' },
    status: 'active',
    customPlatformId: null,
    customPlatformName: null,
    programSlug: null,
    platformTokenId: null,
    reminderDays: null,
    expirySource: 'user',
    expiryRaw: null,
    neverExpires: false,
    lastUsedAt: null,
    verdict: null,
    rotationUnconfirmed: null,
  };
  // A view given only `expiresAt` (a typed day) gets the matching expiry, as the vault's views have.
  const expiresAt = over.expiresAt !== undefined ? over.expiresAt : (base.expiresAt as string);
  const expiry = over.expiry !== undefined ? over.expiry : expiresAt;
  return { ...base, expiry, enteredExpiresAt: expiresAt, ...(expiry === null ? { expirySource: null } : {}), ...over } as TokenView;
}

/**
 * RFC 4180's grammar: records ending in CRLF, a field either quoted (quotes doubled inside)
 * or free of quote, comma, CR and LF. csv-parse alone would also accept a bare line break
 * in an unquoted field, which other readers split into two records.
 */
const RFC4180 = /^(?:(?:"(?:[^"]|"")*"|[^",\r\n]*)(?:,(?:"(?:[^"]|"")*"|[^",\r\n]*))*\r\n)*$/;

/** CSV records as a strict RFC 4180 reader sees them (header row included); throws on anything else. */
export function readCsv(text: string): string[][] {
  if (!RFC4180.test(text)) throw new Error('not RFC 4180 CSV');
  return parseCsv(text, { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
}

/** A parsed page and every parse error parse5 reported. */
export function readHtml(html: string): { doc: T.Document; errors: string[] } {
  const errors: string[] = [];
  const doc = parseHtml(html, { onParseError: (e) => errors.push(e.code) });
  return { doc, errors };
}

/** Every element below `node`, document order. */
export function elements(node: T.ParentNode): T.Element[] {
  const out: T.Element[] = [];
  for (const c of node.childNodes) {
    if ('tagName' in c) {
      out.push(c);
      out.push(...elements(c.nodeName === 'template' ? (c as T.Template).content : c));
    }
  }
  return out;
}

/** The text under `node`, as the DOM's textContent. */
export function text(node: T.ChildNode | T.ParentNode): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  if (!('childNodes' in node)) return '';
  return node.childNodes.map(text).join('');
}

/** Attribute value, or undefined. */
export function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** A token row of the HTML page, read back. */
export interface HtmlRow {
  readonly id: string;
  readonly client: string;
  readonly cells: Readonly<Record<string, string>>;
  readonly scopes: readonly string[];
  /** Main text of a cell, without its smaller second line. */
  readonly main: Readonly<Record<string, string>>;
}

/** Every token row of the page, with the heading of the section it is in. */
export function htmlRows(doc: T.Document): HtmlRow[] {
  const rows: HtmlRow[] = [];
  for (const section of elements(doc).filter((e) => e.tagName === 'section' && attr(e, 'class') === 'client')) {
    const name = elements(section).find((e) => attr(e, 'class') === 'client-name');
    const client = name ? text(name) : '';
    for (const tr of elements(section).filter((e) => e.tagName === 'tr' && attr(e, 'data-token-id') !== undefined)) {
      const cells: Record<string, string> = {};
      const main: Record<string, string> = {};
      let scopes: string[] = [];
      for (const td of tr.childNodes.filter((c): c is T.Element => 'tagName' in c)) {
        const cls = (attr(td, 'class') ?? '').split(' ')[0] as string;
        cells[cls] = text(td);
        main[cls] = td.childNodes[0] ? text(td.childNodes[0]) : '';
        if (cls === 'scopes') scopes = elements(td).filter((e) => e.tagName === 'li').map(text);
      }
      rows.push({ id: attr(tr, 'data-token-id') as string, client, cells, main, scopes });
    }
  }
  return rows;
}

/** One calendar event, read back by ical.js. */
export interface IcsEvent {
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  readonly start: string;
  readonly startIsDate: boolean;
  readonly end: string;
  readonly dtstamp: string;
  readonly triggers: readonly string[];
  readonly alarmActions: readonly string[];
}

/** The calendar and its events as ical.js parses them. */
export function readIcs(ics: string): { calendar: InstanceType<typeof ICAL.Component>; events: IcsEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((e) => {
    const start = e.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    const alarms = e.getAllSubcomponents('valarm');
    return {
      uid: String(e.getFirstPropertyValue('uid')),
      summary: String(e.getFirstPropertyValue('summary')),
      description: String(e.getFirstPropertyValue('description')),
      start: start.toString(),
      startIsDate: start.isDate,
      end: String(e.getFirstPropertyValue('dtend')),
      dtstamp: String(e.getFirstPropertyValue('dtstamp')),
      triggers: alarms.map((a) => String(a.getFirstPropertyValue('trigger'))),
      alarmActions: alarms.map((a) => String(a.getFirstPropertyValue('action'))),
    };
  });
  return { calendar, events };
}

/** The calendar's lines with folding undone (RFC 5545 §3.1), for byte-level checks. */
export function unfoldIcs(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

/** The physical lines of a calendar, without their CRLF; throws on a bare CR or LF. */
export function icsPhysicalLines(ics: string): string[] {
  if (!ics.endsWith('\r\n')) throw new Error('calendar does not end with CRLF');
  const lines = ics.slice(0, -2).split('\r\n');
  for (const l of lines) if (/[\r\n]/.test(l)) throw new Error(`bare line break in ${JSON.stringify(l)}`);
  return lines;
}
