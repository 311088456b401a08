/**
 * KeePassXC CSV export → import plan. KeePassXC (src/format/CsvExporter.cpp) quotes every
 * field, doubles inner quotes, ends lines with \n, writes UTF-8 without BOM, and uses the header
 *   2.6+: "Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"
 *   older: "Group","Title","Username","Password","URL","Notes"
 * Group is the path from the root group, "/"-separated ("Root/Clients/Acme").
 *
 * Mapping: Title → name, Password → token, Username → username, Notes → notes, the last group
 * below the root → client, URL → platform hint and account (its host). TOTP is a secret of its
 * own and is never read.
 */
import { detectToken } from '../../../shared/domain/detect';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import { AppError } from '../../../shared/errors';
import { readCsvTable, type CsvRow } from './csv-table';
import { nonBlank, withClaimHints } from './field-values';
import { importDefaults, parseOptions, type ImportDefaults, type ParsedDefaults } from './options';
import { PlanBuilder, type ImportPlan, type NewTokenInputRaw } from './plan';
import { platformFromUrl, urlHost } from './platform-hints';

/** Columns an export must have to be read. */
const REQUIRED = ['Group', 'Title', 'Password'] as const;
/** The group KeePassXC moves deleted entries to, directly below the root (English name). */
export const RECYCLE_BIN = 'Recycle Bin';

export const IN_RECYCLE_BIN = 'in the Recycle Bin (a deleted entry)';
export const EMPTY_PASSWORD = 'empty password';
export const PLATFORM_NOT_RECOGNISED = 'platform not recognised (neither the password nor the URL tells; choose a default platform)';

/** Reads a KeePassXC CSV export. Throws BAD_INPUT when the file is not one. */
export function parseKeePassXcCsv(text: string, defaults: ImportDefaults = {}): ImportPlan {
  const d = parseOptions(importDefaults, defaults, 'defaults');
  const table = readCsvTable(text, { delimiter: ',', what: 'KeePassXC export' });
  const at = (name: string): number | undefined => {
    const i = table.headers.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    return i < 0 ? undefined : i;
  };
  const missing = REQUIRED.filter((c) => at(c) === undefined);
  if (missing.length > 0) {
    throw new AppError(
      'BAD_INPUT',
      `Line ${table.headerLine}: this is not a KeePassXC CSV export: the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} ` +
        '(KeePassXC writes "Group","Title","Username","Password","URL","Notes",…).',
    );
  }
  const columns: Columns = {
    group: at('Group') as number,
    title: at('Title') as number,
    password: at('Password') as number,
    username: at('Username'),
    url: at('URL'),
    notes: at('Notes'),
  };

  const plan = new PlanBuilder('keepassxc');
  for (const row of table.rows) {
    if (row.cells.length !== table.headers.length) {
      // A hand-edited export whose columns shifted: the title cell might hold the password.
      plan.skip(row.line, '', `has ${row.cells.length} fields where the header has ${table.headers.length}`);
      continue;
    }
    addEntry(plan, row, columns, d);
  }
  return plan.build();
}

/** Column indexes; the optional ones may be absent from hand-made exports. */
interface Columns {
  readonly group: number;
  readonly title: number;
  readonly password: number;
  readonly username: number | undefined;
  readonly url: number | undefined;
  readonly notes: number | undefined;
}

function addEntry(plan: PlanBuilder, row: CsvRow, c: Columns, d: ParsedDefaults): void {
  const cell = (i: number | undefined): string => (i === undefined ? '' : (row.cells[i] ?? ''));
  const title = cell(c.title).trim();
  const groups = cell(c.group).split('/').map((g) => g.trim());
  const password = cell(c.password);
  if (groups[1] === RECYCLE_BIN) {
    plan.skip(row.line, title, IN_RECYCLE_BIN, password);
    return;
  }
  if (password.trim() === '') {
    plan.skip(row.line, title, EMPTY_PASSWORD);
    return;
  }

  const detection = detectToken(password);
  const url = cell(c.url);
  const hint = platformFromUrl(url);
  // The password's own format first, then the URL, then the caller's default.
  const detected = Boolean(detection?.platform);
  const platform: PlatformId | null = detection?.platform || hint?.platform || d.platform || null;
  if (platform === null) {
    plan.skip(row.line, title, PLATFORM_NOT_RECOGNISED, password);
    return;
  }

  const host = urlHost(url);
  // Root alone is no client; otherwise the innermost group names it ("Root/Clients/Acme" → Acme).
  const client = (groups.length > 1 ? nonBlank(groups.at(-1)) : undefined) ?? d.client ?? undefined;
  const baseUrl = hint !== null && hint.platform === platform ? hint.baseUrl : null;
  const username = nonBlank(cell(c.username));
  const claims = withClaimHints(username !== undefined ? { username } : {}, detection);
  const notes = cell(c.notes);
  const input: NewTokenInputRaw = {
    platform,
    account: host ?? nonBlank(title) ?? d.account ?? '',
    ...(client !== undefined ? { client } : {}),
    ...(baseUrl !== null ? { baseUrl } : {}),
    name: nonBlank(title) ?? host ?? '',
    token: password,
    ...claims.fields,
    ...(notes !== '' ? { notes } : {}),
  };
  plan.add({ line: row.line, label: title }, input, detected, [...claims.hintKeys, ...(baseUrl !== null ? (['baseUrl'] as const) : [])]);
}
