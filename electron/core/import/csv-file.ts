/**
 * Generic CSV (a spreadsheet of tokens) → import plan, through a column mapping the user
 * confirmed. Per row: the platform cell if there is one, else the token's format, else the
 * default platform; account and client from their columns, else the defaults.
 */
import { detectToken, type Detection } from '../../../shared/domain/detect';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import { AppError } from '../../../shared/errors';
import { resolveColumns, type CsvColumns, type CsvMapping } from './csv-mapping';
import { readCsvTable, type CsvDelimiter, type CsvRow } from './csv-table';
import { nonBlank, readExpiry, splitScopes, withClaimHints, type ClaimFields } from './field-values';
import { importDefaults, parseOptions, type ImportDefaults, type ParsedDefaults } from './options';
import { PlanBuilder, type ImportPlan, type NewTokenInputRaw } from './plan';
import { platformByName } from './platform-hints';
import { quoted } from './redact';

/** Reading options of `parseCsvFile`. */
export interface CsvFileOptions {
  /** Field separator; detected from the header line when absent. */
  readonly delimiter?: CsvDelimiter | undefined;
}

export const NO_PLATFORM = 'platform not recognised: add a platform column or choose a default platform';

/** Reads a CSV file with the given column mapping. Throws BAD_INPUT when the file or the mapping is unusable. */
export function parseCsvFile(text: string, mapping: CsvMapping, defaults: ImportDefaults = {}, options: CsvFileOptions = {}): ImportPlan {
  const d = parseOptions(importDefaults, defaults, 'defaults');
  const table = readCsvTable(text, { delimiter: options.delimiter });
  const { columns } = resolveColumns(table.headers, mapping);
  if (columns.account === undefined && d.account === undefined) {
    throw new AppError('BAD_INPUT', 'Column mapping: map an account column or give a default account.');
  }
  const width = table.headers.length;
  const plan = new PlanBuilder('csv');
  for (const row of table.rows) {
    if (!fitsHeader(row, width)) {
      // Columns may have shifted: the name cell could now hold the value, so no label.
      plan.skip(row.line, '', `has ${row.cells.length} fields where the header has ${width} (an unquoted separator inside a field?)`);
      continue;
    }
    addRow(plan, row, columns, d);
  }
  return plan.build();
}

/** Same width as the header, or wider only by empty trailing cells (spreadsheets pad rows). */
function fitsHeader(row: CsvRow, width: number): boolean {
  if (row.cells.length < width) return false;
  return row.cells.slice(width).every((c) => c.trim() === '');
}

function addRow(plan: PlanBuilder, row: CsvRow, columns: CsvColumns, d: ParsedDefaults): void {
  const cell = (i: number | undefined): string | undefined => (i === undefined ? undefined : row.cells[i]);
  const token = cell(columns.token) ?? '';
  const name = cell(columns.name) ?? '';
  const label = name.trim();
  if (token.trim() === '') {
    plan.skip(row.line, label, 'empty token value');
    return;
  }

  const detection = detectToken(token);
  const chosen = rowPlatform(nonBlank(cell(columns.platform)), detection, d.platform);
  if ('reason' in chosen) {
    plan.skip(row.line, label, chosen.reason, token);
    return;
  }
  const { platform, detected } = chosen;

  const expiry = readExpiry(cell(columns.expiresAt) ?? '');
  if (!expiry.ok) {
    plan.skip(row.line, label, expiry.reason, token);
    return;
  }
  const scopesCell = nonBlank(cell(columns.scopes));
  const username = nonBlank(cell(columns.username));
  const own: ClaimFields = {
    ...(username !== undefined ? { username } : {}),
    ...(scopesCell !== undefined ? { scopes: splitScopes(scopesCell) } : {}),
    ...(expiry.day !== null ? { expiresAt: expiry.day } : {}),
  };
  // The file's own cells win; the token's claims fill what it leaves blank.
  const claims = withClaimHints(own, detection);
  const baseUrl = nonBlank(cell(columns.baseUrl));
  const notes = cell(columns.notes);
  const client = nonBlank(cell(columns.client)) ?? d.client ?? undefined;

  const input: NewTokenInputRaw = {
    platform,
    // Blank with no default: the schema says "account must not be empty" for this row.
    account: nonBlank(cell(columns.account)) ?? d.account ?? '',
    ...(client !== undefined ? { client } : {}),
    ...(baseUrl !== undefined ? { baseUrl: baseUrl.trim() } : {}),
    name,
    token,
    ...claims.fields,
    // Notes are kept exactly, newlines and spacing included.
    ...(notes !== undefined && notes !== '' ? { notes } : {}),
  };
  plan.add({ line: row.line, label }, input, detected, claims.hintKeys);
}

/** The row's platform: its cell when it has one, else the token's format, else the default. */
function rowPlatform(
  cell: string | undefined,
  detection: Detection | null,
  fallback: PlatformId | undefined,
): { platform: PlatformId; detected: boolean } | { reason: string } {
  if (cell !== undefined) {
    const named = platformByName(cell);
    // Platform names are not secret; `quoted` still withholds a cell that looks like a token.
    return named === null ? { reason: `unknown platform ${quoted(cell)}` } : { platform: named, detected: false };
  }
  if (detection?.platform) return { platform: detection.platform, detected: true };
  return fallback !== undefined ? { platform: fallback, detected: false } : { reason: NO_PLATFORM };
}
