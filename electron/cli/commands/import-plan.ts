/**
 * `import FILE --format env|csv|keepassxc`: tokens from where they live today, through the
 * core's parsers (electron/core/import). The plan is shown first — what would be imported,
 * what is a duplicate (in the file or already in the vault), what is skipped and why — and
 * `--dry-run` stops there. A malformed file is refused whole; nothing is ever printed that
 * holds a token value.
 */
import { AppError } from '../../../shared/errors';
import { isPlatformId, type PlatformId } from '../../../shared/domain/platform-ids';
import {
  IMPORT_MAX_BYTES,
  csvHeaders,
  decodeImportBytes,
  planImport,
  previewImport,
  suggestMapping,
  type CsvMapping,
  type ImportFormat,
  type ImportPlan,
  type PreviewRow,
} from '../../core/import';
import { renderTable } from '../format/table';
import { readInputFile } from '../io/read-input-file';
import type { Cli } from '../context';

export type PlanFormat = ImportFormat;

export interface PlanImportOptions {
  readonly format: PlanFormat;
  readonly account?: string;
  readonly client?: string;
  readonly platform?: string;
  readonly map?: string;
  readonly dryRun?: boolean;
  readonly batchSize?: number;
}

/** The file as text (UTF-8 or UTF-16 with a BOM), size-checked before reading. */
function readText(file: string): string {
  return decodeImportBytes(readInputFile(file, IMPORT_MAX_BYTES), file);
}

/** "token=Secret,name=Title" → a mapping; absent fields come from the header guesses. */
function mappingFrom(spec: string | undefined, headers: readonly string[]): CsvMapping {
  const guessed = suggestMapping(headers);
  const given: Record<string, string> = {};
  for (const part of (spec ?? '').split(',').filter((p) => p.trim() !== '')) {
    const eq = part.indexOf('=');
    if (eq < 1) throw new AppError('BAD_INPUT', `--map: expected field=Column pairs, e.g. token=Secret,name=Title (got "${part.trim()}").`);
    given[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const mapping = { ...guessed, ...given } as Partial<CsvMapping>;
  if (!mapping.token || !mapping.name) {
    throw new AppError('BAD_INPUT', `--map must name the token and name columns (the file has: ${headers.join(', ')}), e.g. --map token=Secret,name=Title.`);
  }
  return mapping as CsvMapping;
}

function platformOption(p: string | undefined): PlatformId | undefined {
  if (p === undefined) return undefined;
  if (!isPlatformId(p)) throw new AppError('BAD_INPUT', `--platform: unknown platform "${p}".`);
  return p;
}

/**
 * Parses the file into a plan (nothing is written): the core's planImport (shared with the
 * app), after the flags are checked here so their messages name the flags.
 */
export function planFor(file: string, o: PlanImportOptions): ImportPlan {
  const text = readText(file);
  const platform = platformOption(o.platform);
  if (o.format === 'env' && !o.account) throw new AppError('BAD_INPUT', 'import --format env needs --account (the account the tokens belong to).');
  const mapping = o.format === 'csv' ? mappingFrom(o.map, csvHeaders(text)) : undefined;
  return planImport(text, { format: o.format, account: o.account, client: o.client, platform, mapping });
}

/** The preview table: one line per row of the file (in the core's preview order), never a value. */
function previewTable(rows: readonly PreviewRow[]): string {
  const cells = rows.map((r) => [String(r.line), r.action === 'import' ? (r.reason === null ? 'import' : `import: ${r.reason}`) : r.action === 'skip' ? `skip: ${r.reason}` : String(r.reason), r.platform ?? '', r.account ?? '', r.action === 'skip' ? r.label : (r.name ?? '')]);
  return renderTable([{ header: 'LINE' }, { header: 'ACTION', max: 60 }, { header: 'PLATFORM' }, { header: 'ACCOUNT', max: 30 }, { header: 'NAME', max: 40 }], cells);
}

/** "replaced the value of 2 tokens, " when an import gave users' tokens new values (iObeya), else "". */
export function replacedText(n: number): string {
  return n === 0 ? '' : `replaced the value of ${n} token${n === 1 ? '' : 's'} (one token per user; old values kept in their history), `;
}

/** Shows the plan, then (unless --dry-run) imports the new tokens and prints the summary. */
export async function importPlanCmd(cli: Cli, o: PlanImportOptions, file: string): Promise<void> {
  const plan = planFor(file, o);
  const summary = await cli.withUnlocked((v) => {
    const preview = previewImport(plan, (values) => v.tokens.findExisting(values), (inputs) => v.tokens.findReplaced(inputs));
    cli.note(previewTable(preview.rows).trimEnd());
    const fresh = [...preview.fresh];
    const dupes = preview.counts.duplicates;
    if (o.dryRun) return `dry run: would import ${fresh.length}, ${dupes} duplicate${dupes === 1 ? '' : 's'}, ${plan.skipped.length} skipped; nothing was written`;
    const r = v.tokens.import(fresh, {
      ...(o.batchSize !== undefined ? { batchSize: o.batchSize } : {}),
      onCommitted: (done, total) => cli.note(`imported ${done}/${total}`),
    });
    return `imported ${r.imported} tokens, ${replacedText(r.replaced)}${dupes + r.skippedDuplicates} duplicate${dupes + r.skippedDuplicates === 1 ? '' : 's'}, ${plan.skipped.length} skipped`;
  });
  cli.out(`${summary}\n`);
}
