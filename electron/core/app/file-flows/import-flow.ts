/**
 * The import channels: pick a file (open dialog; read once to refuse a malformed one and, for
 * CSV, to offer its columns), preview it (the plan stays in main under a random id; the page
 * gets rows without values), apply the preview (only rows that are new in the file and in the
 * vault, checked again at that moment). The parsing and the duplicate rule are core/import's
 * `planImport` / `previewImport`, the same the CLI uses.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { Response } from '../../../../shared/ipc/contract';
import type { FileFilter } from '../../ports';
import { readFileLimited } from '../../files/read-limited';
import { IMPORT_MAX_BYTES, decodeImportBytes, inspectImportText, planImport, previewImport, type ImportFormat, type ImportPlan } from '../../import';
import type { ValidRequest } from '../handlers';
import { describeFile } from './chosen-files';
import { ALL_FILES, type FileFlowContext } from './context';

const FILTERS: Readonly<Record<ImportFormat, readonly FileFilter[]>> = {
  // Electron matches extensions, and ".env" files are often named exactly that.
  env: [{ name: '.env files', extensions: ['env'] }, ALL_FILES],
  csv: [{ name: 'CSV files', extensions: ['csv'] }, ALL_FILES],
  keepassxc: [{ name: 'KeePassXC CSV export', extensions: ['csv'] }, ALL_FILES],
};

/** The file as text (UTF-8 or UTF-16 with a BOM), size-checked before it is read. */
function readImportText(path: string): string {
  return decodeImportBytes(readFileLimited(path, IMPORT_MAX_BYTES), basename(path));
}

/**
 * The one import preview main holds: its plan carries the values, so there is never more than
 * one, a new preview replaces it, apply consumes it, and lock forgets it.
 */
export class ImportPlans {
  private current: { readonly id: string; readonly plan: ImportPlan } | null = null;

  /** Keeps `plan` (dropping any earlier one) and returns its new id. */
  keep(plan: ImportPlan): string {
    const id = randomBytes(24).toString('base64url');
    this.current = { id, plan };
    return id;
  }

  /** Takes the plan with this id out (it cannot be applied twice); BAD_INPUT when it is not the current one. */
  take(id: string): ImportPlan {
    const c = this.current;
    if (c === null || c.id !== id) throw new AppError('BAD_INPUT', 'This import preview is no longer available: preview the file again.');
    this.current = null;
    return c.plan;
  }

  clear(): void {
    this.current = null;
  }
}

/** Picks a file to import and reads it once as `format`; a malformed file is refused and gets no id. */
export async function chooseImport(ctx: FileFlowContext, { format }: ValidRequest<'import.choose'>): Promise<Response<'import.choose'>> {
  // Only an unlocked vault can take an import: no point asking for a file before that.
  ctx.unlocked();
  const path = await ctx.dialogs.openFile({ title: 'Choose a file to import', filters: FILTERS[format] });
  if (path === null) return null;
  const info = inspectImportText(readImportText(path), format);
  return { fileId: ctx.files.add(path, 'import'), ...describeFile(path), ...info };
}

/** The CSV mapping as the screen sends it: a field left blank is not mapped. */
function mappingOf(m: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  return m === undefined ? undefined : Object.fromEntries(Object.entries(m).filter(([, column]) => column.trim() !== ''));
}

/** Parses the chosen file with the user's options and checks it against the vault; keeps the plan. */
export async function previewChosenImport(ctx: FileFlowContext, plans: ImportPlans, req: ValidRequest<'import.preview'>): Promise<Response<'import.preview'>> {
  const vault = ctx.unlocked();
  plans.clear(); // a failed preview must not leave an older one to apply
  const text = readImportText(ctx.files.path(req.fileId, 'import'));
  const plan = planImport(text, { format: req.format, account: req.account, client: req.client, platform: req.platform, mapping: mappingOf(req.mapping) });
  const preview = previewImport(plan, (values) => vault.tokens.findExisting(values), (inputs) => vault.tokens.findReplaced(inputs));
  return { planId: plans.keep(plan), rows: preview.rows, counts: preview.counts };
}

/** Imports the previewed plan's new tokens (duplicates re-checked now) through the vault's audited import. */
export async function applyImport(ctx: FileFlowContext, plans: ImportPlans, { planId }: ValidRequest<'import.apply'>): Promise<Response<'import.apply'>> {
  const vault = ctx.unlocked();
  const plan = plans.take(planId);
  const preview = previewImport(plan, (values) => vault.tokens.findExisting(values));
  const r = vault.tokens.import(preview.fresh);
  return { added: r.imported, replaced: r.replaced, duplicates: preview.counts.duplicates + r.skippedDuplicates, skipped: preview.counts.skipped };
}
