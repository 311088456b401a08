/**
 * The import steps every caller shares — the CLI's `import --format env|csv|keepassxc` and the
 * app's import screen — so both decide the same way: file text + the user's options → a plan,
 * and plan + the vault's duplicate check → one row per line of the file (import, duplicate in
 * the file, duplicate in the vault, skipped) and the inputs to write. Rows never hold a value:
 * labels and reasons were already scrubbed by PlanBuilder, and values are not copied here.
 */
import type { PlatformId } from '../../../shared/domain/platform-ids';
import { AppError } from '../../../shared/errors';
import { csvHeaders, readCsvTable } from './csv-table';
import { parseCsvFile } from './csv-file';
import { suggestMapping, type CsvMapping } from './csv-mapping';
import { parseEnvFile } from './env-file';
import { parseKeePassXcCsv } from './keepassxc';
import type { ImportFormat, ImportPlan, NewTokenInputRaw } from './plan';

/** What the user says besides the file. */
export interface PlanImportOptions {
  readonly format: ImportFormat;
  /** Account for every row (required for .env, a fallback otherwise). */
  readonly account?: string | undefined;
  readonly client?: string | undefined;
  /** Platform for rows whose format or file says none (not used by .env). */
  readonly platform?: PlatformId | undefined;
  /** CSV: field → column, used as given (checked against the header); guessed from the header when absent. */
  readonly mapping?: Readonly<Record<string, string>> | undefined;
}

/** CSV: the mapping to use; it must name the token and name columns. */
function csvMapping(text: string, given: PlanImportOptions['mapping']): CsvMapping {
  const headers = csvHeaders(text);
  const mapping: Partial<Record<string, string>> = given ?? suggestMapping(headers);
  if (!mapping.token || !mapping.name) {
    throw new AppError('BAD_INPUT', `The column mapping must name the token and name columns (the file has: ${headers.join(', ')}).`);
  }
  return mapping as CsvMapping;
}

/** Parses file text into a plan (nothing is written). A malformed file or unusable options: BAD_INPUT. */
export function planImport(text: string, o: PlanImportOptions): ImportPlan {
  const defaults = { ...(o.account ? { account: o.account } : {}), ...(o.platform ? { platform: o.platform } : {}), ...(o.client ? { client: o.client } : {}) };
  switch (o.format) {
    case 'env':
      if (!o.account) throw new AppError('BAD_INPUT', 'A .env import needs an account (the account the tokens belong to).');
      return parseEnvFile(text, { account: o.account, ...(o.client ? { client: o.client } : {}) });
    case 'csv':
      return parseCsvFile(text, csvMapping(text, o.mapping), defaults);
    case 'keepassxc':
      return parseKeePassXcCsv(text, defaults);
  }
}

/** What the mapping step needs to know about a chosen file. */
export interface ImportFileInfo {
  /** CSV: the header row's columns; [] for the other formats. */
  readonly headers: string[];
  /** CSV: field → column guessed from the header names; {} for the other formats. */
  readonly suggestedMapping: Record<string, string>;
}

/**
 * Reads the whole file once as its format, so a malformed one (an unterminated quote, a
 * KeePassXC export missing its columns) is refused when it is chosen rather than after the
 * user has filled in the options. The trial plan is dropped at once.
 */
export function inspectImportText(text: string, format: ImportFormat): ImportFileInfo {
  switch (format) {
    case 'env':
      // The account is the user's next answer; any valid one reads the syntax the same.
      parseEnvFile(text, { account: 'inspect' });
      return { headers: [], suggestedMapping: {} };
    case 'keepassxc':
      parseKeePassXcCsv(text);
      return { headers: [], suggestedMapping: {} };
    case 'csv': {
      const headers = [...readCsvTable(text).headers];
      const guessed = Object.entries(suggestMapping(headers)).filter((e): e is [string, string] => typeof e[1] === 'string');
      return { headers, suggestedMapping: Object.fromEntries(guessed) };
    }
  }
}

/** What the import does with one row of the file. */
export type PreviewAction = 'import' | 'duplicate-in-file' | 'duplicate-in-vault' | 'skip';

/** One row of the preview. Never holds a value. */
export interface PreviewRow {
  readonly line: number;
  /** The row's key or title in the file ('' when it has none). */
  readonly label: string;
  readonly action: PreviewAction;
  readonly name: string | null;
  readonly platform: string | null;
  readonly account: string | null;
  readonly client: string | null;
  /** Platform read from the token's own format. */
  readonly detectedPlatform: boolean;
  /**
   * Why it is skipped or a duplicate ("duplicate of line 3", "already in the vault (3f9a12bc)");
   * for an import, which token's value it replaces (one token per user: iObeya), else null.
   */
  readonly reason: string | null;
}

/** The preview: rows in file order, and the inputs an import would write. */
export interface ImportPreview {
  readonly rows: readonly PreviewRow[];
  /** Candidates that are neither a repeat within the file nor already in the vault, ready for `vault.tokens.import`. */
  readonly fresh: readonly NewTokenInputRaw[];
  readonly counts: { readonly import: number; readonly duplicates: number; readonly skipped: number };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Checks the plan against the vault: `findExisting` (vault.tokens.findExisting) gives, per value,
 * the id of the token already holding it; `findReplaced` (Vault.findReplaced), per input,
 * the token whose value it would replace. Rows sorted by line; on the same line, candidates first.
 */
export function previewImport(
  plan: ImportPlan,
  findExisting: (values: readonly string[]) => readonly (string | null)[],
  findReplaced?: (inputs: readonly NewTokenInputRaw[]) => readonly ({ id: string; name: string } | null)[],
): ImportPreview {
  const inVault = findExisting(plan.candidates.map((c) => String(c.input.token)));
  // One token per user (iObeya): an import row that gives a user's token its new value says so.
  const replaces = findReplaced?.(plan.candidates.map((c) => c.input)) ?? [];
  const fresh: NewTokenInputRaw[] = [];
  const candidates = plan.candidates.map((c, i): PreviewRow => {
    const existing = inVault[i] ?? null;
    const target = replaces[i] ?? null;
    const [action, reason]: [PreviewAction, string | null] =
      c.duplicateOfLine !== undefined
        ? ['duplicate-in-file', `duplicate of line ${c.duplicateOfLine}`]
        : existing !== null
          ? ['duplicate-in-vault', `already in the vault (${existing.slice(0, 8)})`]
          : ['import', target === null ? null : `replaces the value of “${target.name}” (${target.id.slice(0, 8)}); the old value stays in its history`];
    if (action === 'import') fresh.push(c.input);
    const { name, platform, account, client } = c.input;
    return { line: c.source.line, label: c.source.label, action, name: text(name), platform: text(platform), account: text(account), client: text(client), detectedPlatform: c.detectedPlatform, reason };
  });
  const skipped = plan.skipped.map(
    (s): PreviewRow => ({ line: s.line, label: s.label, action: 'skip', name: null, platform: null, account: null, client: null, detectedPlatform: false, reason: s.reason }),
  );
  const rows = [...candidates, ...skipped].sort((a, b) => a.line - b.line);
  return { rows, fresh, counts: { import: fresh.length, duplicates: plan.candidates.length - fresh.length, skipped: plan.skipped.length } };
}
