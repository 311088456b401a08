/**
 * Fixtures of file-flows.e2e.test.ts: the seeded tokens (two clients), the values that only
 * live in import files, and a reader per export format built on an independent parser.
 */
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml, type DefaultTreeAdapterTypes as T5 } from 'parse5';

export const ACME = 'Acme ff';
export const GLOBEX = 'Globex ff';

/** A value shaped like the platform's real tokens: `prefix`, then `tag` padded to `length` characters. */
export const shaped = (prefix: string, tag: string, length: number): string => `${prefix}${tag.padEnd(length, '0')}`;

export const SEEDED = [
  { platform: 'github', account: 'octo-ff', client: ACME, name: 'Acme deploy e2e-ff', token: shaped('ghp_', 'FFacmeDeploy', 36), expiresAt: '2027-02-01' },
  { platform: 'gitlab', account: 'gl-ff', client: ACME, name: 'Acme registry e2e-ff', token: shaped('glpat-', 'FFacmeRegistry', 20), expiresAt: '2027-03-01' },
  { platform: 'yeswehack', account: 'ywh-ff', client: GLOBEX, name: 'Globex reports e2e-ff', token: shaped('ywh-', 'FFglobexReports', 36), expiresAt: '2027-04-01' },
  { platform: 'brass', account: 'brass-ff', client: GLOBEX, name: 'Globex bot e2e-ff', token: shaped('9|pat-', 'FFglobexBot', 40), expiresAt: '2027-05-01' },
] as const;
export const ACME_NAMES = SEEDED.filter((t) => t.client === ACME).map((t) => t.name);
export const GLOBEX_NAMES = SEEDED.filter((t) => t.client === GLOBEX).map((t) => t.name);
export const [ACME_DEPLOY, ACME_REGISTRY, , GLOBEX_BOT] = SEEDED;
export const RENAMED = 'Acme registry e2e-ff renamed';

/** Values that only ever live in files the app imports. */
export const ENV_GH = shaped('ghp_', 'FFenvImport', 36);
export const ENV_GL = shaped('glpat-', 'FFenvImport', 20);
export const CSV_GH = shaped('ghp_', 'FFcsvImport', 36);
export const CSV_GL = shaped('glpat-', 'FFcsvImport', 20);
export const ALL_VALUES = [...SEEDED.map((t) => t.token), ENV_GH, ENV_GL, CSV_GH, CSV_GL];

/** Every text node of a parse5 document, joined (what a browser's textContent would give). */
export function htmlText(node: T5.ParentNode | T5.ChildNode): string {
  if (node.nodeName === '#text') return (node as T5.TextNode).value;
  if (!('childNodes' in node)) return '';
  const kids = node.nodeName === 'template' ? (node as T5.Template).content.childNodes : node.childNodes;
  return kids.map(htmlText).join(' ');
}

/** The names a file lists, read with a parser for its format. */
export const READ_NAMES: Readonly<Record<'csv' | 'json' | 'html' | 'ics', (text: string) => string[]>> = {
  csv: (text) => (parseCsv(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((r) => r['name'] ?? ''),
  json: (text) => (JSON.parse(text) as { name: string }[]).map((t) => t.name),
  html: (text) => {
    const page = htmlText(parseHtml(text));
    return SEEDED.map((t) => t.name).filter((n) => page.includes(n));
  },
  ics: (text) =>
    new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('summary')))
      .map((s) => SEEDED.find((t) => s.includes(t.name))?.name ?? `? ${s}`),
};

export const EXPORTS = [
  { format: 'csv', radio: 'CSV', toastNoun: 'tokens' },
  { format: 'json', radio: 'JSON', toastNoun: 'tokens' },
  { format: 'html', radio: 'Printable page (HTML)', toastNoun: 'tokens' },
  { format: 'ics', radio: 'Calendar (.ics)', toastNoun: 'calendar events' },
] as const;
